import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, maskSecret, SecretDecryptionError } from './secrets';

const secret = 'a-long-instance-secret-for-tests';

/** Flips one bit in one base64url field of the token. */
function tamper(token: string, field: 1 | 2 | 3): string {
  const parts = token.split(':');
  const bytes = Buffer.from(parts[field] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[field] = bytes.toString('base64url');
  return parts.join(':');
}

describe('secrets', () => {
  it('round-trips a provider key in the v1 format with a fresh IV each time', () => {
    const first = encryptSecret('sk-live-ünïcode-🔑', secret, 'ws_1');
    const second = encryptSecret('sk-live-ünïcode-🔑', secret, 'ws_1');

    expect(first).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(decryptSecret(first, secret, 'ws_1')).toBe('sk-live-ünïcode-🔑');
    expect(decryptSecret(second, secret, 'ws_1')).toBe('sk-live-ünïcode-🔑');
  });

  it.each([1, 2, 3] as const)('rejects a token whose field %i was tampered with', (field) => {
    const token = encryptSecret('sk-test', secret);
    expect(() => decryptSecret(tamper(token, field), secret)).toThrow(SecretDecryptionError);
  });

  it('rejects the wrong secret, another workspace context, and unknown formats', () => {
    const token = encryptSecret('sk-test', secret, 'ws_1');
    expect(() => decryptSecret(token, 'another-secret-of-enough-length', 'ws_1')).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(token, secret, 'ws_2')).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(token.replace(/^v1/, 'v2'), secret, 'ws_1')).toThrow('Unsupported');
    expect(() => decryptSecret('v1:abc', secret)).toThrow(SecretDecryptionError);
  });

  it('refuses a short secret and masks keys for display', () => {
    expect(() => encryptSecret('x', 'short')).toThrow(TypeError);
    expect(maskSecret('sk-proj-abcdefgh1234')).toBe('sk-…1234');
  });
});
