import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../ai.generate';
import { startFakeGemini } from '../../testing/fake-gemini.server';
import type { FakeServer } from '../../testing/fake-server';
import { createGeminiAdapter } from './gemini.adapter';

/** Gemini specifics the shared conformance suite does not cover. */
describe('gemini adapter', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeGemini();
  });
  afterAll(() => server.close());

  it('keeps a thinking model’s thought signature and sends it back with the call', async () => {
    const adapter = createGeminiAdapter({ apiKey: 'k', baseURL: server.url });
    server.enqueue(
      { toolCalls: [{ id: 'fc_1', name: 'get_product', args: { id: 'p1' }, thoughtSignature: 'c2lnbmF0dXJl' }] },
      { text: ['It is in stock.'] },
    );
    const first = await generate(adapter.stream('gemini-2.5-flash', { messages: [{ role: 'user', content: 'p1?' }] }));
    const call = first.toolCalls[0];
    expect(call).toEqual({
      id: 'fc_1',
      name: 'get_product',
      args: { id: 'p1' },
      providerMetadata: { gemini: { thoughtSignature: 'c2lnbmF0dXJl' } },
    });
    if (!call) throw new Error('expected a call');

    await generate(
      adapter.stream('gemini-2.5-flash', {
        messages: [
          { role: 'user', content: 'p1?' },
          { role: 'assistant', toolCalls: [call] },
          { role: 'tool', toolCallId: call.id, name: call.name, result: ['in stock'] },
        ],
      }),
    );
    const contents = server.request(1).body.contents;
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: 'p1?' }] },
      {
        role: 'model',
        parts: [{ functionCall: { name: 'get_product', args: { id: 'p1' } }, thoughtSignature: 'c2lnbmF0dXJl' }],
      },
      // Non-object results are wrapped, because a function response must be a JSON object.
      { role: 'user', parts: [{ functionResponse: { name: 'get_product', response: { result: ['in stock'] } } }] },
    ]);
  });

  it('reports a safety stop as content-filter', async () => {
    const adapter = createGeminiAdapter({ apiKey: 'k', baseURL: server.url });
    server.enqueue({ text: ['Partial'], finishReason: 'SAFETY' });
    const result = await generate(adapter.stream('gemini-2.5-flash', { messages: [{ role: 'user', content: 'x' }] }));
    expect(result.finishReason).toBe('content-filter');
  });

  it('also answers the unary generateContent route, for callers of the plain SDK', async () => {
    const client = new GoogleGenAI({
      apiKey: 'k',
      vertexai: false,
      httpOptions: { baseUrl: server.url, apiVersion: 'v1beta' },
    });
    server.enqueue({ text: ['Hello ', 'there'], usage: { inputTokens: 3, outputTokens: 2 } });
    const response = await client.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
    expect(response.text).toBe('Hello there');
    expect(response.usageMetadata?.totalTokenCount).toBe(5);
  });
});
