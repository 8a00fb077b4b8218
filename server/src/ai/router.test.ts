import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChatRequest, ProviderError, type StreamPart } from './ai.model';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker';
import { createAnthropicAdapter } from './providers/anthropic/anthropic.adapter';
import { createOpenAiAdapter } from './providers/openai/openai.adapter';
import type { RetryPolicy } from './retry';
import { type RoutedChoice, type RouterOptions, routeStream } from './router';
import { startFakeAnthropic } from './testing/fake-anthropic.server';
import { startFakeOpenAi } from './testing/fake-openai.server';
import type { FakeServer } from './testing/fake-server';
import { createManualClock } from './testing/in-memory.ports';

let openai: FakeServer;
let anthropic: FakeServer;
let primary: RoutedChoice;
let secondary: RoutedChoice;

beforeAll(async () => {
  [openai, anthropic] = await Promise.all([startFakeOpenAi(), startFakeAnthropic()]);
  primary = {
    provider: 'openai',
    model: 'gpt-4.1-mini',
    adapter: createOpenAiAdapter({ apiKey: 'k', baseURL: `${openai.url}/v1` }),
    breakerKey: 'openai:test',
  };
  secondary = {
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    adapter: createAnthropicAdapter({ apiKey: 'k', baseURL: anthropic.url }),
    breakerKey: 'anthropic:test',
  };
});
afterAll(() => Promise.all([openai.close(), anthropic.close()]));

let clock: ReturnType<typeof createManualClock>;
let sleeps: number[];
let breaker: CircuitBreaker;

function options(
  overrides: Partial<Omit<RouterOptions, 'retry'>> & { retry?: Partial<RetryPolicy> } = {},
): RouterOptions {
  return {
    timeoutMs: 2_000,
    breaker,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...overrides,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000, ...overrides.retry },
  };
}

beforeEach(() => {
  clock = createManualClock();
  sleeps = [];
  breaker = createCircuitBreaker({ clock, failureThreshold: 5, coolDownMs: 30_000 });
});
afterEach(() => {
  expect(openai.pending() + anthropic.pending()).toBe(0);
  openai.requests.length = 0;
  anthropic.requests.length = 0;
});

const request: ChatRequest = { messages: [{ role: 'user', content: 'Hello' }] };

async function run(choices: RoutedChoice[], routerOptions = options(), chatRequest = request) {
  const { parts, trace } = routeStream(choices, chatRequest, routerOptions);
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  const text = collected.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
  return { parts: collected, text, trace, finish: collected.find((part) => part.type === 'finish') };
}

