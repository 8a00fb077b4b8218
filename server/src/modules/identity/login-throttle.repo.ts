import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { createRateLimiter, RateLimitedError } from '../../platform/rate-limit';

/**
 * Login rate limits on the shared PostgreSQL limiter: 5 failures per 15 minutes
 * for one email from one address, 20 per address across all emails.
 *
 * The limiter counts every hit atomically, so an attempt is counted *before*
 * the password is checked — a burst of parallel guesses cannot all slip in
 * under the limit — and a successful login gives its hit back. The net count
 * is failures only, which is what the limits are about.
 */
export const loginLimits = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 20, windowSeconds: 15 * 60 },
} as const;

function keys(email: string, ip: string | null | undefined) {
  const address = ip || 'unknown';
  // The email is hashed so the bucket table holds no addresses.
  const emailHash = createHash('sha256').update(email).digest('hex').slice(0, 32);
  return { account: `login:account:${emailHash}:${address}`, ip: ip ? `login:ip:${ip}` : null };
}

/** Counts the attempt; throws RateLimitedError when this email or address has failed too often. */
export async function admitLoginAttempt(prisma: PrismaClient, now: Date, email: string, ip: string | null | undefined) {
  const limiter = createRateLimiter(prisma, () => now.getTime());
  const key = keys(email, ip);
  if (key.ip) {
    const perIp = await limiter.hit(key.ip, loginLimits.ip.limit, loginLimits.ip.windowSeconds);
    if (!perIp.allowed) throw new RateLimitedError(perIp.retryAfterMs);
  }
  const perAccount = await limiter.hit(key.account, loginLimits.account.limit, loginLimits.account.windowSeconds);
  if (!perAccount.allowed) throw new RateLimitedError(perAccount.retryAfterMs);
}

/** After a successful login: this email's failures from this address are forgiven, and the address gets its hit back. */
export async function forgiveLoginAttempt(
  prisma: PrismaClient,
  now: Date,
  email: string,
  ip: string | null | undefined,
) {
  const key = keys(email, ip);
  // Same window arithmetic as createRateLimiter: both limits use 15-minute windows.
  const windowMs = loginLimits.account.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await prisma.rateLimitBucket.deleteMany({ where: { key: key.account } });
  if (key.ip) {
    await prisma.$executeRaw`UPDATE "RateLimitBucket" SET count = greatest(count - 1, 0)
      WHERE key = ${key.ip} AND "windowStart" = ${windowStart}`;
  }
}
