import { randomBytes } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { writeAuditLog } from './audit-log.repo';
import { createWorkspaceWithOwner, findTakenSlugs } from './workspace.repo';
import { pickFreeSlug, slugifyWorkspaceName } from './workspace-slug';

/**
 * A workspace with its owner and first widget key, audited — inside the
 * caller's transaction. Sign-up and "create another workspace" both come here,
 * so a team made either way starts identical.
 */
export async function createOwnedWorkspace(
  tx: Prisma.TransactionClient,
  input: { name: string; ownerId: string; ip?: string | null },
): Promise<{ workspace: { id: string; name: string; slug: string }; widgetKey: string }> {
  const widgetKey = `pk_live_${randomBytes(24).toString('base64url')}`;
  const base = slugifyWorkspaceName(input.name);
  const slug = pickFreeSlug(base, await findTakenSlugs(tx, base));
  const workspace = await createWorkspaceWithOwner(tx, { name: input.name, slug, ownerId: input.ownerId, widgetKey });
  const audit = { workspaceId: workspace.id, actorUserId: input.ownerId, ip: input.ip };
  await writeAuditLog(tx, { ...audit, action: 'workspace.created', targetType: 'workspace', targetId: workspace.id });
  await writeAuditLog(tx, {
    ...audit,
    action: 'member.added',
    targetType: 'user',
    targetId: input.ownerId,
    data: { role: 'owner' },
  });
  return { workspace, widgetKey };
}

/** Whether a failed insert lost a race for a unique slug (worth retrying with a fresh look). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}
