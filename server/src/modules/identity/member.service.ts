import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import { writeAuditLog } from './audit-log.repo';
import type { IdentityDeps } from './identity.deps';
import {
  type Actor,
  LastOwnerError,
  MemberNotFoundError,
  type MemberView,
  type Role,
  roleSchema,
} from './identity.model';
import {
  countOwners,
  deleteMembership,
  findMemberRole,
  listMembers as listMembersOfWorkspace,
  lockWorkspaceMembers,
  updateMemberRole,
} from './membership.repo';
import { requireRoleWithin } from './role-permissions';
import { requireActorPermission } from './workspace-access';

/**
 * The team page: who is in the workspace and with which role. The rules: you
 * can only give roles up to your own and only touch members whose role is no
 * higher than yours (an admin cannot demote or remove an owner), and the last
 * owner can neither be demoted nor removed. Changes of one workspace run one
 * at a time (a row lock), so "last owner" holds under concurrency too.
 */
type Deps = Pick<IdentityDeps, 'prisma'>;

export async function listMembers(deps: Deps, actor: Actor): Promise<MemberView[]> {
  await requireActorPermission(deps.prisma, actor, 'team.view');
  return listMembersOfWorkspace(deps.prisma, actor.workspaceId);
}

export async function changeMemberRole(deps: Deps, actor: Actor, input: { userId: string; role: Role }): Promise<void> {
  const role = roleSchema.parse(input.role);
  await deps.prisma.$transaction(async (tx) => {
    const { actorRole, targetRole } = await lockAndLoad(tx, actor, input.userId, 'team.manage');
    requireRoleWithin(actorRole, targetRole);
    requireRoleWithin(actorRole, role);
    if (targetRole === role) return;
    if (targetRole === 'owner' && (await countOwners(tx, actor.workspaceId)) <= 1) throw new LastOwnerError();
    await updateMemberRole(tx, actor.workspaceId, input.userId, role);
    await audit(tx, actor, 'member.role_changed', input.userId, { from: targetRole, to: role });
  });
}

/** Removes a member; anyone may remove themselves (leave), except the last owner. */
export async function removeMember(deps: Deps, actor: Actor, input: { userId: string }): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const leaving = input.userId === actor.userId;
    const { actorRole, targetRole } = await lockAndLoad(tx, actor, input.userId, leaving ? 'team.view' : 'team.manage');
    requireRoleWithin(actorRole, targetRole);
    if (targetRole === 'owner' && (await countOwners(tx, actor.workspaceId)) <= 1) throw new LastOwnerError();
    await deleteMembership(tx, actor.workspaceId, input.userId);
    await audit(tx, actor, 'member.removed', input.userId, { role: targetRole, left: leaving });
  });
}

/** Owners only: makes another member the owner and the actor an admin, in one step. */
export async function transferOwnership(deps: Deps, actor: Actor, input: { userId: string }): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const { targetRole } = await lockAndLoad(tx, actor, input.userId, 'workspace.transfer');
    if (input.userId === actor.userId) return;
    if (targetRole !== 'owner') await updateMemberRole(tx, actor.workspaceId, input.userId, 'owner');
    await updateMemberRole(tx, actor.workspaceId, actor.userId, 'admin');
    await audit(tx, actor, 'workspace.ownership_transferred', input.userId, { previousRole: targetRole });
  });
}

async function lockAndLoad(
  tx: Prisma.TransactionClient,
  actor: Actor,
  userId: string,
  permission: Parameters<typeof requireActorPermission>[2],
): Promise<{ actorRole: Role; targetRole: Role }> {
  await lockWorkspaceMembers(tx, actor.workspaceId);
  const actorRole = await requireActorPermission(tx, actor, permission);
  const targetRole = z.uuid().safeParse(userId).success ? await findMemberRole(tx, actor.workspaceId, userId) : null;
  if (!targetRole) throw new MemberNotFoundError(userId);
  return { actorRole, targetRole };
}

async function audit(
  tx: Prisma.TransactionClient,
  actor: Actor,
  action: 'member.role_changed' | 'member.removed' | 'workspace.ownership_transferred',
  userId: string,
  data: Prisma.InputJsonValue,
) {
  await writeAuditLog(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action,
    targetType: 'user',
    targetId: userId,
    data,
    ip: actor.ip,
  });
}
