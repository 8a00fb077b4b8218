import {
  type FakeServer,
  type FakeServerOptions,
  fragments,
  type SseEvent,
  startFakeServer,
  type VendorProtocol,
} from './fake-server';

/** OpenAI Chat Completions: `POST /v1/chat/completions`, SSE `data:` chunks ending in `data: [DONE]`. */
const openAiProtocol: VendorProtocol = {
  classify: (method, path) => (method === 'POST' && path === '/v1/chat/completions' ? 'stream' : undefined),
  errorBody: (status, message) => ({
    error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null },
  }),
  unaryBody: () => {
    throw new Error('The OpenAI fake only streams');
  },
  streamEvents(reply, body): SseEvent[] {
    const model = body?.model ?? 'fake-model';
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
      data: JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        created: 0,
        model,
        choices,
        ...extra,
      }),
    });
    const delta = (value: Record<string, unknown>, finishReason: string | null = null) =>
      chunk([{ index: 0, delta: value, finish_reason: finishReason }]);

    const events: SseEvent[] = [delta({ role: 'assistant', content: '' })];
    const text = reply.json !== undefined ? fragments(JSON.stringify(reply.json), 4) : (reply.text ?? []);
    for (const piece of text) events.push(delta({ content: piece }));
    for (const [index, call] of (reply.toolCalls ?? []).entries()) {
      // The first fragment names the call; the arguments follow in pieces.
      events.push(
        delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
      );
      for (const piece of fragments(JSON.stringify(call.args))) {
        events.push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    }
    const finishReason = reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop');
    events.push(delta({}, finishReason));
    if (body?.stream_options?.include_usage) {
      const usage = reply.usage ?? { inputTokens: 0, outputTokens: 0 };
      events.push(
        chunk([], {
          usage: {
            prompt_tokens: usage.inputTokens,
            completion_tokens: usage.outputTokens,
            total_tokens: usage.inputTokens + usage.outputTokens,
            prompt_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0 },
          },
        }),
      );
    }
    events.push({ data: '[DONE]' });
    return events;
  },
};

export const startFakeOpenAi = (options?: FakeServerOptions): Promise<FakeServer> =>
  startFakeServer(openAiProtocol, options);
