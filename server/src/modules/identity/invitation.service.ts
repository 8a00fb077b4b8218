import { z } from 'zod';
import { writeAuditLog } from './audit-log.repo';
import { absoluteLink, currentTime, type IdentityDeps } from './identity.deps';
import {
  type Actor,
  AlreadyMemberError,
  InvitationNotFoundError,
  type InvitationView,
  type InviteMemberInput,
  inviteMemberSchema,
  type Role,
} from './identity.model';
import {
  findInvitationInWorkspace,
  insertInvitation,
  listInvitationsOfWorkspace,
  revokeInvitationById,
  revokeOpenInvitations,
} from './invitation.repo';
import { findMemberRole } from './membership.repo';
import { requireRoleWithin } from './role-permissions';
import { createRandomToken, hashToken } from './secure-token';
import { findUserByEmail } from './user.repo';
import { findWorkspaceName } from './workspace.repo';
import { requireActorPermission } from './workspace-access';

/**
 * Invitations by link: `/invite/<token>`, valid for 7 days, used once. The
 * token is shown to the inviter (and emailed) and stored only as a hash.
 */
export const invitationLifetimeMs = 7 * 24 * 3600 * 1000;

export interface CreatedInvitation {
  invitation: { id: string; email: string; role: Role; expiresAt: Date };
  token: string;
  /** Relative path of the link to share: `/invite/<token>`. */
  path: string;
  /** Whether the mailer took the email; the link works either way. */
  emailed: boolean;
}

export async function inviteMember(
  deps: IdentityDeps,
  actor: Actor,
  input: InviteMemberInput,
): Promise<CreatedInvitation> {
  const { email, role } = inviteMemberSchema.parse(input);
  const now = currentTime(deps);
  const token = createRandomToken();
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
  const { id, workspaceName } = await deps.prisma.$transaction(async (tx) => {
    const actorRole = await requireActorPermission(tx, actor, 'team.manage');
    requireRoleWithin(actorRole, role);
    const invitee = await findUserByEmail(tx, email);
    if (invitee && (await findMemberRole(tx, actor.workspaceId, invitee.id))) throw new AlreadyMemberError();
    await revokeOpenInvitations(tx, actor.workspaceId, email, now);
    const created = await insertInvitation(tx, {
      workspaceId: actor.workspaceId,
      email,
      role,
      tokenHash: hashToken(token),
      invitedById: actor.userId,
      expiresAt,
    });
    await writeAuditLog(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: created.id,
      data: { email, role },
      ip: actor.ip,
    });
    return { id: created.id, workspaceName: (await findWorkspaceName(tx, actor.workspaceId)) ?? 'a workspace' };
  });

  const path = `/invite/${token}`;
  let emailed = true;
  try {
    await deps.mailer.send({
      to: email,
      subject: `You are invited to ${workspaceName} on Closer`,
      text: `You have been invited to join ${workspaceName} on Closer as ${role}.\n\nAccept the invitation: ${absoluteLink(deps, path)}\n\nThe link works once and expires in 7 days.`,
    });
  } catch (error) {
    emailed = false;
    deps.log.warn({ err: error, invitationId: id }, 'invitation email could not be sent; share the link instead');
  }
  return { invitation: { id, email, role, expiresAt }, token, path, emailed };
}

export async function revokeInvitation(
  deps: Pick<IdentityDeps, 'prisma' | 'clock'>,
  actor: Actor,
  invitationId: string,
) {
  if (!z.uuid().safeParse(invitationId).success) throw new InvitationNotFoundError();
  const now = currentTime(deps);
  await deps.prisma.$transaction(async (tx) => {
    const actorRole = await requireActorPermission(tx, actor, 'team.manage');
    const invitation = await findInvitationInWorkspace(tx, actor.workspaceId, invitationId);
    if (!invitation) throw new InvitationNotFoundError();
    requireRoleWithin(actorRole, invitation.role);
    if (!(await revokeInvitationById(tx, actor.workspaceId, invitationId, now))) throw new InvitationNotFoundError();
    await writeAuditLog(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: invitationId,
      ip: actor.ip,
    });
  });
}

export async function listInvitations(
  deps: Pick<IdentityDeps, 'prisma' | 'clock'>,
  actor: Actor,
): Promise<InvitationView[]> {
  await requireActorPermission(deps.prisma, actor, 'team.manage');
  return listInvitationsOfWorkspace(deps.prisma, actor.workspaceId, currentTime(deps));
}
