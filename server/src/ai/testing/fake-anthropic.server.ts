import { type FakeServer, fragments, type SseEvent, startFakeServer, type VendorProtocol } from './fake-server';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** Anthropic Messages: `POST /v1/messages`, named SSE events from message_start to message_stop. */
const anthropicProtocol: VendorProtocol = {
  classify: (method, path) => (method === 'POST' && path === '/v1/messages' ? 'stream' : undefined),
  errorBody: (status, message) => ({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }),
  unaryBody: () => {
    throw new Error('The Anthropic fake only streams');
  },
  streamEvents(reply, body): SseEvent[] {
    const event = (name: string, data: Record<string, unknown>): SseEvent => ({
      event: name,
      data: JSON.stringify({ type: name, ...data }),
    });
    const usage = reply.usage ?? { inputTokens: 0, outputTokens: 0 };
    const events: SseEvent[] = [
      event('message_start', {
        message: {
          id: 'msg_fake',
          type: 'message',
          role: 'assistant',
          model: body?.model ?? 'fake-model',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          // Anthropic reports cache reads apart from input_tokens.
          usage: {
            input_tokens: usage.inputTokens - (usage.cachedInputTokens ?? 0),
            cache_read_input_tokens: usage.cachedInputTokens ?? 0,
            cache_creation_input_tokens: 0,
            output_tokens: 1,
          },
        },
      }),
      event('ping', {}),
    ];
    let index = 0;
    if (reply.text?.length) {
      events.push(event('content_block_start', { index, content_block: { type: 'text', text: '', citations: null } }));
      for (const text of reply.text)
        events.push(event('content_block_delta', { index, delta: { type: 'text_delta', text } }));
      events.push(event('content_block_stop', { index }));
      index++;
    }
    const calls = [...(reply.toolCalls ?? [])];
    // Structured output arrives as the forced tool's input, as the real API does it.
    if (reply.json !== undefined) {
      calls.push({
        id: 'toolu_output',
        name: body?.tool_choice?.name ?? 'output',
        args: reply.json as Record<string, unknown>,
      });
    }
    for (const call of calls) {
      events.push(
        event('content_block_start', {
          index,
          content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
        }),
      );
      for (const partial_json of fragments(JSON.stringify(call.args))) {
        events.push(event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } }));
      }
      events.push(event('content_block_stop', { index }));
      index++;
    }
    const stopReason = reply.finishReason ?? (calls.length > 0 ? 'tool_use' : 'end_turn');
    events.push(
      event('message_delta', {
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: usage.outputTokens },
      }),
      event('message_stop', {}),
    );
    return events;
  },
};

export const startFakeAnthropic = (): Promise<FakeServer> => startFakeServer(anthropicProtocol);
