import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { safeEqual } from './secure-token';

/**
 * Password-reset tokens that need no table: `<payload>.<signature>`, where the
 * payload names the user and the expiry and the HMAC (keyed from CLOSER_SECRET
 * for this purpose only) also covers a digest of the user's current password
 * hash. Setting a new password changes that hash, which retires the token and
 * every other one issued before it: single use without storing anything.
 */
export const passwordResetLifetimeMs = 3600 * 1000;

interface Payload {
  u: string;
  e: number;
}

function signature(secret: string, payload: string, passwordHash: string | null): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'closer/password-reset', 'hmac-sha256 v1', 32));
  const bound = createHash('sha256')
    .update(passwordHash ?? 'no password')
    .digest('base64url');
  return createHmac('sha256', key).update(`${payload}.${bound}`).digest('base64url');
}

export function issuePasswordResetToken(
  secret: string,
  user: { id: string; passwordHash: string | null },
  now: Date,
): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + passwordResetLifetimeMs);
  const payload = Buffer.from(JSON.stringify({ u: user.id, e: expiresAt.getTime() } satisfies Payload)).toString(
    'base64url',
  );
  return { token: `${payload}.${signature(secret, payload, user.passwordHash)}`, expiresAt };
}

/** The user id a token claims, before it is verified: only for loading that user's current hash. */
export function readPasswordResetClaim(token: string): { userId: string; expiresAt: Date } | null {
  if (typeof token !== 'string' || token.length > 400) return null;
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Partial<Payload>;
    if (typeof data.u !== 'string' || typeof data.e !== 'number') return null;
    return { userId: data.u, expiresAt: new Date(data.e) };
  } catch {
    return null;
  }
}

export function verifyPasswordResetToken(
  secret: string,
  token: string,
  user: { id: string; passwordHash: string | null },
  now: Date,
): boolean {
  const claim = readPasswordResetClaim(token);
  if (!claim || claim.userId !== user.id) return false;
  const [payload = '', mac = ''] = token.split('.');
  if (!safeEqual(signature(secret, payload, user.passwordHash), mac)) return false;
  return claim.expiresAt.getTime() > now.getTime();
}
