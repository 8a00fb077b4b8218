import OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import {
  type AdapterOptions,
  type ChatRequest,
  emptyUsage,
  type ProviderAdapter,
  type StreamPart,
  type Usage,
} from '../../ai.model';
import { parseToolArguments } from '../shared/json-schema';
import { streamEndedEarly } from '../shared/provider-error.mapper';
import { mapOpenAiError } from './openai.error';
import { mapOpenAiFinishReason } from './openai.finish-reason';
import { convertToOpenAiMessages } from './openai.prompt';
import { prepareOpenAiResponseFormat, prepareOpenAiTools } from './openai.tools';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * Chat Completions adapter. Also serves OpenAI-compatible servers (Ollama, Groq,
 * OpenRouter, vLLM, LM Studio) through `baseURL`, which is why it sticks to the
 * Chat Completions API rather than the newer Responses API.
 */
export function createOpenAiAdapter(options: AdapterOptions): ProviderAdapter {
  const baseURL = options.baseURL ?? OPENAI_BASE_URL;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL,
    fetch: options.fetch,
    // The router owns retries; SDK retries would multiply them and hide Retry-After.
    maxRetries: 0,
  });
  const compatible = !baseURL.startsWith(OPENAI_BASE_URL);
  return { id: 'openai', stream: (model, request) => streamOpenAi(client, compatible, model, request) };
}

function buildParams(compatible: boolean, model: string, request: ChatRequest): ChatCompletionCreateParamsStreaming {
  // OpenAI's reasoning models reject `temperature` and `max_tokens`; compatible
  // servers, on the other hand, often only know `max_tokens`.
  const reasoning = !compatible && /^(o\d|gpt-5)(?!.*chat)/.test(model);
  const tools = prepareOpenAiTools(request.tools);
  return {
    model,
    messages: convertToOpenAiMessages(request),
    stream: true,
    stream_options: { include_usage: true },
    ...(tools && { tools }),
    ...(request.output && { response_format: prepareOpenAiResponseFormat(request.output) }),
    ...(request.temperature !== undefined && !reasoning && { temperature: request.temperature }),
    ...(request.maxOutputTokens !== undefined &&
      (compatible ? { max_tokens: request.maxOutputTokens } : { max_completion_tokens: request.maxOutputTokens })),
  };
}

function mapUsage(usage: CompletionUsage): Usage {
  return {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

interface PendingToolCall {
  id: string;
  name: string;
  args: string;
}

async function* streamOpenAi(
  client: OpenAI,
  compatible: boolean,
  model: string,
  request: ChatRequest,
): AsyncGenerator<StreamPart> {
  let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
  try {
    stream = await client.chat.completions.create(buildParams(compatible, model, request), { signal: request.signal });
  } catch (error) {
    throw mapOpenAiError(error);
  }

  // Tool calls arrive as fragments keyed by `index`: the first carries id and
  // name, later ones append to `arguments`.
  const pending = new Map<number, PendingToolCall>();
  let finishReason: string | null = null;
  let usage = emptyUsage();
  const iterator = stream[Symbol.asyncIterator]();
  try {
    while (true) {
      let next: IteratorResult<OpenAI.Chat.Completions.ChatCompletionChunk>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw mapOpenAiError(error);
      }
      if (next.done) break;
      const chunk = next.value;
      if (chunk.usage) usage = mapUsage(chunk.usage);
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta.content) yield { type: 'text-delta', text: choice.delta.content };
      for (const fragment of choice.delta.tool_calls ?? []) {
        const call = pending.get(fragment.index) ?? { id: '', name: '', args: '' };
        if (fragment.id) call.id = fragment.id;
        if (fragment.function?.name) call.name += fragment.function.name;
        if (fragment.function?.arguments) call.args += fragment.function.arguments;
        pending.set(fragment.index, call);
      }
      if (choice.finish_reason) {
        finishReason = choice.finish_reason;
        for (const [index, call] of [...pending].sort(([a], [b]) => a - b)) {
          const args = parseToolArguments('openai', call.name, call.args);
          yield { type: 'tool-call', id: call.id || `call_${index}`, name: call.name, args };
        }
        pending.clear();
      }
    }
  } finally {
    // Stops the HTTP body when the consumer leaves early.
    await iterator.return?.();
  }

  if (finishReason === null) throw streamEndedEarly('openai', request.signal);
  yield { type: 'finish', finishReason: mapOpenAiFinishReason(finishReason), usage };
}
