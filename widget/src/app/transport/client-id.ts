/** Random ids for idempotent resends; `randomUUID` needs a secure context, plain-http stores get the fallback. */
export function createClientId(cryptoApi: Crypto = crypto): string {
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
