import type { ChatMessage, ChatRequest, ProviderAdapter, StreamPart, ToolCall, Usage } from '../../ai.model';
import { ProviderError } from '../../ai.model';
import { outputJsonSchema } from '../shared/json-schema';
import { draftFromSchema, OFFLINE_LABEL } from './offline.draft';
import { chooseIntent } from './offline.intent';
import { composeReply } from './offline.reply';

/**
 * The key-less provider: deterministic, no network. For the assistant it uses
 * the tools it is given exactly as a model would (call a tool, then answer from
 * the tool results); for generation tasks it returns a labelled template draft.
 */
export function createOfflineAdapter(): ProviderAdapter {
  return { id: 'offline', stream: (_model, request) => streamOffline(request) };
}

type ToolMessage = Extract<ChatMessage, { role: 'tool' }>;

async function* streamOffline(request: ChatRequest): AsyncGenerator<StreamPart> {
  const last = request.messages.at(-1);
  let output = '';
  const emit = function* (text: string): Generator<StreamPart> {
    for (const piece of splitIntoDeltas(text)) {
      throwIfAborted(request.signal);
      output += piece;
      yield { type: 'text-delta', text: piece };
    }
  };

  if (request.output) {
    const draft = draftFromSchema(outputJsonSchema(request.output), topicOf(request));
    yield* emit(JSON.stringify(draft));
  } else if (last?.role === 'tool') {
    const { results, calls } = latestToolTurn(request.messages);
    yield* emit(composeReply(results, calls));
  } else if (last?.role === 'user' && request.tools && request.tools.length > 0) {
    const intent = chooseIntent(last.content, request.tools);
    if (intent.kind === 'tool') {
      throwIfAborted(request.signal);
      const id = `offline_call_${request.messages.length}`;
      output += JSON.stringify(intent.call);
      yield { type: 'tool-call', id, name: intent.call.name, args: intent.call.args };
      yield { type: 'finish', finishReason: 'tool-calls', usage: estimateUsage(request, output) };
      return;
    }
    yield* emit(intent.text);
  } else {
    const topic = topicOf(request);
    yield* emit(
      `${OFFLINE_LABEL} No AI provider is configured, so this is a template${topic ? ` for: ${topic}` : ''}.`,
    );
  }
  yield { type: 'finish', finishReason: 'stop', usage: estimateUsage(request, output) };
}

/** The tool results after the last assistant turn, and the calls that produced them. */
function latestToolTurn(messages: ChatMessage[]): { results: ToolMessage[]; calls: ToolCall[] } {
  const results: ToolMessage[] = [];
  let index = messages.length - 1;
  for (; index >= 0; index--) {
    const message = messages[index];
    if (message?.role !== 'tool') break;
    results.unshift(message);
  }
  const previous = messages[index];
  return { results, calls: previous?.role === 'assistant' ? (previous.toolCalls ?? []) : [] };
}

/** First line of the last user message, shortened: what a draft is about. */
function topicOf(request: ChatRequest): string {
  const user = [...request.messages].reverse().find((message) => message.role === 'user');
  const line =
    user?.role === 'user' ? (user.content.split('\n').find((candidate) => candidate.trim() !== '') ?? '') : '';
  return line.trim().length > 80 ? `${line.trim().slice(0, 77)}...` : line.trim();
}

/** Word groups, so the widget sees a stream like from a model rather than one block. */
export function splitIntoDeltas(text: string, wordsPerDelta = 4): string[] {
  const tokens = text.match(/\S+\s*|\s+/g) ?? [];
  const deltas: string[] = [];
  for (let index = 0; index < tokens.length; index += wordsPerDelta) {
    deltas.push(tokens.slice(index, index + wordsPerDelta).join(''));
  }
  return deltas;
}

/** About four characters per token: good enough for budgets, and the cost is 0 anyway. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimateUsage(request: ChatRequest, output: string): Usage {
  const input = (request.system ?? '') + JSON.stringify(request.messages) + JSON.stringify(request.tools ?? []);
  return { inputTokens: estimateTokens(input), outputTokens: estimateTokens(output), cachedInputTokens: 0 };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new ProviderError('offline request aborted', {
      provider: 'offline',
      kind: 'aborted',
      retryable: false,
      cause: signal.reason,
    });
  }
}
