import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The two ways Shopify signs what it sends us. Both compare in constant time:
 * an early-exit comparison would let an attacker learn a valid signature one
 * byte at a time from response timings.
 */

const shopDomainPattern = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function isShopDomain(value: string): boolean {
  return shopDomainPattern.test(value);
}

/** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body bytes (not of re-serialised JSON). */
export function isValidWebhookHmac(rawBody: Buffer, hmacHeader: string | undefined, secret: string): boolean {
  if (!hmacHeader || !secret) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(hmacHeader, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export class AppProxySignatureError extends Error {
  constructor(readonly reason: 'missing_signature' | 'invalid_signature' | 'stale' | 'invalid_shop') {
    super(`App proxy request refused: ${reason.replace('_', ' ')}`);
  }
}

export interface AppProxyIdentity {
  shop: string;
  /** Shopify's numeric customer id when a customer is signed in to the storefront. */
  loggedInCustomerId: string | null;
}

export type AppProxyQuery = Record<string, string | string[] | undefined>;

/**
 * Verifies a request Shopify forwarded through the app proxy (`/apps/closer`).
 * Shopify signs the query string without `signature`: each `key=value` with
 * repeated keys' values joined by commas, sorted, concatenated with no
 * separator, HMAC-SHA256 hex with the app's API secret. Throws
 * AppProxySignatureError; a stale `timestamp` is refused so a captured URL
 * cannot be replayed forever.
 */
export function verifyAppProxySignature(
  query: AppProxyQuery,
  secret: string,
  options: { now?: Date; maxAgeSeconds?: number } = {},
): AppProxyIdentity {
  const { signature, ...signed } = query;
  const given = typeof signature === 'string' ? signature : undefined;
  if (!given) throw new AppProxySignatureError('missing_signature');

  const message = Object.entries(signed)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : value}`)
    .sort()
    .join('');
  const expected = Buffer.from(createHmac('sha256', secret).update(message).digest('hex'), 'utf8');
  const actual = Buffer.from(given.toLowerCase(), 'utf8');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new AppProxySignatureError('invalid_signature');
  }

  const maxAgeSeconds = options.maxAgeSeconds ?? 300;
  const timestamp = Number(single(signed.timestamp));
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  // Allow the same skew into the future: clocks disagree by a few seconds.
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > maxAgeSeconds) {
    throw new AppProxySignatureError('stale');
  }

  const shop = single(signed.shop)?.toLowerCase() ?? '';
  if (!isShopDomain(shop)) throw new AppProxySignatureError('invalid_shop');
  const customerId = single(signed.logged_in_customer_id);
  return { shop, loggedInCustomerId: customerId ? customerId : null };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
