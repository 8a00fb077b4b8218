import { z } from 'zod';

/**
 * The pages a widget key works on: exact origins (`https://shop.example`,
 * `https://shop.example:8443`), compared by scheme, host and port. Plain http
 * only for this machine, where a merchant tries the widget before going live.
 */
const maxAllowedOrigins = 20;

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `text` is not an exact origin, or null when it is one. */
export function describeOriginProblem(text: string): string | null {
  if (text.includes('*')) return 'wildcards are not supported; list each origin';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must look like https://shop.example';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && localHosts.has(url.hostname))) {
    return 'must start with https:// (http:// only for localhost)';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  const rest = text.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
  if (rest !== '' && rest !== '/') return `must be an origin without a path, query or #: use ${url.origin}`;
  return null;
}

const allowedOriginSchema = z
  .string()
  .trim()
  .superRefine((text, context) => {
    const problem = describeOriginProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: `${text.slice(0, 80)} ${problem}` });
  })
  .transform((text) => new URL(text).origin.toLowerCase());

export const allowedOriginsSchema = z
  .array(allowedOriginSchema)
  .max(maxAllowedOrigins, `at most ${maxAllowedOrigins} origins`)
  .transform((origins) => [...new Set(origins)]);
