import { describe, expect, it } from 'vitest';
import { WeakPasswordError } from './identity.model';
import { checkPasswordPolicy } from './password-policy';

function reason(password: string, email = 'ana@shop.example') {
  try {
    checkPasswordPolicy(password, email);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(WeakPasswordError);
    return (error as WeakPasswordError).reason;
  }
}

describe('password policy', () => {
  it('asks for at least 10 characters, counting characters rather than bytes', () => {
    expect(reason('short pw1')).toBe('too_short');
    expect(reason('ääääöööüü')).toBe('too_short');
    expect(reason('ten chars!')).toBe('ok');
  });

  it('refuses the email address and its local part', () => {
    expect(reason('Ana@Shop.Example')).toBe('same_as_email');
    expect(reason('ana.lopez.2024', 'ana.lopez.2024@shop.example')).toBe('same_as_email');
  });

  it('refuses common passwords and a single repeated character', () => {
    for (const password of ['1234567890', 'Password123', 'QWERTYUIOP', 'aaaaaaaaaaaa', 'closer-demo']) {
      expect(reason(password)).toBe('common');
    }
  });

  it('accepts a passphrase', () => {
    expect(reason('correct horse battery staple')).toBe('ok');
  });
});
