import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AiBudgetExceededError,
  type ChatRequest,
  type Clock,
  type ProviderCredentials,
  ProviderError,
  StructuredOutputError,
} from './ai.model';
import type { AiBudgetStatus } from './ai.ports';
import { type AiStreamPart, createAiEngine } from './ai.service';
import type { RoutingPolicyOverride } from './routing-policy';
import { startFakeAnthropic } from './testing/fake-anthropic.server';
import { startFakeOpenAi } from './testing/fake-openai.server';
import type { FakeServer } from './testing/fake-server';
import {
  createManualClock,
  createMemoryBudget,
  createMemoryCache,
  createMemoryEvents,
  createMemoryUsageSink,
} from './testing/in-memory.ports';

let openai: FakeServer;
let anthropic: FakeServer;
let credentials: Record<string, ProviderCredentials>;

beforeAll(async () => {
  [openai, anthropic] = await Promise.all([startFakeOpenAi(), startFakeAnthropic()]);
  const openaiKey = { apiKey: 'k', baseURL: `${openai.url}/v1` };
  credentials = {
    ws_none: {},
    ws_openai: { openai: openaiKey },
    ws_both: { openai: openaiKey, anthropic: { apiKey: 'k', baseURL: anthropic.url } },
  };
});
afterAll(() => Promise.all([openai.close(), anthropic.close()]));
afterEach(() => {
  expect(openai.pending() + anthropic.pending()).toBe(0);
  openai.requests.length = 0;
  anthropic.requests.length = 0;
});

function setup(options: { budget?: AiBudgetStatus; policy?: RoutingPolicyOverride; clock?: Clock } = {}) {
  const usage = createMemoryUsageSink();
  const budget = createMemoryBudget(options.budget);
  const cache = createMemoryCache();
  const events = createMemoryEvents();
  const engine = createAiEngine({
    credentials: async (workspaceId) => credentials[workspaceId] ?? {},
    usage,
    budget,
    cache,
    events,
    clock: options.clock ?? createManualClock(),
    policyFor: async () => options.policy,
    router: { sleep: async () => {}, random: () => 0, retry: { maxAttempts: 1 } },
  });
  return { engine, usage, budget, cache, events };
}

