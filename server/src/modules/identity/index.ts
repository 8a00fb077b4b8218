/** Identity and access: portal users, sessions, CSRF, roles, invitations, password resets, members. */

export { RateLimitedError } from '../../platform/rate-limit';
export { type AgentIdentity, issueAgentToken, verifyAgentToken } from './agent-token';
export { createCsrfToken, requireCsrfToken, verifyCsrfToken } from './csrf-token';
export type { IdentityDeps } from './identity.deps';
export { createIdentity, type Identity } from './identity.facade';
export {
  type AcceptInvitationInput,
  type Actor,
  AlreadyMemberError,
  acceptInvitationSchema,
  EmailTakenError,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidCsrfTokenError,
  InvalidPasswordResetTokenError,
  InvitationEmailMismatchError,
  InvitationExpiredError,
  InvitationNotFoundError,
  type InvitationStatus,
  type InvitationView,
  type InviteMemberInput,
  type IssuedSession,
  inviteMemberSchema,
  LastOwnerError,
  type LogInInput,
  logInSchema,
  MemberNotFoundError,
  type MembershipSummary,
  type MemberView,
  type RequestMeta,
  type ResolvedSession,
  type Role,
  RoleCeilingError,
  roles,
  type SessionUser,
  type SignUpInput,
  signUpSchema,
  UnauthenticatedError,
  WeakPasswordError,
  type WeakPasswordReason,
  type WorkspaceContext,
} from './identity.model';
export {
  type CreatedInvitation,
  invitationLifetimeMs,
  inviteMember,
  listInvitations,
  revokeInvitation,
} from './invitation.service';
export { acceptInvitation, describeInvitation } from './invitation-accept.service';
export { logIn } from './login.service';
export { loginLimits } from './login-throttle.repo';
export {
  createLogMailer,
  createMailer,
  createSmtpMailer,
  type DeliveringMailer,
  type Mailer,
  type MailMessage,
  type SmtpMailer,
} from './mailer';
export { changeMemberRole, listMembers, removeMember, transferOwnership } from './member.service';
export { createOwnedWorkspace } from './owned-workspace';
export { minPasswordLength } from './password-policy';
export { passwordResetRequestLimits, requestPasswordReset, resetPassword } from './password-reset.service';
export { passwordResetLifetimeMs } from './password-reset-token';
export {
  hasPermission,
  isRoleAtMost,
  type Permission,
  permissionNames,
  permissions,
  requirePermission,
} from './role-permissions';
export { deleteExpiredSessions } from './session.repo';
export {
  createSession,
  endAllSessions,
  endSession,
  resolveSession,
  sessionPolicy,
  switchWorkspace,
} from './session.service';
export { sessionCookieAttributes, sessionCookieName } from './session-cookie';
export { type SignUpResult, signUp, signUpLimit } from './sign-up.service';
export {
  authorizeWorkspace,
  requireActorPermission,
  type WorkspaceAccessOptions,
  withWorkspace,
} from './workspace-access';
