import { isIP } from 'node:net';

const forbiddenHosts = new Set(['localhost', 'metadata.google.internal']);

/**
 * A workspace's own base URL is called from our servers, so it must be a
 * public HTTPS address: no credentials in it, no loopback, private or
 * link-local address (an instance on a local model server sets
 * OPENAI_BASE_URL in its environment instead).
 */
export function isPublicHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (forbiddenHosts.has(host) || host.endsWith('.localhost') || host.endsWith('.internal')) return false;
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return !(
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(host) === 6)
    return !(
      host === '::1' ||
      host === '::' ||
      /^f[cd]/.test(host) ||
      host.startsWith('fe80') ||
      host.startsWith('::ffff:')
    );
  return true;
}
