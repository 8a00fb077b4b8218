import Anthropic from '@anthropic-ai/sdk';
import type { AdapterOptions, ChatRequest, FinishReason, ProviderAdapter, StreamPart, Usage } from '../../ai.model';
import { parseToolArguments } from '../shared/json-schema';
import { streamEndedEarly } from '../shared/provider-error.mapper';
import { mapAnthropicError } from './anthropic.error';
import { mapAnthropicStopReason } from './anthropic.finish-reason';
import { convertToAnthropicMessages } from './anthropic.prompt';
import { prepareAnthropicTools } from './anthropic.tools';

/** `max_tokens` is mandatory on the Messages API. */
const DEFAULT_MAX_TOKENS = 4096;

export function createAnthropicAdapter(options: AdapterOptions): ProviderAdapter {
  const client = new Anthropic({
    apiKey: options.apiKey,
    // Explicit, so the SDK does not fall back to ANTHROPIC_BASE_URL behind our back.
    baseURL: options.baseURL ?? 'https://api.anthropic.com',
    fetch: options.fetch,
    maxRetries: 0,
  });
  return { id: 'anthropic', stream: (model, request) => streamAnthropic(client, model, request) };
}

type Block =
  | { kind: 'tool'; id: string; name: string; json: string }
  | { kind: 'output'; streamed: boolean; input: unknown }
  | { kind: 'other' };

interface UsageCounters {
  input: number;
  cacheRead: number;
  cacheCreation: number;
  output: number;
}

/** Anthropic counts cache reads and writes apart from `input_tokens`; ours includes them. */
function toUsage(counters: UsageCounters): Usage {
  return {
    inputTokens: counters.input + counters.cacheRead + counters.cacheCreation,
    outputTokens: counters.output,
    cachedInputTokens: counters.cacheRead,
  };
}

async function* streamAnthropic(client: Anthropic, model: string, request: ChatRequest): AsyncGenerator<StreamPart> {
  const { tools, toolChoice, outputToolName } = prepareAnthropicTools(request.tools, request.output);
  let stream: AsyncIterable<Anthropic.RawMessageStreamEvent>;
  try {
    stream = await client.messages.create(
      {
        model,
        max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
        messages: convertToAnthropicMessages(request),
        stream: true,
        ...(request.system && { system: request.system }),
        ...(tools && { tools }),
        ...(toolChoice && { tool_choice: toolChoice }),
        ...(request.temperature !== undefined && { temperature: request.temperature }),
      },
      { signal: request.signal },
    );
  } catch (error) {
    throw mapAnthropicError(error);
  }

  const blocks = new Map<number, Block>();
  const counters: UsageCounters = { input: 0, cacheRead: 0, cacheCreation: 0, output: 0 };
  let stopReason: string | null = null;
  let sawToolCall = false;
  let stopped = false;
  const iterator = stream[Symbol.asyncIterator]();
  try {
    while (true) {
      let next: IteratorResult<Anthropic.RawMessageStreamEvent>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw mapAnthropicError(error);
      }
      if (next.done) break;
      const event = next.value;
      switch (event.type) {
        case 'message_start': {
          const usage = event.message.usage;
          counters.input = usage.input_tokens ?? 0;
          counters.cacheRead = usage.cache_read_input_tokens ?? 0;
          counters.cacheCreation = usage.cache_creation_input_tokens ?? 0;
          counters.output = usage.output_tokens ?? 0;
          break;
        }
        case 'content_block_start': {
          const block = event.content_block;
          if (block.type === 'tool_use' && block.name === outputToolName) {
            blocks.set(event.index, { kind: 'output', streamed: false, input: block.input });
          } else if (block.type === 'tool_use') {
            blocks.set(event.index, { kind: 'tool', id: block.id, name: block.name, json: '' });
          } else {
            blocks.set(event.index, { kind: 'other' });
            if (block.type === 'text' && block.text) yield { type: 'text-delta', text: block.text };
          }
          break;
        }
        case 'content_block_delta': {
          const block = blocks.get(event.index);
          if (event.delta.type === 'text_delta') {
            if (event.delta.text) yield { type: 'text-delta', text: event.delta.text };
          } else if (event.delta.type === 'input_json_delta' && block?.kind === 'tool') {
            block.json += event.delta.partial_json;
          } else if (event.delta.type === 'input_json_delta' && block?.kind === 'output' && event.delta.partial_json) {
            // Structured output is the forced tool's input; stream it as the answer text.
            block.streamed = true;
            yield { type: 'text-delta', text: event.delta.partial_json };
          }
          break;
        }
        case 'content_block_stop': {
          const block = blocks.get(event.index);
          if (block?.kind === 'tool') {
            sawToolCall = true;
            const args = parseToolArguments('anthropic', block.name, block.json);
            yield { type: 'tool-call', id: block.id, name: block.name, args };
          } else if (block?.kind === 'output' && !block.streamed) {
            yield { type: 'text-delta', text: JSON.stringify(block.input ?? {}) };
          }
          break;
        }
        case 'message_delta': {
          stopReason = event.delta.stop_reason ?? stopReason;
          // message_delta usage is cumulative; fields may be null when unchanged.
          counters.output = event.usage.output_tokens ?? counters.output;
          counters.input = event.usage.input_tokens ?? counters.input;
          counters.cacheRead = event.usage.cache_read_input_tokens ?? counters.cacheRead;
          counters.cacheCreation = event.usage.cache_creation_input_tokens ?? counters.cacheCreation;
          break;
        }
        case 'message_stop':
          stopped = true;
          break;
      }
    }
  } finally {
    await iterator.return?.();
  }

  if (!stopped) throw streamEndedEarly('anthropic', request.signal);
  // The forced output tool is how the answer arrives, not a call the caller must run.
  const finishReason: FinishReason =
    stopReason === 'tool_use' && outputToolName && !sawToolCall ? 'stop' : mapAnthropicStopReason(stopReason);
  yield { type: 'finish', finishReason, usage: toUsage(counters) };
}
