import { describe, expect, it } from 'vitest';
import { costMicroUsd, findPrice, priceUsage } from './prices';

const usage = (inputTokens: number, cachedInputTokens: number, outputTokens: number) => ({
  inputTokens,
  cachedInputTokens,
  outputTokens,
});

describe('costMicroUsd', () => {
  it('charges one million tokens at the table rate', () => {
    expect(costMicroUsd('gpt-4o-mini', usage(1_000_000, 0, 0))).toBe(150_000);
    expect(costMicroUsd('gpt-4o-mini', usage(0, 0, 1_000_000))).toBe(600_000);
    expect(costMicroUsd('claude-opus-4-1', usage(1_000_000, 1_000_000, 0))).toBe(1_500_000);
  });

  it('splits input into cached and uncached tokens exactly', () => {
    // 234 × $3 + 1,000 × $0.30 + 567 × $15 per million = 702 + 300 + 8,505 µ$
    expect(costMicroUsd('claude-sonnet-4-5', usage(1_234, 1_000, 567))).toBe(9_507);
    // 800 × $0.30 + 200 × $0.03 + 100 × $2.50 per million = 240 + 6 + 250 µ$
    expect(costMicroUsd('gemini-2.5-flash', usage(1_000, 200, 100))).toBe(496);
  });

  it('rounds once, half up, after summing exact pico-dollar terms', () => {
    // 1 × 0.075 + 1 × 0.15 + 1 × 0.6 = 0.825 µ$ → 1; each term alone would round to 0, 0, 1
    expect(costMicroUsd('gpt-4o-mini', usage(2, 1, 1))).toBe(1);
    // 5 × 0.1 = 0.5 µ$ → 1 (half up); 4 × 0.1 = 0.4 → 0
    expect(costMicroUsd('gemini-2.0-flash', usage(5, 0, 0))).toBe(1);
    expect(costMicroUsd('gemini-2.0-flash', usage(4, 0, 0))).toBe(0);
    // 4 cached × 0.075 + 12 × 0.6 = 7.5 µ$ → 8; the same sum in floating point is 7.4999… → 7
    expect(4 * 0.075 + 12 * 0.6).toBeLessThan(7.5);
    expect(costMicroUsd('gpt-4o-mini', usage(4, 4, 12))).toBe(8);
  });

  it('applies the long-context tier of Gemini 2.5 Pro to the whole request', () => {
    expect(costMicroUsd('gemini-2.5-pro', usage(200_000, 0, 1_000))).toBe(200_000 * 1.25 + 1_000 * 10);
    expect(costMicroUsd('gemini-2.5-pro', usage(200_001, 1, 1_000))).toBe(
      Math.round(200_000 * 2.5 + 1 * 0.25 + 1_000 * 15),
    );
  });

  it('prices dated snapshots and prefixed names like their base model, but not other variants', () => {
    expect(findPrice('claude-sonnet-4-5-20250929')).toBe(findPrice('claude-sonnet-4-5'));
    expect(findPrice('gpt-4.1-mini-2025-04-14')).toBe(findPrice('gpt-4.1-mini'));
    expect(findPrice('models/gemini-2.0-flash-001')).toBe(findPrice('gemini-2.0-flash'));
    expect(findPrice('gpt-5-nano')).toBeUndefined();
  });

  it('flags unknown models (a local Ollama model) as unpriced at zero cost', () => {
    expect(priceUsage('llama3.1:8b', usage(5_000, 0, 5_000))).toEqual({ costMicroUsd: 0, priced: false });
    expect(priceUsage('offline', usage(5_000, 0, 5_000))).toEqual({ costMicroUsd: 0, priced: true });
  });
});
