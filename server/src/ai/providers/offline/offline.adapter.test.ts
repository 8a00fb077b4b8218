import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generate } from '../../ai.generate';
import { type ChatRequest, ProviderError, type StreamPart, type ToolDefinition } from '../../ai.model';
import { createOfflineAdapter, estimateTokens } from './offline.adapter';

/** The offline provider under the conformance cases that apply to it, plus its own rules. */

const tool = (name: string, properties: Record<string, unknown>, required: string[]): ToolDefinition => ({
  name,
  description: name,
  parameters: { type: 'object', properties, required },
});

const assistantTools: ToolDefinition[] = [
  tool('search_products', { query: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 10 } }, [
    'query',
    'limit',
  ]),
  tool('lookup_order', { orderNumber: { type: 'string' }, email: { type: 'string' } }, ['orderNumber', 'email']),
  tool('handoff_to_human', { reason: { type: 'string' } }, ['reason']),
];

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

const adapter = createOfflineAdapter();
const ask = (content: string, tools = assistantTools) =>
  collect(adapter.stream('offline', { messages: [{ role: 'user', content }], tools }));

describe('offline adapter', () => {
  it('answers a shopper message with a search_products call carrying the query', async () => {
    const parts = await ask('Hi! Do you have any red wool scarves?');
    expect(parts[0]).toEqual({
      type: 'tool-call',
      id: 'offline_call_1',
      name: 'search_products',
      args: { query: 'red wool scarves', limit: 5 },
    });
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('looks up an order only with an order number and an email', async () => {
    const parts = await ask('Where is my order #1234? My email is ana@example.com');
    expect(parts[0]).toMatchObject({
      type: 'tool-call',
      name: 'lookup_order',
      args: { orderNumber: '1234', email: 'ana@example.com' },
    });

    const withoutEmail = await ask('Where is order #1234?');
    expect(withoutEmail.some((part) => part.type === 'tool-call')).toBe(false);
    const text = withoutEmail.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
    expect(text).toBe('To look up order #1234, please also send the email address used for the order.');
  });

  it('hands off when the shopper asks for a person', async () => {
    for (const message of [
      'Can I talk to a real person?',
      'I want to speak with someone from your team',
      'human please',
    ]) {
      const parts = await ask(message);
      expect(parts[0]).toMatchObject({ type: 'tool-call', name: 'handoff_to_human', args: { reason: message } });
    }
    const notHandoff = await ask('A gift for someone who likes tea');
    expect(notHandoff[0]).toMatchObject({ type: 'tool-call', name: 'search_products' });
  });

  it('replies from tool results only, in several deltas, with the prices as given', async () => {
    const request: ChatRequest = {
      tools: assistantTools,
      messages: [
        { role: 'user', content: 'red scarves?' },
        { role: 'assistant', toolCalls: [{ id: 'c1', name: 'search_products', args: { query: 'red scarves' } }] },
        {
          role: 'tool',
          toolCallId: 'c1',
          name: 'search_products',
          result: {
            products: [
              { title: 'Merino scarf', price: '49.00', currency: 'EUR', url: 'https://shop.test/merino' },
              { title: 'Cotton scarf', available: false },
            ],
          },
        },
      ],
    };
    const parts = await collect(adapter.stream('offline', request));
    const deltas = parts.filter((part) => part.type === 'text-delta');
    const text = deltas.map((part) => part.text).join('');

    expect(deltas.length).toBeGreaterThan(3);
    expect(text).toBe(
      'Here are 2 products I found:\n- Merino scarf — 49.00 EUR: https://shop.test/merino\n- Cotton scarf (currently unavailable)',
    );
    expect(text.match(/\d+\.\d{2}/g)).toEqual(['49.00']);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('says so when a search found nothing, and reports an unknown order without details', async () => {
    const reply = async (name: string, args: Record<string, unknown>, result: unknown) => {
      const parts = await collect(
        adapter.stream('offline', {
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', toolCalls: [{ id: 'c', name, args }] },
            { role: 'tool', toolCallId: 'c', name, result },
          ],
        }),
      );
      return parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
    };
    expect(await reply('search_products', { query: 'unicorn saddle' }, [])).toContain('matching "unicorn saddle"');
    expect(await reply('lookup_order', {}, { found: false })).toMatch(/^I couldn't find an order/);
    expect(
      await reply('lookup_order', {}, { order: { name: '#1234', status: 'shipped', trackingUrl: 'https://t.test/1' } }),
    ).toBe('Here is the latest on order #1234.\nStatus: shipped\nTrack it here: https://t.test/1');
  });

  it('produces a labelled draft that satisfies the structured-output schema', async () => {
    const output = {
      name: 'seo',
      schema: z.object({
        title: z.string().min(10).max(60),
        description: z.string().min(120).max(160),
        keywords: z.array(z.string()).min(3).max(5),
        tone: z.enum(['friendly', 'formal']),
        score: z.number().int().min(1).max(10),
        contact: z.email(),
        image: z.url().optional(),
      }),
    };
    const result = await generate(
      adapter.stream('offline', { messages: [{ role: 'user', content: 'Blue wool scarf' }], output }),
      output,
    );

    expect(result.object?.title.startsWith('[Offline draft]')).toBe(true);
    expect(result.object?.keywords).toHaveLength(3);
    expect(result.object?.tone).toBe('friendly');
    expect(result.object?.score).toBe(1);
    expect(result.object?.description.length).toBeGreaterThanOrEqual(120);
  });

  it('reports token estimates (chars / 4) as usage', async () => {
    const request: ChatRequest = { messages: [{ role: 'user', content: 'Summarise this.' }] };
    const result = await generate(adapter.stream('offline', request));
    expect(result.text.startsWith('[Offline draft]')).toBe(true);
    expect(result.usage).toEqual({
      inputTokens: estimateTokens(`${JSON.stringify(request.messages)}[]`),
      outputTokens: estimateTokens(result.text),
      cachedInputTokens: 0,
    });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const received: string[] = [];
    const run = async () => {
      for await (const part of adapter.stream('offline', {
        messages: [{ role: 'user', content: 'Write a long text' }],
        signal: controller.signal,
      })) {
        if (part.type === 'text-delta') received.push(part.text);
        controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ kind: 'aborted' });
    expect(received).toHaveLength(1);
    await expect(run()).rejects.toBeInstanceOf(ProviderError);
  });
});
