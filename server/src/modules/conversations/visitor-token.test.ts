import { describe, expect, it } from 'vitest';
import { issueVisitorToken, readVisitorToken } from './visitor-token';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('visitor tokens', () => {
  it('round-trips the visitor id for the same workspace', () => {
    const { token, visitorId } = issueVisitorToken(secret, 'ws-1');
    expect(readVisitorToken(secret, token, 'ws-1')).toBe(visitorId);
  });

  it('rejects another workspace, another secret, tampering, expiry and garbage', () => {
    const { token } = issueVisitorToken(secret, 'ws-1', 1_000);
    expect(readVisitorToken(secret, token, 'ws-2', 2_000)).toBeNull();
    expect(readVisitorToken(`${secret}x`, token, 'ws-1', 2_000)).toBeNull();
    const [version, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ w: 'ws-1', v: 'someone-else', t: 1_000 })).toString('base64url');
    expect(readVisitorToken(secret, `${version}.${forged}.${signature}`, 'ws-1', 2_000)).toBeNull();
    expect(readVisitorToken(secret, `${version}.${payload}.${signature}x`, 'ws-1', 2_000)).toBeNull();
    expect(readVisitorToken(secret, token, 'ws-1', 1_000 + 181 * 24 * 3600 * 1000)).toBeNull();
    for (const junk of ['', 'v1', 'v1..', 'v2.a.b', 'not a token'])
      expect(readVisitorToken(secret, junk, 'ws-1')).toBeNull();
  });
});
