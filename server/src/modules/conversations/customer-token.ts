import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * A customer token says "this shopper is signed in to the Shopify storefront
 * as customer X": `c1.<payload>.<signature>`. Only the app proxy issues one,
 * after Shopify's own signature vouched for `logged_in_customer_id`, so the
 * widget can prove the customer on its socket without the shopper typing
 * anything. It names the workspace (worthless on another store) and expires
 * within the hour: the embed fetches a fresh one on every page view, and a
 * leaked token should not outlive the storefront session by much. The key is
 * derived for this purpose alone, so a visitor token never passes as one.
 */
export const customerTokenTtlMs = 60 * 60 * 1000;

interface Payload {
  /** workspace id */
  w: string;
  /** Shopify customer GID */
  c: string;
  /** expiry, ms since the epoch */
  e: number;
}

const customerGidPattern = /^gid:\/\/shopify\/Customer\/[1-9]\d{0,19}$/;

/** `logged_in_customer_id` (numeric) as the GID our contacts carry, or null when it is not a customer id. */
export function toShopifyCustomerGid(loggedInCustomerId: string): string | null {
  return /^[1-9]\d{0,19}$/.test(loggedInCustomerId) ? `gid://shopify/Customer/${loggedInCustomerId}` : null;
}

function signingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'closer/customer-token', 'hmac-sha256 v1', 32));
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', signingKey(secret)).update(payload).digest('base64url');
}

export function issueCustomerToken(
  secret: string,
  customer: { workspaceId: string; shopifyCustomerId: string },
  now = Date.now(),
): { token: string; expiresAt: Date } {
  if (!customerGidPattern.test(customer.shopifyCustomerId)) throw new Error('Not a Shopify customer GID');
  const expiresAt = now + customerTokenTtlMs;
  const payload = Buffer.from(
    JSON.stringify({ w: customer.workspaceId, c: customer.shopifyCustomerId, e: expiresAt } satisfies Payload),
  ).toString('base64url');
  return { token: `c1.${payload}.${sign(secret, payload)}`, expiresAt: new Date(expiresAt) };
}

/** The Shopify customer GID, or null when the token is missing, malformed, forged, expired or for another workspace. */
export function readCustomerToken(
  secret: string,
  token: string | undefined,
  workspaceId: string,
  now = Date.now(),
): string | null {
  if (!token) return null;
  const [version, payload, signature, extra] = token.split('.');
  if (version !== 'c1' || !payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Partial<Payload>;
    if (data.w !== workspaceId || typeof data.c !== 'string' || !customerGidPattern.test(data.c)) return null;
    if (typeof data.e !== 'number' || now >= data.e) return null;
    return data.c;
  } catch {
    return null;
  }
}
