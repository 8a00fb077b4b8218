import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * A visitor token lets a shopper's conversation survive page loads without a
 * cookie: `v1.<payload>.<signature>`, HMAC-SHA256 over the payload with a key
 * derived from CLOSER_SECRET for this purpose only. It names the workspace, so a
 * token from one store is worthless on another.
 */
const maxAgeMs = 180 * 24 * 3600 * 1000;

interface Payload {
  w: string;
  v: string;
  t: number;
}

function signingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'closer/visitor-token', 'hmac-sha256 v1', 32));
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', signingKey(secret)).update(payload).digest('base64url');
}

export function issueVisitorToken(secret: string, workspaceId: string, now = Date.now()) {
  const visitorId = randomUUID();
  const payload = Buffer.from(JSON.stringify({ w: workspaceId, v: visitorId, t: now } satisfies Payload)).toString(
    'base64url',
  );
  return { visitorId, token: `v1.${payload}.${sign(secret, payload)}` };
}

/** The visitor id, or null when the token is malformed, forged, expired or for another workspace. */
export function readVisitorToken(
  secret: string,
  token: string | undefined,
  workspaceId: string,
  now = Date.now(),
): string | null {
  if (!token) return null;
  const [version, payload, signature] = token.split('.');
  if (version !== 'v1' || !payload || !signature) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Payload;
    if (data.w !== workspaceId || typeof data.v !== 'string' || now - data.t > maxAgeMs) return null;
    return data.v;
  } catch {
    return null;
  }
}
