import type { PrismaClient } from '@prisma/client';
import type { AiEngine } from '../../ai';
import type { ConversationDeps } from '../../modules/conversations';
import type { Identity, Role } from '../../modules/identity';
import type { Jobs } from '../../platform/jobs/jobs';
import type { Logger } from '../../platform/logger';

/** What the admin's services are built from; the composition root (app.ts) fills it once. */
export interface AdminDeps {
  prisma: PrismaClient;
  jobs: Jobs;
  ai: AiEngine;
  identity: Identity;
  /** The conversation service's dependencies (events reach the inbox and the widget). */
  conversations: ConversationDeps;
  secret: string;
  log: Logger;
  /** No provider key configured for the instance: the assistant answers from retrieval alone. */
  aiOffline: boolean;
  /** Providers with instance-wide keys (workspaces may add their own). */
  aiProviders: string[];
  /** The admin's public origin, e.g. `https://closer.example` (install snippet, email links). */
  publicUrl: string;
}

/**
 * Who is acting, as the admin shell established it (the portal from its session
 * cookie, the Shopify app from its session token). Services trust the
 * workspace and role only because the shell checked them; services that change
 * team or key data look the role up again in their own transaction.
 */
export interface AdminActor {
  workspaceId: string;
  userId: string;
  role: Role;
  /** Shown to shoppers when this person takes a conversation over. */
  displayName: string;
  ip?: string | null;
}
