import type { Prisma, PrismaClient } from '@prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** Actions this module records, `<resource>.<verb>`. */
export type IdentityAuditAction =
  | 'workspace.created'
  | 'member.added'
  | 'member.role_changed'
  | 'member.removed'
  | 'workspace.ownership_transferred'
  | 'invitation.created'
  | 'invitation.accepted'
  | 'invitation.revoked'
  | 'user.password_reset';

export interface AuditEntry {
  workspaceId: string;
  /** Null for the system (e.g. a password reset proven by an emailed link rather than a session). */
  actorUserId: string | null;
  action: IdentityAuditAction;
  targetType?: 'user' | 'invitation' | 'workspace';
  targetId?: string;
  data?: Prisma.InputJsonValue;
  ip?: string | null;
}

export async function writeAuditLog(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorType: entry.actorUserId ? 'user' : 'system',
      actorId: entry.actorUserId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: entry.data,
      ip: entry.ip ?? null,
    },
  });
}
