import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generate } from '../ai.generate';
import { type ChatRequest, type ProviderAdapter, ProviderError, type StreamPart } from '../ai.model';
import type { FakeServer } from '../testing/fake-server';
import { harnesses, searchTool } from './conformance.harness';

/**
 * The same behaviour asked of every vendor adapter, run through the real SDK
 * against a local server speaking that vendor's wire protocol.
 */

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

const textOf = (parts: StreamPart[]) => parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

describe.each(harnesses)('$name adapter (real SDK against a fake server)', (harness) => {
  let server: FakeServer;
  let adapter: ProviderAdapter;
  beforeAll(async () => {
    server = await harness.start();
    adapter = harness.create(server.url);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    expect(server.pending()).toBe(0);
  });

  it('streams text in several deltas and maps finish reason and usage', async () => {
    server.enqueue({
      text: ['Hel', 'lo ', 'world'],
      usage: { inputTokens: 120, outputTokens: 3, cachedInputTokens: 100 },
    });
    const parts = await collect(
      adapter.stream(harness.model, { system: 'Be brief.', messages: [{ role: 'user', content: 'Say hello' }] }),
    );

    expect(parts.filter((part) => part.type === 'text-delta')).toHaveLength(3);
    expect(textOf(parts)).toBe('Hello world');
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: { inputTokens: 120, outputTokens: 3, cachedInputTokens: 100 },
    });
    expect(server.requests).toHaveLength(1);
    expect(harness.systemSent(server.request(0).body)).toBe('Be brief.');
  });

  it('round-trips a tool call: the follow-up request carries the call and its result', async () => {
    server.enqueue(
      {
        toolCalls: [{ id: 'call_42', name: 'search_products', args: { query: 'red scarf', limit: 3 } }],
        usage: { inputTokens: 50, outputTokens: 9 },
      },
      { text: ['We have ', 'a red scarf.'], usage: { inputTokens: 80, outputTokens: 6 } },
    );
    const request: ChatRequest = { messages: [{ role: 'user', content: 'Any red scarves?' }], tools: [searchTool] };
    const first = await collect(adapter.stream(harness.model, request));

    const call = first.find((part) => part.type === 'tool-call');
    expect(call).toMatchObject({
      type: 'tool-call',
      id: 'call_42',
      name: 'search_products',
      args: { query: 'red scarf', limit: 3 },
    });
    expect(first.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
    expect(harness.toolNamesSent(server.request(0).body)).toEqual(['search_products']);

    if (call?.type !== 'tool-call') throw new Error('expected a tool call');
    const result = { products: [{ title: 'Red scarf', price: '29.00', currency: 'EUR' }] };
    const second = await collect(
      adapter.stream(harness.model, {
        ...request,
        messages: [
          ...request.messages,
          {
            role: 'assistant',
            toolCalls: [{ id: call.id, name: call.name, args: call.args, providerMetadata: call.providerMetadata }],
          },
          { role: 'tool', toolCallId: call.id, name: call.name, result },
        ],
      }),
    );

    expect(textOf(second)).toBe('We have a red scarf.');
    const body = server.request(1).body;
    expect(harness.toolCallEchoed(body)).toMatchObject({
      name: 'search_products',
      args: { query: 'red scarf', limit: 3 },
    });
    const sent = harness.toolResultSent(body);
    expect(sent?.content).toEqual(result);
    if (sent?.id !== undefined) expect(sent.id).toBe('call_42');
    if (sent?.name !== undefined) expect(sent.name).toBe('search_products');
  });

  it('returns structured output validated by the zod schema', async () => {
    const output = { name: 'product_copy', schema: z.object({ title: z.string(), tags: z.array(z.string()).min(1) }) };
    server.enqueue({
      json: { title: 'Merino scarf', tags: ['warm', 'wool'] },
      usage: { inputTokens: 30, outputTokens: 12 },
    });
    const result = await generate(
      adapter.stream(harness.model, { messages: [{ role: 'user', content: 'Write copy' }], output }),
      output,
    );

    expect(result.object).toEqual({ title: 'Merino scarf', tags: ['warm', 'wool'] });
    expect(result.finishReason).toBe('stop');
    expect(result.toolCalls).toEqual([]);
    expect(harness.structuredOutputRequested(server.request(0).body)).toBe(true);
  });

  it('aborts the upstream request when the caller cancels', async () => {
    server.enqueue({ text: ['one ', 'two ', 'three ', 'four ', 'five ', 'six'], eventDelayMs: 60 });
    const controller = new AbortController();
    const received: string[] = [];
    let failure: unknown;
    try {
      for await (const part of adapter.stream(harness.model, {
        messages: [{ role: 'user', content: 'Count' }],
        signal: controller.signal,
      })) {
        if (part.type === 'text-delta') {
          received.push(part.text);
          controller.abort();
        }
      }
    } catch (error) {
      failure = error;
    }

    expect(received).toEqual(['one ']);
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).kind).toBe('aborted');
    await server.request(0).closed;
    expect(server.request(0).closedEarly).toBe(true);
  });

  it('turns a connection cut mid-stream into a retryable ProviderError after the text so far', async () => {
    server.enqueue({ text: ['Partial ', 'answer ', 'never ', 'finished'], cutAfterEvents: harness.cutAfterEvents });
    const received: string[] = [];
    let failure: unknown;
    try {
      for await (const part of adapter.stream(harness.model, { messages: [{ role: 'user', content: 'Talk' }] })) {
        if (part.type === 'text-delta') received.push(part.text);
        if (part.type === 'finish') throw new Error('a cut stream must not finish');
      }
    } catch (error) {
      failure = error;
    }

    expect(received.join('')).toBe('Partial ');
    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).retryable).toBe(true);
  });

  it('maps 429 with Retry-After to a retryable error and 400 to a final one', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after': '2' } }, { status: 400, errorMessage: 'bad schema' });
    const request: ChatRequest = { messages: [{ role: 'user', content: 'Hi' }] };

    const limited = await collect(adapter.stream(harness.model, request)).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ProviderError);
    expect(limited).toMatchObject({ status: 429, retryable: true, retryAfterMs: 2000, kind: 'rate-limit' });

    const rejected = await collect(adapter.stream(harness.model, request)).catch((error: unknown) => error);
    expect(rejected).toMatchObject({ status: 400, retryable: false, kind: 'bad-request' });
    expect((rejected as Error).message).toContain('bad schema');
    expect(server.requests).toHaveLength(2);
  });
});
