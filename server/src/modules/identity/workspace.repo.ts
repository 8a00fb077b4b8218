import type { Prisma, PrismaClient } from '@prisma/client';

/**
 * The few workspace writes that belong to identity: a new team's workspace,
 * its owner and its first widget key, created together at sign-up.
 */
export async function findTakenSlugs(tx: Prisma.TransactionClient, base: string): Promise<Set<string>> {
  const rows = await tx.workspace.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return new Set(rows.map((row) => row.slug));
}

export async function createWorkspaceWithOwner(
  tx: Prisma.TransactionClient,
  input: { name: string; slug: string; ownerId: string; widgetKey: string },
): Promise<{ id: string; name: string; slug: string }> {
  return tx.workspace.create({
    data: {
      name: input.name,
      slug: input.slug,
      memberships: { create: { userId: input.ownerId, role: 'owner' } },
      widgetKeys: { create: { publicKey: input.widgetKey, allowedOrigins: [] } },
    },
    select: { id: true, name: true, slug: true },
  });
}

export async function findWorkspaceName(
  db: Prisma.TransactionClient | PrismaClient,
  workspaceId: string,
): Promise<string | null> {
  const row = await db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true } });
  return row?.name ?? null;
}
