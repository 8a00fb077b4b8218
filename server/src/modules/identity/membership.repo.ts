import type { Prisma, PrismaClient, Role } from '@prisma/client';
import type { MembershipSummary, MemberView } from './identity.model';

/** Memberships. Every function but the per-user listing is scoped by workspaceId. */
type Db = PrismaClient | Prisma.TransactionClient;

export async function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipSummary[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { workspaceId: true, role: true, workspace: { select: { name: true, slug: true } } },
  });
  return rows.map((row) => ({
    workspaceId: row.workspaceId,
    workspaceName: row.workspace.name,
    workspaceSlug: row.workspace.slug,
    role: row.role,
  }));
}

export async function findMemberRole(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const row = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  return row?.role ?? null;
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberView[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return rows.map((row) => ({
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    joinedAt: row.createdAt,
  }));
}

export async function addMembership(db: Db, input: { workspaceId: string; userId: string; role: Role }) {
  await db.membership.create({ data: input });
}

export async function updateMemberRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
}

export async function deleteMembership(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
}

export async function countOwners(db: Db, workspaceId: string): Promise<number> {
  return db.membership.count({ where: { workspaceId, role: 'owner' } });
}

/**
 * Serialises membership changes of one workspace until the transaction ends.
 * Without it two owners demoting each other at the same moment would both
 * see "another owner remains" and leave the workspace with none.
 */
export async function lockWorkspaceMembers(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR NO KEY UPDATE`;
}
