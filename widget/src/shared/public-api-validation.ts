import type { Identity, PublicEventName } from './widget-contract';

/**
 * Input checks for `window.Closer`. They run in the loader, synchronously, so a
 * merchant's mistake throws at the call site even before the app has loaded.
 */

export const publicEventNames: readonly PublicEventName[] = ['add_to_cart', 'open', 'close', 'message'];

export const isEmail = (value: string): boolean => value.length < 255 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

const fail = (method: string, problem: string): never => {
  throw new TypeError(`Closer.${method}(): ${problem}`);
};

export function assertIdentity(value: unknown): Identity {
  const { email, name } = (value ?? {}) as { email?: unknown; name?: unknown };
  if (typeof email !== 'string' || !isEmail(email.trim())) fail('identify', 'email must be a valid email address');
  if (name != null && (typeof name !== 'string' || name.length > 200)) fail('identify', 'name must be a string');
  return name
    ? { email: (email as string).trim(), name: (name as string).trim() }
    : { email: (email as string).trim() };
}

export function assertEventName(name: unknown): PublicEventName {
  if (!publicEventNames.includes(name as PublicEventName)) {
    fail('on', `unknown event "${name}"; use one of ${publicEventNames}`);
  }
  return name as PublicEventName;
}

export function assertListener(fn: unknown): asserts fn is (detail: unknown) => unknown {
  if (typeof fn !== 'function') fail('on', 'the listener must be a function');
}

export function assertLocale(locale: unknown): string {
  if (typeof locale !== 'string' || !/^[a-z]{2,3}\b/i.test(locale))
    fail('setLocale', 'expected a language tag like "de"');
  return locale as string;
}
