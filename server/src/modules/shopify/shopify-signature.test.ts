import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppProxySignatureError, isShopDomain, isValidWebhookHmac, verifyAppProxySignature } from './shopify-signature';

const secret = 'hush-app-secret';
const now = new Date('2026-11-22T12:00:00Z');
const timestamp = String(Math.floor(now.getTime() / 1000));

/** Signs the way Shopify documents it, written independently of the code under test. */
function signProxy(query: Record<string, string | string[]>): string {
  const pairs: string[] = [];
  for (const key of Object.keys(query)) {
    const value = query[key] as string | string[];
    pairs.push(`${key}=${Array.isArray(value) ? value.join(',') : value}`);
  }
  pairs.sort();
  return createHmac('sha256', secret).update(pairs.join('')).digest('hex');
}

function reason(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppProxySignatureError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('verifyAppProxySignature', () => {
  const query = {
    shop: 'shop-a.myshopify.com',
    path_prefix: '/apps/closer',
    timestamp,
    logged_in_customer_id: '7408329228566',
    extra: ['1', '2'],
  };

  it('accepts a valid signature and identifies the signed-in customer', () => {
    const signed = { ...query, signature: signProxy(query) };
    expect(verifyAppProxySignature(signed, secret, { now })).toEqual({
      shop: 'shop-a.myshopify.com',
      loggedInCustomerId: '7408329228566',
    });
  });

  it('matches the example in Shopify’s documentation', () => {
    // https://shopify.dev/docs/apps/build/online-store/app-proxies/authenticate-app-proxies (secret `hush`)
    const documented = {
      extra: ['1', '2'],
      logged_in_customer_id: '1',
      path_prefix: '/apps/awesome_reviews',
      shop: 'shop-name.myshopify.com',
      timestamp: '1317327555',
      signature: '4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb',
    };
    expect(verifyAppProxySignature(documented, 'hush', { now: new Date(1317327555 * 1000) })).toEqual({
      shop: 'shop-name.myshopify.com',
      loggedInCustomerId: '1',
    });
  });

  it('refuses a tampered query', () => {
    const signed = { ...query, signature: signProxy(query), logged_in_customer_id: '1' };
    expect(reason(() => verifyAppProxySignature(signed, secret, { now }))).toBe('invalid_signature');
  });

  it('refuses a signature made with another secret', () => {
    const signature = createHmac('sha256', 'other').update('x').digest('hex');
    expect(reason(() => verifyAppProxySignature({ ...query, signature }, secret, { now }))).toBe('invalid_signature');
  });

  it('refuses a missing signature', () => {
    expect(reason(() => verifyAppProxySignature(query, secret, { now }))).toBe('missing_signature');
  });

  it('refuses a stale timestamp, and accepts one within the window', () => {
    const old = { ...query, timestamp: String(Number(timestamp) - 301) };
    expect(reason(() => verifyAppProxySignature({ ...old, signature: signProxy(old) }, secret, { now }))).toBe('stale');
    const recent = { ...query, timestamp: String(Number(timestamp) - 299) };
    expect(verifyAppProxySignature({ ...recent, signature: signProxy(recent) }, secret, { now }).shop).toBe(
      'shop-a.myshopify.com',
    );
  });
});

describe('isValidWebhookHmac', () => {
  const body = Buffer.from('{"id":1,"title":"Tent ⛺"}', 'utf8');
  const hmac = createHmac('sha256', secret).update(body).digest('base64');

  it('accepts the base64 HMAC of the raw bytes', () => {
    expect(isValidWebhookHmac(body, hmac, secret)).toBe(true);
  });

  it('refuses a missing, wrong or re-serialised body signature', () => {
    expect(isValidWebhookHmac(body, undefined, secret)).toBe(false);
    expect(isValidWebhookHmac(body, 'AAAA', secret)).toBe(false);
    expect(isValidWebhookHmac(Buffer.from('{"id": 1,"title":"Tent ⛺"}'), hmac, secret)).toBe(false);
    expect(isValidWebhookHmac(body, hmac, 'other-secret')).toBe(false);
  });
});

describe('isShopDomain', () => {
  it('accepts only *.myshopify.com hosts', () => {
    expect(isShopDomain('shop-a.myshopify.com')).toBe(true);
    expect(isShopDomain('evil.com')).toBe(false);
    expect(isShopDomain('shop.myshopify.com.evil.com')).toBe(false);
    expect(isShopDomain('https://shop.myshopify.com')).toBe(false);
  });
});
