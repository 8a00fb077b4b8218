import type { Prisma, PrismaClient } from '@prisma/client';
import { readWorkspaceSettings, type WorkspaceSettings } from './workspace-settings.model';

/** A workspace's settings and the facts around them that the admin shows (and the widget preview needs). */
export interface WorkspaceProfile {
  name: string;
  currency: string;
  locale: string;
  timezone: string;
  shopDomain: string | null;
  isDemo: boolean;
  settings: WorkspaceSettings;
}

export async function findWorkspaceProfile(
  prisma: PrismaClient,
  workspaceId: string,
): Promise<WorkspaceProfile | null> {
  const row = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      name: true,
      currency: true,
      locale: true,
      timezone: true,
      shopDomain: true,
      isDemo: true,
      settings: true,
    },
  });
  return row ? { ...row, settings: readWorkspaceSettings(row.settings) } : null;
}

/** Stores settings that already passed `workspaceSettingsSchema`. */
export async function writeWorkspaceSettings(
  prisma: PrismaClient | Prisma.TransactionClient,
  workspaceId: string,
  settings: WorkspaceSettings,
) {
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { settings: settings as unknown as Prisma.InputJsonValue },
  });
}
