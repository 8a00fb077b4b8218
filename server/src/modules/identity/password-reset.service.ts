import { createHash } from 'node:crypto';
import { z } from 'zod';
import { createRateLimiter, RateLimitedError } from '../../platform/rate-limit';
import { writeAuditLog } from './audit-log.repo';
import { absoluteLink, currentTime, type IdentityDeps } from './identity.deps';
import { emailSchema, InvalidPasswordResetTokenError, passwordSchema, type RequestMeta } from './identity.model';
import { listMembershipsOfUser } from './membership.repo';
import { hashPassword } from './password.hasher';
import { checkPasswordPolicy } from './password-policy';
import {
  issuePasswordResetToken,
  passwordResetLifetimeMs,
  readPasswordResetClaim,
  verifyPasswordResetToken,
} from './password-reset-token';
import { deleteSessionsOfUser } from './session.repo';
import { findUserByEmail, findUserById, replacePasswordHash } from './user.repo';

/** Reset emails per address and per IP an hour: enough to retry, too few to flood someone's inbox. */
export const passwordResetRequestLimits = {
  email: { limit: 3, windowSeconds: 3600 },
  ip: { limit: 10, windowSeconds: 3600 },
} as const;

/**
 * Emails a reset link (`/reset-password/<token>`, valid 1 hour) if an account
 * has this email. It answers the same whether or not one does, and never
 * returns the token: only the mailbox's owner may see it.
 */
export async function requestPasswordReset(deps: IdentityDeps, email: string, meta: RequestMeta = {}): Promise<void> {
  const address = emailSchema.parse(email);
  const now = currentTime(deps);
  const limiter = createRateLimiter(deps.prisma, () => now.getTime());
  const emailKey = `password-reset:email:${createHash('sha256').update(address).digest('hex').slice(0, 32)}`;
  const checks: Array<[string, { limit: number; windowSeconds: number }]> = [
    [emailKey, passwordResetRequestLimits.email],
  ];
  if (meta.ip) checks.unshift([`password-reset:ip:${meta.ip}`, passwordResetRequestLimits.ip]);
  for (const [key, { limit, windowSeconds }] of checks) {
    const result = await limiter.hit(key, limit, windowSeconds);
    if (!result.allowed) throw new RateLimitedError(result.retryAfterMs);
  }

  const user = await findUserByEmail(deps.prisma, address);
  if (!user) return;
  const { token } = issuePasswordResetToken(deps.secret, user, now);
  const minutes = Math.round(passwordResetLifetimeMs / 60_000);
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your Closer password',
    text: `Someone (hopefully you) asked to reset the password of your Closer account.\n\nChoose a new password: ${absoluteLink(deps, `/reset-password/${token}`)}\n\nThe link works once and expires in ${minutes} minutes. If you did not ask for this, ignore this email.`,
  });
}

/**
 * Sets a new password with a reset token, then ends every session of the user
 * (whoever knew the old password is logged out). The token dies with the old
 * password hash, so it works once; a weak new password does not use it up.
 */
export async function resetPassword(
  deps: Pick<IdentityDeps, 'prisma' | 'secret' | 'clock'>,
  token: string,
  newPassword: string,
  meta: RequestMeta = {},
): Promise<{ userId: string; email: string }> {
  const password = passwordSchema.parse(newPassword);
  const now = currentTime(deps);
  const claim = readPasswordResetClaim(token);
  if (!claim || !z.uuid().safeParse(claim.userId).success) throw new InvalidPasswordResetTokenError();
  const user = await findUserById(deps.prisma, claim.userId);
  if (!user || !verifyPasswordResetToken(deps.secret, token, user, now)) throw new InvalidPasswordResetTokenError();
  checkPasswordPolicy(password, user.email);
  const newHash = await hashPassword(password);

  await deps.prisma.$transaction(async (tx) => {
    // Compare-and-swap: a second use of the token, even a concurrent one, finds the hash changed.
    if (!(await replacePasswordHash(tx, user.id, user.passwordHash, newHash))) {
      throw new InvalidPasswordResetTokenError();
    }
    const sessionsEnded = await deleteSessionsOfUser(tx, user.id);
    for (const membership of await listMembershipsOfUser(tx, user.id)) {
      await writeAuditLog(tx, {
        workspaceId: membership.workspaceId,
        actorUserId: user.id,
        action: 'user.password_reset',
        targetType: 'user',
        targetId: user.id,
        data: { sessionsEnded },
        ip: meta.ip,
      });
    }
  });
  return { userId: user.id, email: user.email };
}
