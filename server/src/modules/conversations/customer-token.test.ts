import { describe, expect, it } from 'vitest';
import { customerTokenTtlMs, issueCustomerToken, readCustomerToken, toShopifyCustomerGid } from './customer-token';
import { issueVisitorToken } from './visitor-token';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const ana = { workspaceId: 'ws-1', shopifyCustomerId: 'gid://shopify/Customer/6998021062710' };

describe('customer tokens', () => {
  it('round-trips the customer for the same workspace until it expires', () => {
    const { token, expiresAt } = issueCustomerToken(secret, ana, 1_000);
    expect(expiresAt.getTime()).toBe(1_000 + customerTokenTtlMs);
    expect(readCustomerToken(secret, token, 'ws-1', 2_000)).toBe(ana.shopifyCustomerId);
    expect(readCustomerToken(secret, token, 'ws-1', 1_000 + customerTokenTtlMs - 1)).toBe(ana.shopifyCustomerId);
    expect(readCustomerToken(secret, token, 'ws-1', 1_000 + customerTokenTtlMs)).toBeNull();
  });

  it('rejects another workspace, another secret, a swapped customer, a visitor token and garbage', () => {
    const { token } = issueCustomerToken(secret, ana, 1_000);
    expect(readCustomerToken(secret, token, 'ws-2', 2_000)).toBeNull();
    expect(readCustomerToken(`${secret}x`, token, 'ws-1', 2_000)).toBeNull();
    const [version, payload, signature] = token.split('.');
    const someoneElse = Buffer.from(
      JSON.stringify({ w: 'ws-1', c: 'gid://shopify/Customer/1', e: 9_999_999_999_999 }),
    ).toString('base64url');
    expect(readCustomerToken(secret, `${version}.${someoneElse}.${signature}`, 'ws-1', 2_000)).toBeNull();
    expect(readCustomerToken(secret, `${version}.${payload}.${signature}x`, 'ws-1', 2_000)).toBeNull();
    expect(readCustomerToken(secret, `${token}.extra`, 'ws-1', 2_000)).toBeNull();
    // Same secret, other purpose: a visitor token must not pass as a customer token.
    const visitor = issueVisitorToken(secret, 'ws-1', 1_000).token.replace(/^v1\./, 'c1.');
    expect(readCustomerToken(secret, visitor, 'ws-1', 2_000)).toBeNull();
    for (const junk of [undefined, '', 'c1', 'c1..', 'v1.a.b', 'not a token'])
      expect(readCustomerToken(secret, junk, 'ws-1')).toBeNull();
  });

  it('maps only numeric customer ids to GIDs, and signs only GIDs', () => {
    expect(toShopifyCustomerGid('6998021062710')).toBe('gid://shopify/Customer/6998021062710');
    for (const bad of ['', '0', '-1', '12a', '1 OR 1=1', '1'.repeat(21)]) expect(toShopifyCustomerGid(bad)).toBeNull();
    expect(() => issueCustomerToken(secret, { workspaceId: 'ws-1', shopifyCustomerId: '42' })).toThrow();
  });
});
