import { describe, expect, it } from 'vitest';
import { ProviderError } from './ai.model';
import { collectParts, seoAnswer, seoRequest, shopperRequest, useEngineHarness } from './testing/engine.harness';

const { servers, createEngine } = useEngineHarness();

describe('AI engine: routing and usage rows', () => {
  it('uses the offline provider through the same path when no key is configured', async () => {
    const { engine, usage } = createEngine();
    const parts = await collectParts(engine.stream('ws_none', 'assistant.reply', shopperRequest));

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
    const { engine, usage } = createEngine({ clock: { now: () => Date.now() } });
    servers.openai.enqueue({
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

  it('records a cancelled row and closes the upstream request when the consumer stops reading', async () => {
    const { engine, usage } = createEngine();
    servers.openai.enqueue({
      text: ['one ', 'two ', 'three'],
      eventDelayMs: 40,
      usage: { inputTokens: 9, outputTokens: 3 },
    });
    for await (const part of engine.stream('ws_openai', 'assistant.reply', {
      messages: [{ role: 'user', content: 'Count' }],
    })) {
      if (part.type === 'text-delta') break;
    }

    expect(usage.rows).toHaveLength(1);
    expect(usage.rows[0]).toMatchObject({ outcome: 'cancelled', provider: 'openai', model: 'gpt-4.1-mini' });
    // Billed but never reported: estimated from what was sent and streamed.
    expect(usage.rows[0]?.outputTokens).toBe(1); // 'one ' is 4 characters
    await servers.openai.request(0).closed;
    expect(servers.openai.request(0).closedEarly).toBe(true);
  });

  it('surfaces a failure of every provider as an error part, a thrown ProviderError and an error row', async () => {
    const { engine, usage } = createEngine();
    servers.openai.enqueue({ status: 503, errorMessage: 'overloaded' }, { status: 503, errorMessage: 'overloaded' });
    const parts = await collectParts(
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
    const { engine, usage } = createEngine({
      policy: { 'content.seo': [{ provider: 'anthropic', model: 'claude-haiku-4-5' }] },
    });
    servers.anthropic.enqueue(seoAnswer);
    const result = await engine.generate('ws_both', 'content.seo', seoRequest);

    expect(result.object?.title).toBe('White linen shirt');
    expect(servers.openai.requests).toHaveLength(0);
    expect(usage.rows[0]).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5' });
  });

  it('keeps answering when the usage sink fails', async () => {
    const { engine, usage, events } = createEngine();
    usage.record = async () => {
      throw new Error('database down');
    };
    const result = await engine.generate('ws_none', 'assistant.reply', shopperRequest);

    expect(result.toolCalls).toHaveLength(1);
    expect(events.emitted.map((event) => event.name)).toEqual(['ai.usage.record-failed']);
  });
});
