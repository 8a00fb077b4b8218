import { describe, expect, it } from 'vitest';
import { budgetInputSchema } from './ai-settings.model';
import { isPublicHttpsUrl } from './public-url';
import { knownModels, providerOfModel, taskRouteInputSchema } from './routing-choice.model';

describe('AI settings input', () => {
  it('turns dollars as typed into exact micro-dollars, empty meaning no limit', () => {
    const parse = (monthlyBudgetUsd: string) =>
      budgetInputSchema.parse({ monthlyBudgetUsd, onExceeded: 'offline' }).monthlyBudgetUsd;
    expect(parse('25')).toBe(25_000_000n);
    expect(parse('$1,234.5')).toBe(1_234_500_000n);
    expect(parse('0.07')).toBe(70_000n);
    expect(parse('  ')).toBeNull();
    for (const bad of ['abc', '-5', '1.234', '0', '1000000']) {
      expect(budgetInputSchema.safeParse({ monthlyBudgetUsd: bad, onExceeded: 'offline' }).success).toBe(false);
    }
    expect(budgetInputSchema.safeParse({ monthlyBudgetUsd: '5', onExceeded: 'panic' }).success).toBe(false);
  });

  it('accepts only public https base URLs without credentials', () => {
    expect(isPublicHttpsUrl('https://api.groq.com/openai/v1')).toBe(true);
    expect(isPublicHttpsUrl('https://openrouter.ai/api/v1')).toBe(true);
    for (const url of [
      'http://api.groq.com/openai/v1',
      'https://localhost:11434/v1',
      'https://127.0.0.1/v1',
      'https://169.254.169.254/latest',
      'https://10.0.0.7/v1',
      'https://192.168.1.2/v1',
      'https://[::1]/v1',
      'https://user:secret@api.example.com/v1',
      'https://metadata.google.internal/',
      'not a url',
    ]) {
      expect(isPublicHttpsUrl(url), url).toBe(false);
    }
  });

  it('knows each priced model’s vendor', () => {
    expect(providerOfModel('claude-haiku-4-5')).toBe('anthropic');
    expect(providerOfModel('gemini-2.5-flash')).toBe('gemini');
    expect(providerOfModel('gpt-4.1-mini')).toBe('openai');
    expect(providerOfModel('llama3.1')).toBeUndefined();
    expect(knownModels).toContainEqual({ provider: 'offline', model: 'offline' });
    expect(knownModels.every((choice) => providerOfModel(choice.model) === choice.provider)).toBe(true);
  });

  it('checks each routing choice against the price table, with the error on that choice', () => {
    const strict = taskRouteInputSchema({ openaiCompatible: false });
    expect(
      strict.parse({ task: 'content.seo', choices: ['anthropic:claude-haiku-4-5', 'gemini:gemini-2.5-flash-001'] }),
    ).toEqual({
      task: 'content.seo',
      choices: [
        { provider: 'anthropic', model: 'claude-haiku-4-5' },
        { provider: 'gemini', model: 'gemini-2.5-flash-001' },
      ],
    });
    const result = strict.safeParse({
      task: 'content.seo',
      choices: ['gemini:gpt-4.1', 'openai:llama3.1', 'openai:gpt-4.1', 'openai:gpt-4.1', 'offline:smart', 'nobody:x'],
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([['choices', 'List at most four providers and models.']]);
    const each = strict.safeParse({
      task: 'content.seo',
      choices: ['gemini:gpt-4.1', 'openai:llama3.1', 'offline:smart', 'openai:llama3.1'],
    });
    expect(each.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['choices.0', '"gpt-4.1" is not one of the Gemini models Closer knows the price of.'],
      ['choices.1', '"llama3.1" is not one of the OpenAI models Closer knows the price of.'],
      ['choices.2', 'The offline assistant has one model: offline.'],
      ['choices.3', '"llama3.1" is not one of the OpenAI models Closer knows the price of.'],
    ]);
    expect(
      taskRouteInputSchema({ openaiCompatible: true }).safeParse({ task: 'content.seo', choices: ['openai:llama3.1'] })
        .success,
    ).toBe(true);
    expect(strict.safeParse({ task: 'content.poetry', choices: ['offline:offline'] }).success).toBe(false);
    expect(strict.safeParse({ task: 'content.seo', choices: [] }).success).toBe(false);
  });
});
