import { createCsrfToken, requireCsrfToken, verifyCsrfToken } from './csrf-token';
import type { IdentityDeps } from './identity.deps';
import type {
  AcceptInvitationInput,
  Actor,
  InviteMemberInput,
  LogInInput,
  RequestMeta,
  Role,
  SignUpInput,
  WorkspaceContext,
} from './identity.model';
import { inviteMember, listInvitations, revokeInvitation } from './invitation.service';
import { acceptInvitation, describeInvitation } from './invitation-accept.service';
import { logIn } from './login.service';
import { changeMemberRole, listMembers, removeMember, transferOwnership } from './member.service';
import { requestPasswordReset, resetPassword } from './password-reset.service';
import { createSession, endAllSessions, endSession, resolveSession, switchWorkspace } from './session.service';
import { signUp } from './sign-up.service';
import { authorizeWorkspace, type WorkspaceAccessOptions, withWorkspace } from './workspace-access';
import { createAdditionalWorkspace } from './workspace-create.service';

/**
 * The module's use cases with their dependencies bound once, for the portal:
 * `const identity = createIdentity({ prisma, secret, mailer, appUrl, log })`.
 * Each is the plain function of the same name; tests may call those directly.
 */
export function createIdentity(deps: IdentityDeps) {
  return {
    signUp: (input: SignUpInput, meta?: RequestMeta) => signUp(deps, input, meta),
    logIn: (input: LogInInput, meta?: RequestMeta) => logIn(deps, input, meta),
    createSession: (userId: string, meta?: RequestMeta) => createSession(deps, userId, meta),
    createWorkspace: (token: string | null | undefined, input: { name: string }, meta?: RequestMeta) =>
      createAdditionalWorkspace(deps, token, input, meta),
    resolveSession: (token: string | null | undefined) => resolveSession(deps, token),
    endSession: (token: string | null | undefined) => endSession(deps, token),
    endAllSessions: (userId: string) => endAllSessions(deps, userId),
    switchWorkspace: (token: string | null | undefined, workspaceId: string) =>
      switchWorkspace(deps, token, workspaceId),
    authorizeWorkspace: (token: string | null | undefined, options?: WorkspaceAccessOptions) =>
      authorizeWorkspace(deps, token, options),
    withWorkspace: <Args extends unknown[], Result>(
      handler: (context: WorkspaceContext, ...args: Args) => Promise<Result> | Result,
      options?: WorkspaceAccessOptions,
    ) => withWorkspace(deps, handler, options),
    createCsrfToken,
    verifyCsrfToken,
    requireCsrfToken,
    inviteMember: (actor: Actor, input: InviteMemberInput) => inviteMember(deps, actor, input),
    describeInvitation: (token: string) => describeInvitation(deps, token),
    acceptInvitation: (token: string, input: AcceptInvitationInput, meta?: RequestMeta) =>
      acceptInvitation(deps, token, input, meta),
    revokeInvitation: (actor: Actor, invitationId: string) => revokeInvitation(deps, actor, invitationId),
    listInvitations: (actor: Actor) => listInvitations(deps, actor),
    requestPasswordReset: (email: string, meta?: RequestMeta) => requestPasswordReset(deps, email, meta),
    resetPassword: (token: string, newPassword: string, meta?: RequestMeta) =>
      resetPassword(deps, token, newPassword, meta),
    listMembers: (actor: Actor) => listMembers(deps, actor),
    changeMemberRole: (actor: Actor, input: { userId: string; role: Role }) => changeMemberRole(deps, actor, input),
    removeMember: (actor: Actor, input: { userId: string }) => removeMember(deps, actor, input),
    transferOwnership: (actor: Actor, input: { userId: string }) => transferOwnership(deps, actor, input),
  };
}

export type Identity = ReturnType<typeof createIdentity>;
