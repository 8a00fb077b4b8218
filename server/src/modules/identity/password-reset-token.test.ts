import { describe, expect, it } from 'vitest';
import {
  issuePasswordResetToken,
  passwordResetLifetimeMs,
  readPasswordResetClaim,
  verifyPasswordResetToken,
} from './password-reset-token';

const secret = 'test-secret-with-at-least-32-characters!';
const user = { id: '0196a0c4-8f5e-7b1a-9c2d-3e4f5a6b7c8d', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$old' };
const now = new Date('2026-03-02T09:00:00Z');

describe('password reset tokens', () => {
  it('verifies for the user until it expires an hour later', () => {
    const { token, expiresAt } = issuePasswordResetToken(secret, user, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(passwordResetLifetimeMs);
    expect(readPasswordResetClaim(token)?.userId).toBe(user.id);
    expect(verifyPasswordResetToken(secret, token, user, new Date(now.getTime() + 59 * 60_000))).toBe(true);
    expect(verifyPasswordResetToken(secret, token, user, expiresAt)).toBe(false);
  });

  it('dies when the password changes, which makes it single-use', () => {
    const { token } = issuePasswordResetToken(secret, user, now);
    expect(verifyPasswordResetToken(secret, token, { ...user, passwordHash: '$argon2id$new' }, now)).toBe(false);
  });

  it('rejects forged, tampered and foreign tokens', () => {
    const { token } = issuePasswordResetToken(secret, user, now);
    const [payload = '', mac = ''] = token.split('.');
    const longer = Buffer.from(JSON.stringify({ u: user.id, e: now.getTime() + 365 * 86_400_000 })).toString(
      'base64url',
    );
    expect(verifyPasswordResetToken(secret, `${longer}.${mac}`, user, now)).toBe(false);
    expect(verifyPasswordResetToken('another-secret-with-at-least-32-chars', token, user, now)).toBe(false);
    expect(verifyPasswordResetToken(secret, token, { ...user, id: '0196a0c4-0000-7000-8000-000000000000' }, now)).toBe(
      false,
    );
    expect(verifyPasswordResetToken(secret, `${payload}.`, user, now)).toBe(false);
    for (const garbage of ['', 'a.b', 'not-a-token', `${token}.x`]) {
      expect(verifyPasswordResetToken(secret, garbage, user, now)).toBe(false);
    }
  });
});
