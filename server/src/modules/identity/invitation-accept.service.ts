import { writeAuditLog } from './audit-log.repo';
import { currentTime, type IdentityDeps } from './identity.deps';
import {
  type AcceptInvitationInput,
  AlreadyMemberError,
  acceptInvitationSchema,
  EmailTakenError,
  InvitationEmailMismatchError,
  InvitationExpiredError,
  InvitationNotFoundError,
  type Role,
  type SessionUser,
} from './identity.model';
import { claimInvitation, findInvitationByTokenHash, type InvitationRow, invitationStatus } from './invitation.repo';
import { addMembership, findMemberRole, lockWorkspaceMembers } from './membership.repo';
import { hashPassword } from './password.hasher';
import { checkPasswordPolicy } from './password-policy';
import { hashToken, isWellFormedToken } from './secure-token';
import { createUser, findUserByEmail, findUserById } from './user.repo';

type Deps = Pick<IdentityDeps, 'prisma' | 'clock'>;

/** An open invitation's details for the `/invite/<token>` page. */
export async function describeInvitation(deps: Deps, token: string) {
  const row = await findOpenInvitation(deps, token);
  return {
    workspaceName: row.workspace.name,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    invitedByName: row.invitedBy?.name ?? row.invitedBy?.email ?? null,
    /** Whether the invitee should log in (true) or create an account (false) to accept. */
    accountExists: (await findUserByEmail(deps.prisma, row.email)) !== null,
  };
}

type Joiner = { existing: SessionUser } | { name: string; passwordHash: string };

/**
 * Joins the invitation's workspace with the invitation's role: as the
 * signed-in user the invitation was sent to, or as a new user with that email
 * (who picks a name and password). A leaked link is no use to another account.
 * Returns the user so the portal can open a session for someone new.
 */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  input: AcceptInvitationInput,
  meta: { ip?: string | null } = {},
): Promise<{ user: SessionUser; workspaceId: string; role: Role; createdUser: boolean }> {
  const accepting = acceptInvitationSchema.parse(input);
  const row = await findOpenInvitation(deps, token);
  let joiner: Joiner;
  if ('userId' in accepting) {
    const existing = await findUserById(deps.prisma, accepting.userId);
    if (!existing) throw new InvitationNotFoundError();
    if (existing.email !== row.email) throw new InvitationEmailMismatchError();
    joiner = { existing: { id: existing.id, email: existing.email, name: existing.name } };
  } else {
    checkPasswordPolicy(accepting.password, row.email);
    if (await findUserByEmail(deps.prisma, row.email)) throw new EmailTakenError();
    joiner = { name: accepting.name, passwordHash: await hashPassword(accepting.password) };
  }

  const now = currentTime(deps);
  try {
    return await deps.prisma.$transaction(async (tx) => {
      await lockWorkspaceMembers(tx, row.workspaceId);
      if (!(await claimInvitation(tx, row.id, now))) {
        throw row.expiresAt.getTime() <= now.getTime() ? new InvitationExpiredError() : new InvitationNotFoundError();
      }
      const user = 'existing' in joiner ? joiner.existing : await createUser(tx, { email: row.email, ...joiner });
      if (await findMemberRole(tx, row.workspaceId, user.id)) throw new AlreadyMemberError();
      await addMembership(tx, { workspaceId: row.workspaceId, userId: user.id, role: row.role });
      const audit = { workspaceId: row.workspaceId, actorUserId: user.id, ip: meta.ip };
      await writeAuditLog(tx, { ...audit, action: 'invitation.accepted', targetType: 'invitation', targetId: row.id });
      await writeAuditLog(tx, {
        ...audit,
        action: 'member.added',
        targetType: 'user',
        targetId: user.id,
        data: { role: row.role, via: 'invitation' },
      });
      return { user, workspaceId: row.workspaceId, role: row.role, createdUser: !('existing' in joiner) };
    });
  } catch (error) {
    // Someone signed up with this email between our check and the insert.
    if ((error as { code?: string }).code === 'P2002') throw new EmailTakenError();
    throw error;
  }
}

async function findOpenInvitation(deps: Deps, token: string): Promise<InvitationRow> {
  if (!isWellFormedToken(token)) throw new InvitationNotFoundError();
  const row = await findInvitationByTokenHash(deps.prisma, hashToken(token));
  if (!row) throw new InvitationNotFoundError();
  const status = invitationStatus(row, currentTime(deps));
  if (status === 'expired') throw new InvitationExpiredError();
  if (status !== 'pending') throw new InvitationNotFoundError();
  return row;
}
