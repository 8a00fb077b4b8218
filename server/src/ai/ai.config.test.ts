import { describe, expect, it } from 'vitest';
import { toProviderCredentials } from './ai.config';
import { resolveRoute } from './routing-policy';

describe('toProviderCredentials', () => {
  it('keeps configured providers and lets a key-less local OpenAI-compatible server through', () => {
    expect(
      toProviderCredentials({
        gemini: { apiKey: ' g-key ' },
        anthropic: { apiKey: '', baseURL: 'https://proxy.test' },
        openai: { baseURL: 'http://localhost:11434/v1' },
      }),
    ).toEqual({
      gemini: { apiKey: 'g-key', baseURL: undefined },
      openai: { apiKey: 'not-needed', baseURL: 'http://localhost:11434/v1' },
    });
  });
});

describe('resolveRoute', () => {
  it('keeps only providers with credentials, in policy order, and the assistant keeps its offline tail', () => {
    const credentials = { openai: { apiKey: 'k' }, anthropic: { apiKey: 'k' } };
    expect(resolveRoute('assistant.reply', credentials, undefined)).toEqual([
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
      { provider: 'openai', model: 'gpt-4.1-mini' },
      { provider: 'offline', model: 'offline' },
    ]);
    expect(resolveRoute('forecast.narrative', credentials, undefined).map((choice) => choice.provider)).toEqual([
      'anthropic',
      'openai',
    ]);
  });

  it('falls back to offline with no credentials, and applies a workspace override', () => {
    expect(resolveRoute('content.seo', {}, undefined)).toEqual([{ provider: 'offline', model: 'offline' }]);
    const override = { 'content.seo': [{ provider: 'openai' as const, model: 'llama3.1' }] };
    expect(resolveRoute('content.seo', { openai: { apiKey: 'k' } }, override)).toEqual([
      { provider: 'openai', model: 'llama3.1' },
    ]);
    expect(resolveRoute('content.ads', { openai: { apiKey: 'k' } }, override)).toEqual([
      { provider: 'openai', model: 'gpt-4.1-mini' },
    ]);
  });
});
