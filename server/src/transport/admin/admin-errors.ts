import { ZodError } from 'zod';
import {
  AlreadyMemberError,
  EmailTakenError,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidPasswordResetTokenError,
  InvitationExpiredError,
  InvitationNotFoundError,
  LastOwnerError,
  MemberNotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  WeakPasswordError,
} from '../../modules/identity';

/** A user's mistake as the admin shows it: a status, one sentence, and per-field messages for forms. */
export interface AdminFailure {
  status: number;
  message: string;
  fieldErrors?: Record<string, string>;
  /** Seconds until a rate limit lets the person try again. */
  retryAfter?: number;
}

const statusByError: [new (...args: never[]) => Error, number][] = [
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [InvalidCredentialsError, 400],
  [WeakPasswordError, 400],
  [InvalidPasswordResetTokenError, 400],
  [EmailTakenError, 409],
  [AlreadyMemberError, 409],
  [LastOwnerError, 409],
  [MemberNotFoundError, 404],
  [InvitationNotFoundError, 404],
  [InvitationExpiredError, 410],
];

/**
 * Sorts a thrown error into "the person's mistake" (a failure to show) or
 * "ours" (undefined: log it, show a generic 500). Lives on the server because
 * the portal bundle has its own copies of nothing server-side, so `instanceof`
 * on module errors only works here. Domain errors outside identity carry a
 * numeric 4xx `status` (see HttpError) and need no entry.
 */
export function classifyAdminError(error: unknown): AdminFailure | undefined {
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = issue.path.join('.') || 'form';
      fieldErrors[field] ??= issue.message;
    }
    const first = error.issues[0];
    const message = first ? (first.path.length ? `${first.path.join('.')}: ${first.message}` : first.message) : '';
    return { status: 400, message: message || 'Some fields are not valid.', fieldErrors };
  }
  if (error instanceof RateLimitedError) {
    const retryAfter = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return { status: 429, message: `Too many attempts; try again in ${retryAfter} seconds.`, retryAfter };
  }
  // Mistakes that belong to one field are shown beside it as well as at the top.
  if (error instanceof WeakPasswordError)
    return { status: 400, message: error.message, fieldErrors: { password: error.message } };
  if (error instanceof EmailTakenError)
    return { status: 409, message: error.message, fieldErrors: { email: error.message } };
  for (const [type, status] of statusByError) {
    if (error instanceof type) return { status, message: error.message };
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (error instanceof Error && typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: error.message };
  }
  return undefined;
}
