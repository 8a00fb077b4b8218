import { describe, expect, it } from 'vitest';
import { mapAnthropicStopReason } from './anthropic/anthropic.finish-reason';
import { mapGeminiFinishReason } from './gemini/gemini.finish-reason';
import { mapOpenAiFinishReason } from './openai/openai.finish-reason';

describe('finish-reason mappers', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['content_filter', 'content-filter'],
    [null, 'other'],
  ] as const)('openai %s → %s', (raw, mapped) => expect(mapOpenAiFinishReason(raw)).toBe(mapped));

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool-calls'],
    ['refusal', 'content-filter'],
    ['pause_turn', 'other'],
  ] as const)('anthropic %s → %s', (raw, mapped) => expect(mapAnthropicStopReason(raw)).toBe(mapped));

  it.each([
    ['STOP', false, 'stop'],
    ['STOP', true, 'tool-calls'],
    ['MAX_TOKENS', false, 'length'],
    ['SAFETY', false, 'content-filter'],
    ['PROHIBITED_CONTENT', false, 'content-filter'],
    ['MALFORMED_FUNCTION_CALL', false, 'error'],
    ['OTHER', false, 'other'],
    [undefined, false, 'other'],
  ] as const)('gemini %s (tool calls: %s) → %s', (raw, hasToolCalls, mapped) =>
    expect(mapGeminiFinishReason(raw, hasToolCalls)).toBe(mapped),
  );
});
