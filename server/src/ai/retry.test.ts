import { describe, expect, it } from 'vitest';
import { ProviderError } from './ai.model';
import { parseRetryAfterMs } from './providers/shared/retry-after';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, retryDelayMs, sleep } from './retry';

const policy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
const failure = (details: { retryable: boolean; retryAfterMs?: number }) =>
  new ProviderError('x', { provider: 'openai', kind: 'server', ...details });

describe('backoff', () => {
  it('draws from zero up to an exponential ceiling capped at maxDelayMs (full jitter)', () => {
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelayMs(retry, policy, () => 0.999_999))).toEqual([
      199, 399, 799, 999, 999,
    ]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(1, policy, () => 0.25)).toBe(100);
  });

  it('retries only retryable errors, and only up to maxAttempts', () => {
    expect(retryDelayMs(failure({ retryable: false }), 0, policy, () => 0.5)).toBeUndefined();
    expect(retryDelayMs(failure({ retryable: true }), 0, policy, () => 0.5)).toBe(100);
    expect(retryDelayMs(failure({ retryable: true }), 1, policy, () => 0.5)).toBe(200);
    expect(retryDelayMs(failure({ retryable: true }), 2, policy, () => 0.5)).toBeUndefined();
  });

  it('uses Retry-After as given, and gives up on this choice when it is above the cap', () => {
    expect(retryDelayMs(failure({ retryable: true, retryAfterMs: 3_000 }), 0, policy, () => 0.5)).toBe(3_000);
    expect(retryDelayMs(failure({ retryable: true, retryAfterMs: 5_001 }), 0, policy, () => 0.5)).toBeUndefined();
    expect(DEFAULT_RETRY_POLICY.maxRetryAfterMs).toBeGreaterThan(0);
  });

  it('sleeps can be cut short by an abort', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('reads delay-seconds, fractional seconds and an HTTP date', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after': '7' }), now)).toBe(7_000);
    expect(parseRetryAfterMs(headers({ 'retry-after': '1.5' }), now)).toBe(1_500);
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Sun, 01 Jun 2025 12:00:30 GMT' }), now)).toBe(30_000);
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Sun, 01 Jun 2025 11:00:00 GMT' }), now)).toBe(0);
  });

  it('prefers retry-after-ms and ignores garbage', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfterMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfterMs(headers({}), now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});
