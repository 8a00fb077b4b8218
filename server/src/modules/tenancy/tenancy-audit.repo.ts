import type { Prisma, PrismaClient } from '@prisma/client';

/** Changes to a workspace's keys and settings, recorded beside identity's own audit rows. */
export type TenancyAuditAction =
  | 'api_key.created'
  | 'api_key.revoked'
  | 'workspace.settings_changed'
  | 'widget_key.origins_changed';

export interface TenancyActor {
  workspaceId: string;
  userId: string;
  ip?: string | null;
}

export async function writeTenancyAudit(
  db: PrismaClient | Prisma.TransactionClient,
  actor: TenancyActor,
  entry: {
    action: TenancyAuditAction;
    targetType: 'api_key' | 'workspace' | 'widget_key';
    targetId: string;
    data?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await db.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorType: 'user',
      actorId: actor.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: entry.data,
      ip: actor.ip ?? null,
    },
  });
}