describe('router', () => {
  it('waits out a 429 Retry-After, then succeeds on the same provider', async () => {
    openai.enqueue(
      { status: 429, headers: { 'retry-after': '1' } },
      { text: ['Hi ', 'there'], usage: { inputTokens: 5, outputTokens: 2 } },
    );
    const result = await run([primary, secondary]);

    expect(sleeps).toEqual([1_000]);
    expect(openai.requests).toHaveLength(2);
    expect(anthropic.requests).toHaveLength(0);
    expect(result.text).toBe('Hi there');
    expect(result.finish).toMatchObject({
      provider: 'openai',
      model: 'gpt-4.1-mini',
      usage: { inputTokens: 5, outputTokens: 2 },
    });
    expect(result.trace).toMatchObject({ outcome: 'ok', attempts: 2, provider: 'openai' });
  });

  it('stops retrying a provider whose circuit opened during the call', async () => {
    breaker = createCircuitBreaker({ clock, failureThreshold: 2, coolDownMs: 30_000 });
    openai.enqueue({ status: 500 }, { status: 500 });
    anthropic.enqueue({ text: ['b'] });
    const result = await run([primary, secondary]);

    expect(openai.requests).toHaveLength(2);
    expect(sleeps).toEqual([50]);
    expect(result.finish).toMatchObject({ provider: 'anthropic' });
  });

  it('falls back instead of waiting when Retry-After exceeds the cap', async () => {
    openai.enqueue({ status: 429, headers: { 'retry-after': '120' } });
    anthropic.enqueue({ text: ['From Claude'] });
    const result = await run([primary, secondary]);

    expect(sleeps).toEqual([]);
    expect(result.text).toBe('From Claude');
    expect(result.finish).toMatchObject({ provider: 'anthropic' });
  });

  it('retries 500s with jittered exponential backoff, then falls back to the next provider', async () => {
    openai.enqueue({ status: 500 }, { status: 502 }, { status: 503 });
    anthropic.enqueue({ text: ['Fallback answer'] });
    const result = await run([primary, secondary]);

    // random() = 0.5 of the ceilings 100 ms and 200 ms
    expect(sleeps).toEqual([50, 100]);
    expect(openai.requests).toHaveLength(3);
    expect(anthropic.requests).toHaveLength(1);
    expect(result.text).toBe('Fallback answer');
    expect(result.trace).toMatchObject({ outcome: 'ok', attempts: 4, provider: 'anthropic' });
  });

  it('does not retry a 400 but still tries the next provider', async () => {
    openai.enqueue({ status: 400, errorMessage: 'unsupported parameter' });
    anthropic.enqueue({ text: ['ok'] });
    const result = await run([primary, secondary]);

    expect(openai.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(result.finish).toMatchObject({ provider: 'anthropic' });
  });

  it('opens the circuit after consecutive failures, skips the provider, and half-opens after the cool-down', async () => {
    breaker = createCircuitBreaker({ clock, failureThreshold: 2, coolDownMs: 30_000 });
    const once = options({ retry: { maxAttempts: 1 } });
    for (let call = 0; call < 2; call++) {
      openai.enqueue({ status: 500 });
      anthropic.enqueue({ text: ['b'] });
      await run([primary, secondary], once);
    }
    expect(breaker.stateOf('openai:test')).toBe('open');

    anthropic.enqueue({ text: ['skipped openai'] });
    const skipped = await run([primary, secondary], once);
    expect(openai.requests).toHaveLength(2);
    expect(skipped.finish).toMatchObject({ provider: 'anthropic' });

    clock.advance(30_000);
    expect(breaker.stateOf('openai:test')).toBe('half-open');
    openai.enqueue({ text: ['back'] });
    const recovered = await run([primary, secondary], once);
    expect(recovered.finish).toMatchObject({ provider: 'openai' });
    expect(breaker.stateOf('openai:test')).toBe('closed');
  });

  it('gives up on a slow attempt after the per-call timeout, closes it, and falls back', async () => {
    openai.enqueue({ text: ['too ', 'slow'], eventDelayMs: 400 });
    anthropic.enqueue({ text: ['fast'] });
    const started = Date.now();
    const result = await run([primary, secondary], options({ timeoutMs: 150, retry: { maxAttempts: 1 } }));

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.text).toBe('fast');
    await openai.request(0).closed;
    expect(openai.request(0).closedEarly).toBe(true);
  });

  it('reports a timeout with nothing left to try as an error part', async () => {
    openai.enqueue({ text: ['slow'], eventDelayMs: 400 });
    const result = await run([primary], options({ timeoutMs: 150, retry: { maxAttempts: 1 } }));

    const error = result.parts.at(-1);
    expect(error?.type).toBe('error');
    expect(error?.type === 'error' && error.error).toMatchObject({
      kind: 'timeout',
      retryable: true,
      provider: 'openai',
    });
    expect(result.trace.outcome).toBe('error');
  });

  it('never retries once text reached the caller: a mid-stream cut becomes an error part', async () => {
    openai.enqueue({ text: ['Partial ', 'answer'], cutAfterEvents: 2 });
    const result = await run([primary, secondary]);

    expect(result.text).toBe('Partial ');
    expect(result.parts.at(-1)).toMatchObject({ type: 'error' });
    const last = result.parts.at(-1);
    expect(last?.type === 'error' && last.error).toBeInstanceOf(ProviderError);
    expect(anthropic.requests).toHaveLength(0);
    expect(result.trace).toMatchObject({ outcome: 'error', streaming: true });
  });

  it('ends quietly as cancelled when the caller aborts, without falling back', async () => {
    openai.enqueue({ text: ['a ', 'b ', 'c'], eventDelayMs: 50 });
    const controller = new AbortController();
    const { parts, trace } = routeStream([primary, secondary], { ...request, signal: controller.signal }, options());
    const seen: StreamPart[] = [];
    for await (const part of parts) {
      seen.push(part);
      controller.abort();
    }

    expect(seen).toEqual([{ type: 'text-delta', text: 'a ' }]);
    expect(trace.outcome).toBe('cancelled');
    expect(anthropic.requests).toHaveLength(0);
    await openai.request(0).closed;
    expect(openai.request(0).closedEarly).toBe(true);
  });

  it('yields an error part when every choice fails', async () => {
    openai.enqueue({ status: 401, errorMessage: 'invalid key' });
    anthropic.enqueue({ status: 401, errorMessage: 'invalid key' });
    const result = await run([primary, secondary]);

    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]).toMatchObject({
      type: 'error',
      error: { provider: 'anthropic', status: 401, kind: 'auth' },
    });
  });
});
