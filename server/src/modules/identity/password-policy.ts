import { WeakPasswordError } from './identity.model';

/**
 * NIST SP 800-63B's advice in small: a minimum length, no composition rules,
 * and a refusal of passwords that attackers try first. The list holds only
 * passwords long enough to pass the length rule; it is a floor, not a
 * breach corpus.
 */
export const minPasswordLength = 10;

const commonPasswords = new Set([
  '1234567890',
  '12345678910',
  '123456789a',
  '0123456789',
  '0987654321',
  '1111111111',
  '1234512345',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'asdfghjkl1',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'password!1',
  'passw0rd123',
  'p@ssw0rd123',
  'iloveyou12',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'welcome1234',
  'changeme123',
  'administrator',
  'admin12345',
  'admin123456',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'dragon1234',
  'monkey1234',
  'abcdefghij',
  'abcd123456',
  'abc1234567',
  'trustno1234',
  'superman123',
  'starwars123',
  'closer-demo',
  'closerpassword',
]);

export function checkPasswordPolicy(password: string, email: string): void {
  if ([...password].length < minPasswordLength) throw new WeakPasswordError('too_short');
  const lowered = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lowered === address || (localPart.length > 0 && lowered === localPart)) {
    throw new WeakPasswordError('same_as_email');
  }
  // One character repeated ("aaaaaaaaaa") is as guessable as anything on the list.
  if (commonPasswords.has(lowered) || new Set(lowered).size === 1) throw new WeakPasswordError('common');
}
