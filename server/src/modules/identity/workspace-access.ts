import type { Prisma, PrismaClient } from '@prisma/client';
import { requireCsrfToken } from './csrf-token';
import type { IdentityDeps } from './identity.deps';
import { type Actor, ForbiddenError, type Role, UnauthenticatedError, type WorkspaceContext } from './identity.model';
import { findMemberRole } from './membership.repo';
import { type Permission, requirePermission } from './role-permissions';
import { resolveSession } from './session.service';

/**
 * Dub's `withWorkspace` without the HTTP: a session token in, a member's
 * context out (or an error). Every portal loader and action starts here, so
 * "signed in", "member of this workspace" and "allowed to" are decided in one place.
 */
export interface WorkspaceAccessOptions {
  /** Omit to allow any member (e.g. a page every role sees). */
  permission?: Permission;
  /** A workspace named by the request (URL); defaults to the session's active workspace. */
  workspaceId?: string;
  /**
   * For actions (anything that changes state): the CSRF token the form posted.
   * When the key is present it must verify against the session — a null or
   * missing form field fails. Loaders (reads) leave it out.
   */
  csrfToken?: string | null;
  /** Recorded on audit rows of what the handler changes. */
  ip?: string | null;
}

type Deps = Pick<IdentityDeps, 'prisma' | 'clock'>;

export async function authorizeWorkspace(
  deps: Deps,
  token: string | null | undefined,
  options: WorkspaceAccessOptions = {},
): Promise<WorkspaceContext> {
  const session = await resolveSession(deps, token);
  if (!session) throw new UnauthenticatedError();
  const workspaceId = options.workspaceId ?? session.activeWorkspaceId;
  const membership = session.memberships.find((candidate) => candidate.workspaceId === workspaceId);
  if (!membership) throw new ForbiddenError('You are not a member of that workspace.');
  if (options.permission) requirePermission(membership, options.permission);
  if (options.csrfToken !== undefined) requireCsrfToken(session.csrfSecret, options.csrfToken);
  return {
    userId: session.user.id,
    workspaceId: membership.workspaceId,
    ip: options.ip ?? null,
    role: membership.role,
    sessionId: session.sessionId,
    csrfSecret: session.csrfSecret,
    user: session.user,
    membership,
    session,
  };
}

/**
 * Wraps a handler so it runs only for an authorised member:
 * `withWorkspace(deps, (context, input) => …, { permission: 'team.manage' })(token, input)`.
 */
export function withWorkspace<Args extends unknown[], Result>(
  deps: Deps,
  handler: (context: WorkspaceContext, ...args: Args) => Promise<Result> | Result,
  options: WorkspaceAccessOptions = {},
): (token: string | null | undefined, ...args: Args) => Promise<Result> {
  return async (token, ...args) => handler(await authorizeWorkspace(deps, token, options), ...args);
}

/**
 * The actor's role as the database has it now, checked against a permission.
 * Services call this inside their transaction: an Actor is only a claim.
 */
export async function requireActorPermission(
  db: PrismaClient | Prisma.TransactionClient,
  actor: Actor,
  permission: Permission,
): Promise<Role> {
  const role = await findMemberRole(db, actor.workspaceId, actor.userId);
  if (!role) throw new ForbiddenError('You are not a member of that workspace.');
  requirePermission({ role }, permission);
  return role;
}
