import type { Role } from '@prisma/client';
import { z } from 'zod';

/**
 * Portal identity: users, sessions, memberships and invitations. The shapes
 * here are what the portal's loaders and actions see; none carries a password
 * hash or a stored token hash.
 */
export const roles = ['owner', 'admin', 'agent', 'viewer'] as const satisfies readonly Role[];
export type { Role };

/** Emails are compared and stored lower-cased. */
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('must be an email address'));
/** Policy (length, common passwords) is checked by checkPasswordPolicy; this bounds the work argon2 is given. */
export const passwordSchema = z.string().min(1, 'password is empty').max(256, 'password is longer than 256 characters');
const personName = z.string().trim().min(1).max(80);
export const roleSchema = z.enum(roles);

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: personName,
  workspaceName: z.string().trim().min(1).max(80),
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** Lenient on purpose: a malformed email fails like an unknown one. */
export const logInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1_024),
});
export type LogInInput = z.input<typeof logInSchema>;

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

/** A signed-in user accepts as themselves; someone new chooses a name and password (the email is the invitation's). */
export const acceptInvitationSchema = z.union([
  z.object({ userId: z.uuid() }),
  z.object({ name: personName, password: passwordSchema }),
]);
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

/** Where a request comes from; stored on sessions and audit rows, used for rate limits. */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

export interface MembershipSummary {
  workspaceId: string;
  workspaceName: string;
  workspaceSlug: string;
  role: Role;
}

/** What the cookie's token stands for. */
export interface ResolvedSession {
  sessionId: string;
  /** Per-session key for createCsrfToken / verifyCsrfToken. Never send it to the browser. */
  csrfSecret: string;
  expiresAt: Date;
  /** True when this call slid the expiry forward: re-send the cookie with the new expiry. */
  refreshed: boolean;
  user: SessionUser;
  memberships: MembershipSummary[];
  /** Null only for a user who belongs to no workspace any more. */
  activeWorkspaceId: string | null;
}

/** What createSession hands back for the cookie. */
export interface IssuedSession {
  token: string;
  csrfSecret: string;
  expiresAt: Date;
}

/**
 * Who acts on a workspace. Services look the role up again inside their
 * transaction, so an actor object cannot grant more than the database says.
 */
export interface Actor {
  userId: string;
  workspaceId: string;
  ip?: string | null;
}

/** The result of authorizeWorkspace: a signed-in member of one workspace. */
export interface WorkspaceContext extends Actor {
  role: Role;
  sessionId: string;
  csrfSecret: string;
  user: SessionUser;
  membership: MembershipSummary;
  session: ResolvedSession;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedBy: { id: string; name: string | null; email: string } | null;
  expiresAt: Date;
  createdAt: Date;
}

// ───────────────────────────── errors ─────────────────────────────

/** Wrong password and unknown email alike: the message must not tell them apart. */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  constructor() {
    super('The email or password is incorrect.');
  }
}

export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
  constructor() {
    super('An account with this email already exists; log in instead.');
  }
}

export type WeakPasswordReason = 'too_short' | 'same_as_email' | 'common';

export class WeakPasswordError extends Error {
  override readonly name = 'WeakPasswordError';
  constructor(readonly reason: WeakPasswordReason) {
    super(
      reason === 'too_short'
        ? 'Choose a password of at least 10 characters.'
        : reason === 'same_as_email'
          ? 'Choose a password that is not your email address.'
          : 'This password is too common; choose another.',
    );
  }
}

/** No session, or an expired or ended one: the portal sends the browser to the login page. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  constructor() {
    super('Please log in.');
  }
}

/** Signed in, but not allowed: not a member of the workspace, or a role without the permission. */
export class ForbiddenError extends Error {
  override readonly name: string = 'ForbiddenError';
  constructor(message = 'You do not have permission to do this.') {
    super(message);
  }
}

/** A state-changing form without this session's CSRF token: likely another site submitting it. */
export class InvalidCsrfTokenError extends ForbiddenError {
  override readonly name = 'InvalidCsrfTokenError';
  constructor() {
    super('This form has expired; reload the page and try again.');
  }
}

/** Granting, inviting with or changing a role above the actor's own. */
export class RoleCeilingError extends ForbiddenError {
  override readonly name = 'RoleCeilingError';
  constructor(readonly role: Role) {
    super(`Only someone with a role at least "${role}" can give or change the role "${role}".`);
  }
}

export class LastOwnerError extends Error {
  override readonly name = 'LastOwnerError';
  constructor() {
    super('A workspace needs at least one owner; make someone else an owner first.');
  }
}

export class MemberNotFoundError extends Error {
  override readonly name = 'MemberNotFoundError';
  constructor(readonly userId: string) {
    super('No such member in this workspace.');
  }
}

export class AlreadyMemberError extends Error {
  override readonly name = 'AlreadyMemberError';
  constructor() {
    super('This person is already a member of the workspace.');
  }
}

/** Unknown, revoked or already used: all look the same to whoever holds the link. */
export class InvitationNotFoundError extends Error {
  override readonly name = 'InvitationNotFoundError';
  constructor() {
    super('This invitation link is not valid any more; ask for a new one.');
  }
}

export class InvitationExpiredError extends Error {
  override readonly name = 'InvitationExpiredError';
  constructor() {
    super('This invitation has expired; ask for a new one.');
  }
}

export class InvitationEmailMismatchError extends ForbiddenError {
  override readonly name = 'InvitationEmailMismatchError';
  constructor() {
    super('This invitation is for another email address; log in with that one.');
  }
}

/** Forged, expired or already used: one error, so a guess learns nothing. */
export class InvalidPasswordResetTokenError extends Error {
  override readonly name = 'InvalidPasswordResetTokenError';
  constructor() {
    super('This password reset link is not valid any more; ask for a new one.');
  }
}