async function collect(parts: AsyncIterable<AiStreamPart>): Promise<AiStreamPart[]> {
  const collected: AiStreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

const shopperTools = [
  {
    name: 'search_products',
    description: 'Search',
    parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
  },
];
const shopperRequest: ChatRequest = {
  messages: [{ role: 'user', content: 'Do you sell linen shirts?' }],
  tools: shopperTools,
};
const seoOutput = { name: 'seo', schema: z.object({ title: z.string(), description: z.string() }) };
const seoRequest: ChatRequest<{ title: string; description: string }> = {
  system: 'Write SEO copy.',
  messages: [{ role: 'user', content: 'Linen shirt, white' }],
  output: seoOutput,
  temperature: 0,
};
const seoAnswer = {
  json: { title: 'White linen shirt', description: 'Breathable linen.' },
  usage: { inputTokens: 40, outputTokens: 20 },
};

describe('AI engine', () => {
  it('uses the offline provider through the same path when no key is configured', async () => {
    const { engine, usage } = setup();
    const parts = await collect(engine.stream('ws_none', 'assistant.reply', shopperRequest));

    expect(parts[0]).toMatchObject({ type: 'tool-call', name: 'search_products', args: { query: 'linen shirts' } });
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'tool-calls',
      provider: 'offline',
      model: 'offline',
    });
    expect(usage.rows).toHaveLength(1);
    expect(usage.rows[0]).toMatchObject({
      provider: 'offline',
      model: 'offline',
      outcome: 'ok',
      costMicroUsd: 0,
      firstTokenMs: 0,
    });
    expect(usage.rows[0]?.inputTokens).toBeGreaterThan(0);
  });

  it('writes exactly one usage row with tokens, exact cost and timings', async () => {
    const { engine, usage } = setup({ clock: { now: () => Date.now() } });
    openai.enqueue({
      text: ['Crisp ', 'white ', 'linen.'],
      usage: { inputTokens: 1_000, outputTokens: 500, cachedInputTokens: 200 },
      eventDelayMs: 30,
    });
    const result = await engine.generate('ws_openai', 'content.description', {
      messages: [{ role: 'user', content: 'Describe' }],
    });

    expect(result).toMatchObject({
      text: 'Crisp white linen.',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      handoff: false,
    });
    expect(usage.rows).toHaveLength(1);
    const row = usage.rows[0];
    expect(row).toMatchObject({
      workspaceId: 'ws_openai',
      task: 'content.description',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      inputTokens: 1_000,
      cachedInputTokens: 200,
      outputTokens: 500,
      // 800 × $0.40 + 200 × $0.10 + 500 × $1.60 per million tokens
      costMicroUsd: 1_140,
      outcome: 'ok',
    });
    expect(row?.firstTokenMs).toBeGreaterThanOrEqual(25);
    expect(row?.latencyMs).toBeGreaterThanOrEqual(row?.firstTokenMs ?? Number.POSITIVE_INFINITY);
  });

  it('emits one budget warning per check and still answers', async () => {
    const { engine, events } = setup({ budget: { state: 'warning', onExceeded: 'offline' } });
    openai.enqueue({ text: ['ok'] });
    await engine.generate('ws_openai', 'content.ads', { messages: [{ role: 'user', content: 'Ad' }] });

    expect(events.emitted).toEqual([
      { name: 'ai.budget.warning', payload: { workspaceId: 'ws_openai', task: 'content.ads' } },
    ]);
  });

  it('refuses generation tasks over budget with a clear error and a budget-blocked row', async () => {
    const { engine, usage } = setup({ budget: { state: 'exceeded', onExceeded: 'offline' } });
    const failure = await engine.generate('ws_openai', 'content.seo', seoRequest).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AiBudgetExceededError);
    expect((failure as Error).message).toContain('AI budget of this workspace is used up');
    expect(openai.requests).toHaveLength(0);
    expect(usage.rows).toEqual([
      expect.objectContaining({ outcome: 'budget-blocked', costMicroUsd: 0, task: 'content.seo' }),
    ]);
  });

  it('lets the assistant answer offline over budget, or hand off if the workspace chose so', async () => {
    const offline = setup({ budget: { state: 'exceeded', onExceeded: 'offline' } });
    const parts = await collect(offline.engine.stream('ws_openai', 'assistant.reply', shopperRequest));
    expect(parts[0]).toMatchObject({ type: 'tool-call', id: 'offline_call_1' });
    expect(offline.usage.rows[0]).toMatchObject({ provider: 'offline', outcome: 'ok' });
    expect(openai.requests).toHaveLength(0);

    const handoff = setup({ budget: { state: 'exceeded', onExceeded: 'handoff' } });
    expect(await collect(handoff.engine.stream('ws_openai', 'assistant.reply', shopperRequest))).toEqual([
      { type: 'handoff', reason: 'budget-exceeded' },
    ]);
    const result = await handoff.engine.generate('ws_openai', 'assistant.reply', shopperRequest);
    expect(result).toMatchObject({ handoff: true, text: '', toolCalls: [] });
    expect(handoff.usage.rows.map((row) => row.outcome)).toEqual(['budget-blocked', 'budget-blocked']);
  });

  it('replays a cached generation at zero cost, and goes to the provider again with bypassCache', async () => {
    const { engine, usage, cache } = setup();
    openai.enqueue(seoAnswer);
    const first = await engine.generate('ws_openai', 'content.seo', seoRequest);
    const second = await engine.generate('ws_openai', 'content.seo', {
      ...seoRequest,
      messages: [{ content: 'Linen shirt, white', role: 'user' }],
    });

    expect(openai.requests).toHaveLength(1);
    expect(second.object).toEqual(first.object);
    expect(second.object).toEqual({ title: 'White linen shirt', description: 'Breathable linen.' });
    expect(usage.rows.map((row) => [row.outcome, row.provider, row.costMicroUsd])).toEqual([
      ['ok', 'openai', costOf(40, 20)],
      ['cached', 'openai', 0],
    ]);
    expect(cache.entries.size).toBe(1);

    openai.enqueue(seoAnswer, seoAnswer);
    await engine.generate('ws_openai', 'content.seo', seoRequest, { bypassCache: true });
    await engine.generate('ws_openai', 'content.seo', { ...seoRequest, temperature: 0.7 });
    expect(openai.requests).toHaveLength(3);
  });

  it('never caches assistant replies or answers that fail their schema', async () => {
    const { engine, cache } = setup();
    openai.enqueue({ text: ['Hello'] }, { text: ['Hello'] });
    await engine.generate('ws_openai', 'assistant.reply', { messages: [{ role: 'user', content: 'Hi' }] });
    await engine.generate('ws_openai', 'assistant.reply', { messages: [{ role: 'user', content: 'Hi' }] });
    expect(openai.requests).toHaveLength(2);

    openai.enqueue({ json: { title: 'Only a title' } });
    await expect(engine.generate('ws_openai', 'content.seo', seoRequest)).rejects.toBeInstanceOf(StructuredOutputError);
    expect(cache.entries.size).toBe(0);
  });

  it('records a cancelled row and closes the upstream request when the consumer stops reading', async () => {
    const { engine, usage } = setup();
    openai.enqueue({ text: ['one ', 'two ', 'three'], eventDelayMs: 40, usage: { inputTokens: 9, outputTokens: 3 } });
    for await (const part of engine.stream('ws_openai', 'assistant.reply', {
      messages: [{ role: 'user', content: 'Count' }],
    })) {
      if (part.type === 'text-delta') break;
    }

    expect(usage.rows).toHaveLength(1);
    expect(usage.rows[0]).toMatchObject({ outcome: 'cancelled', provider: 'openai', model: 'gpt-4.1-mini' });
    // Billed but never reported: estimated from what was sent and streamed.
    expect(usage.rows[0]?.outputTokens).toBe(1); // 'one ' is 4 characters
    await openai.request(0).closed;
    expect(openai.request(0).closedEarly).toBe(true);
  });

  it('surfaces a failure of every provider as an error part, a thrown ProviderError and an error row', async () => {
    const { engine, usage } = setup();
    openai.enqueue({ status: 503, errorMessage: 'overloaded' }, { status: 503, errorMessage: 'overloaded' });
    const parts = await collect(
      engine.stream('ws_openai', 'content.translation', { messages: [{ role: 'user', content: 'Hallo' }] }),
    );
    expect(parts).toEqual([{ type: 'error', error: expect.any(ProviderError) }]);

    await expect(
      engine.generate('ws_openai', 'content.translation', { messages: [{ role: 'user', content: 'Hallo' }] }),
    ).rejects.toMatchObject({
      status: 503,
    });
    expect(usage.rows.map((row) => [row.outcome, row.provider, row.costMicroUsd])).toEqual([
      ['error', 'openai', 0],
      ['error', 'openai', 0],
    ]);
    expect(usage.rows[0]?.errorMessage).toContain('overloaded');
  });

  it('follows the workspace policy override', async () => {
    const { engine, usage } = setup({
      policy: { 'content.seo': [{ provider: 'anthropic', model: 'claude-haiku-4-5' }] },
    });
    anthropic.enqueue(seoAnswer);
    const result = await engine.generate('ws_both', 'content.seo', seoRequest);

    expect(result.object?.title).toBe('White linen shirt');
    expect(openai.requests).toHaveLength(0);
    expect(usage.rows[0]).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5' });
  });

  it('keeps answering when the usage sink fails', async () => {
    const { engine, usage, events } = setup();
    usage.record = async () => {
      throw new Error('database down');
    };
    const result = await engine.generate('ws_none', 'assistant.reply', shopperRequest);

    expect(result.toolCalls).toHaveLength(1);
    expect(events.emitted.map((event) => event.name)).toEqual(['ai.usage.record-failed']);
  });
});

function costOf(inputTokens: number, outputTokens: number): number {
  // gpt-4.1-mini: $0.40 in, $1.60 out per million; both amounts are whole micro-dollars here.
  return Math.round(inputTokens * 0.4 + outputTokens * 1.6);
}
