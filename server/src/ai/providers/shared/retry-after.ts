/** Minimal view of response headers; SDK errors expose a WHATWG `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * How long the server asked us to wait, in milliseconds, or undefined.
 * `retry-after-ms` (OpenAI, Anthropic) is more precise, so it wins over `Retry-After`,
 * which is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 */
export function parseRetryAfterMs(headers: HeaderReader | undefined, nowMs: number): number | undefined {
  if (!headers) return undefined;
  const precise = headers.get('retry-after-ms');
  if (precise !== null && precise.trim() !== '') {
    const ms = Number(precise);
    if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  }
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
