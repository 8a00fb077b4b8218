import { describe, expect, it } from 'vitest';
import { createCsrfToken, requireCsrfToken, verifyCsrfToken } from './csrf-token';
import { ForbiddenError, InvalidCsrfTokenError } from './identity.model';
import { createRandomToken } from './secure-token';

describe('CSRF tokens', () => {
  const secret = createRandomToken();

  it('accepts a token minted with the session secret', () => {
    expect(verifyCsrfToken(secret, createCsrfToken(secret))).toBe(true);
  });

  it('mints a different token each time, all valid', () => {
    const first = createCsrfToken(secret);
    const second = createCsrfToken(secret);
    expect(first).not.toBe(second);
    expect(verifyCsrfToken(secret, first) && verifyCsrfToken(secret, second)).toBe(true);
  });

  it('rejects a tampered token', () => {
    const token = createCsrfToken(secret);
    const [nonce = '', signature = ''] = token.split('.');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(verifyCsrfToken(secret, `${flip(nonce, 0)}.${signature}`)).toBe(false);
    expect(verifyCsrfToken(secret, `${nonce}.${flip(signature, 5)}`)).toBe(false);
    expect(verifyCsrfToken(secret, `${nonce}.${signature.slice(0, -1)}`)).toBe(false);
    expect(verifyCsrfToken(secret, `${token}.extra`)).toBe(false);
  });

  it("rejects another session's token", () => {
    const otherSecret = createRandomToken();
    expect(verifyCsrfToken(secret, createCsrfToken(otherSecret))).toBe(false);
  });

  it('rejects missing and malformed tokens', () => {
    for (const token of [undefined, null, '', '.', 'abc', 'a.', '.b', 42, 'x'.repeat(500)]) {
      expect(verifyCsrfToken(secret, token)).toBe(false);
    }
    expect(verifyCsrfToken('', createCsrfToken(secret))).toBe(false);
  });

  it('throws a ForbiddenError from requireCsrfToken for a bad token', () => {
    expect(() => requireCsrfToken(secret, createCsrfToken(secret))).not.toThrow();
    expect(() => requireCsrfToken(secret, null)).toThrow(InvalidCsrfTokenError);
    expect(() => requireCsrfToken(secret, createCsrfToken(createRandomToken()))).toThrow(ForbiddenError);
  });
});
