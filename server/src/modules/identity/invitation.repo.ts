import type { Prisma, PrismaClient, Role } from '@prisma/client';
import type { InvitationStatus, InvitationView } from './identity.model';

/** Invitations, stored with the SHA-256 of their link's token. */
type Db = PrismaClient | Prisma.TransactionClient;

export interface InvitationRow {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  workspace: { name: string };
  invitedBy: { id: string; name: string | null; email: string } | null;
}

const columns = {
  id: true,
  workspaceId: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
  workspace: { select: { name: true } },
  invitedBy: { select: { id: true, name: true, email: true } },
} as const;

export async function insertInvitation(
  db: Db,
  input: { workspaceId: string; email: string; role: Role; tokenHash: string; invitedById: string; expiresAt: Date },
): Promise<{ id: string }> {
  return db.invitation.create({ data: input, select: { id: true } });
}

/** A new invitation to the same address replaces any still open. */
export async function revokeOpenInvitations(db: Db, workspaceId: string, email: string, now: Date): Promise<void> {
  await db.invitation.updateMany({
    where: { workspaceId, email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | null> {
  return db.invitation.findUnique({ where: { tokenHash }, select: columns });
}

/** Marks the invitation used, only if it still is open: of two racing accepts, one wins. */
export async function claimInvitation(db: Db, invitationId: string, now: Date): Promise<boolean> {
  const result = await db.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  return result.count === 1;
}

export async function revokeInvitationById(db: Db, workspaceId: string, invitationId: string, now: Date) {
  const result = await db.invitation.updateMany({
    where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return result.count === 1;
}

export async function listInvitationsOfWorkspace(db: Db, workspaceId: string, now: Date): Promise<InvitationView[]> {
  const rows = await db.invitation.findMany({
    where: { workspaceId },
    orderBy: { createdAt: 'desc' },
    select: columns,
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    invitedBy: row.invitedBy,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  }));
}

export function invitationStatus(
  row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export async function findInvitationInWorkspace(db: Db, workspaceId: string, invitationId: string) {
  return db.invitation.findFirst({ where: { id: invitationId, workspaceId }, select: { id: true, role: true } });
}
