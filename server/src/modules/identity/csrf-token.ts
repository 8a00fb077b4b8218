import { createHmac, randomBytes } from 'node:crypto';
import { InvalidCsrfTokenError } from './identity.model';
import { safeEqual } from './secure-token';

/**
 * CSRF tokens for the portal's forms: `<nonce>.<HMAC-SHA256(sessionCsrfSecret, nonce)>`.
 * Nothing is stored per token: any token minted with this session's secret is
 * valid for this session and no other, and ending the session retires them all.
 * A fresh nonce per page keeps two tokens of one session from looking alike.
 */
const context = 'closer/csrf v1';

function sign(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`${context}:${nonce}`).digest('base64url');
}

export function createCsrfToken(sessionCsrfSecret: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${sign(sessionCsrfSecret, nonce)}`;
}

export function verifyCsrfToken(sessionCsrfSecret: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 200 || !sessionCsrfSecret) return false;
  const [nonce, signature, extra] = token.split('.');
  if (!nonce || !signature || extra !== undefined) return false;
  return safeEqual(sign(sessionCsrfSecret, nonce), signature);
}

/** verifyCsrfToken that throws, for actions: a missing or foreign token is a 403. */
export function requireCsrfToken(sessionCsrfSecret: string, token: unknown): void {
  if (!verifyCsrfToken(sessionCsrfSecret, token)) throw new InvalidCsrfTokenError();
}
