import type { PrismaClient } from '@prisma/client';

/** What the AI settings need, and who is changing them (checked by the caller). */
export interface AiSettingsDeps {
  prisma: PrismaClient;
  /** Encrypts workspace keys (CLOSER_SECRET). */
  secret: string;
  /** Providers with keys in the instance's environment. */
  instanceProviders: readonly string[];
  now: () => Date;
}

export interface AiSettingsActor {
  workspaceId: string;
  userId: string;
  ip?: string | null;
}
