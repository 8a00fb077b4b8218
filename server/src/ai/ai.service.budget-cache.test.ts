import { describe, expect, it } from 'vitest';
import { AiBudgetExceededError, StructuredOutputError } from './ai.model';
import { collectParts, seoAnswer, seoRequest, shopperRequest, useEngineHarness } from './testing/engine.harness';

const { servers, createEngine } = useEngineHarness();

describe('AI engine: budget and cache', () => {
  it('emits one budget warning per check and still answers', async () => {
    const { engine, events } = createEngine({ budget: { state: 'warning', onExceeded: 'offline' } });
    servers.openai.enqueue({ text: ['ok'] });
    await engine.generate('ws_openai', 'content.ads', { messages: [{ role: 'user', content: 'Ad' }] });

    expect(events.emitted).toEqual([
      { name: 'ai.budget.warning', payload: { workspaceId: 'ws_openai', task: 'content.ads' } },
    ]);
  });

  it('refuses generation tasks over budget with a clear error and a budget-blocked row', async () => {
    const { engine, usage } = createEngine({ budget: { state: 'exceeded', onExceeded: 'offline' } });
    const failure = await engine.generate('ws_openai', 'content.seo', seoRequest).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AiBudgetExceededError);
    expect((failure as Error).message).toContain('AI budget of this workspace is used up');
    expect(servers.openai.requests).toHaveLength(0);
    expect(usage.rows).toEqual([
      expect.objectContaining({ outcome: 'budget-blocked', costMicroUsd: 0, task: 'content.seo' }),
    ]);
  });

  it('lets the assistant answer offline over budget, or hand off if the workspace chose so', async () => {
    const offline = createEngine({ budget: { state: 'exceeded', onExceeded: 'offline' } });
    const parts = await collectParts(offline.engine.stream('ws_openai', 'assistant.reply', shopperRequest));
    expect(parts[0]).toMatchObject({ type: 'tool-call', id: 'offline_call_1' });
    expect(offline.usage.rows[0]).toMatchObject({ provider: 'offline', outcome: 'ok' });
    expect(servers.openai.requests).toHaveLength(0);

    const handoff = createEngine({ budget: { state: 'exceeded', onExceeded: 'handoff' } });
    expect(await collectParts(handoff.engine.stream('ws_openai', 'assistant.reply', shopperRequest))).toEqual([
      { type: 'handoff', reason: 'budget-exceeded' },
    ]);
    const result = await handoff.engine.generate('ws_openai', 'assistant.reply', shopperRequest);
    expect(result).toMatchObject({ handoff: true, text: '', toolCalls: [] });
    expect(handoff.usage.rows.map((row) => row.outcome)).toEqual(['budget-blocked', 'budget-blocked']);
  });

  it('replays a cached generation at zero cost, and goes to the provider again with bypassCache', async () => {
    const { engine, usage, cache } = createEngine();
    servers.openai.enqueue(seoAnswer);
    const first = await engine.generate('ws_openai', 'content.seo', seoRequest);
    const second = await engine.generate('ws_openai', 'content.seo', {
      ...seoRequest,
      messages: [{ content: 'Linen shirt, white', role: 'user' }],
    });

    expect(servers.openai.requests).toHaveLength(1);
    expect(second.object).toEqual(first.object);
    expect(second.object).toEqual({ title: 'White linen shirt', description: 'Breathable linen.' });
    expect(usage.rows.map((row) => [row.outcome, row.provider, row.costMicroUsd])).toEqual([
      ['ok', 'openai', costOf(40, 20)],
      ['cached', 'openai', 0],
    ]);
    expect(cache.entries.size).toBe(1);

    servers.openai.enqueue(seoAnswer, seoAnswer);
    await engine.generate('ws_openai', 'content.seo', seoRequest, { bypassCache: true });
    await engine.generate('ws_openai', 'content.seo', { ...seoRequest, temperature: 0.7 });
    expect(servers.openai.requests).toHaveLength(3);
  });

  it('never caches assistant replies or answers that fail their schema', async () => {
    const { engine, cache } = createEngine();
    servers.openai.enqueue({ text: ['Hello'] }, { text: ['Hello'] });
    await engine.generate('ws_openai', 'assistant.reply', { messages: [{ role: 'user', content: 'Hi' }] });
    await engine.generate('ws_openai', 'assistant.reply', { messages: [{ role: 'user', content: 'Hi' }] });
    expect(servers.openai.requests).toHaveLength(2);

    servers.openai.enqueue({ json: { title: 'Only a title' } });
    await expect(engine.generate('ws_openai', 'content.seo', seoRequest)).rejects.toBeInstanceOf(StructuredOutputError);
    expect(cache.entries.size).toBe(0);
  });
});

function costOf(inputTokens: number, outputTokens: number): number {
  // gpt-4.1-mini: $0.40 in, $1.60 out per million; both amounts are whole micro-dollars here.
  return Math.round(inputTokens * 0.4 + outputTokens * 1.6);
}
