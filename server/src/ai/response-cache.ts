import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../platform/canonical-json';
import { parseStructuredOutput } from './ai.generate';
import type { AiTask, ChatRequest, StreamPart } from './ai.model';
import type { RouteChoice } from './routing-policy';

/**
 * sha256 over everything that shapes the answer. Keys are serialised in sorted
 * order so two equal requests built in a different property order share a key.
 */
export function cacheKeyFor(task: AiTask, choice: RouteChoice, request: ChatRequest): string {
  const material = {
    task,
    provider: choice.provider,
    model: choice.model,
    system: request.system ?? null,
    messages: request.messages,
    tools: request.tools ?? null,
    output: request.output ? { name: request.output.name, schema: z.toJSONSchema(request.output.schema) } : null,
    temperature: request.temperature ?? null,
    maxOutputTokens: request.maxOutputTokens ?? null,
  };
  return createHash('sha256').update(canonicalJson(material)).digest('hex');
}

/** Only complete answers are worth replaying; a truncated or invalid one would be replayed forever. */
export function isReusable(parts: StreamPart[], request: ChatRequest): boolean {
  const finish = parts.at(-1);
  if (finish?.type !== 'finish' || (finish.finishReason !== 'stop' && finish.finishReason !== 'tool-calls'))
    return false;
  if (!request.output || finish.finishReason !== 'stop') return true;
  const text = parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
  try {
    parseStructuredOutput(text, request.output);
    return true;
  } catch {
    return false;
  }
}
