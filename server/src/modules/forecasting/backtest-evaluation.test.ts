import { describe, expect, it } from 'vitest';
import { planBacktest, runBacktest } from './backtest-evaluation';
import { parseIsoDate } from './week-calendar';

describe('planBacktest', () => {
  it('steps back from the end, keeping origins with a year of history for a seasonal baseline', () => {
    expect(planBacktest(77)).toMatchObject({ origins: [52, 58, 64], horizon: 13, baseline: 'seasonal-naive' });
    // 70 weeks: of 57, 51 and 45 only 57 has a year behind it.
    expect(planBacktest(70)).toMatchObject({ origins: [57], baseline: 'seasonal-naive' });
    // Under a year and a quarter: naive is the baseline; 25 leaves too little to train on.
    expect(planBacktest(50)).toMatchObject({ origins: [31, 37], baseline: 'naive' });
    expect(planBacktest(30).origins).toEqual([]);
  });
});

describe('runBacktest', () => {
  const start = parseIsoDate('2024-01-01');
  const length = 90;
  // A pattern that repeats exactly every 52 weeks: last year's week is a perfect forecast.
  const pattern = Array.from({ length: 52 }, (_, week) => (week % 4 === 0 ? 40 : week % 4 === 1 ? 2 : 15));
  const repeating = Float64Array.from({ length }, (_, t) => pattern[t % 52] as number);
  // A flat seller with week-to-week noise: last year's week only repeats last year's noise.
  const noisy = Float64Array.from({ length }, (_, t) => 20 + (((t * 7919) % 11) - 5));
  const products = [
    { id: 'repeating', label: 'repeating', category: 'A', values: repeating },
    { id: 'noisy', label: 'noisy', category: 'B', values: noisy },
  ];

  it('scores the whole procedure against seasonal naive on the same weeks, and can lose', async () => {
    const plan = planBacktest(length);
    const result = await runBacktest({ products, start, length }, plan, { workers: 0 });
    const repeatingScore = result.accuracy.get('repeating');
    const noisyScore = result.accuracy.get('noisy');
    expect(repeatingScore?.baselineMase).toBe(0);
    expect(repeatingScore?.mase).toBeGreaterThan(0);
    expect(noisyScore?.mase).toBeLessThan(noisyScore?.baselineMase as number);
    expect(result.summary.beatsBaseline).toEqual({ wins: 1, losses: 1, ties: 0, share: 0.5 });
    expect(result.summary).toMatchObject({ evaluatedProducts: 2, origins: plan.origins.length, horizonWeeks: 13 });
    expect(result.accuracy.get('store')?.origins).toBe(plan.origins.length);
    expect(result.accuracy.get('category:A')).toBeDefined();
    for (const score of [repeatingScore, noisyScore]) {
      expect(score?.coverage80).toBeGreaterThanOrEqual(0);
      expect(score?.coverage95).toBeGreaterThanOrEqual(score?.coverage80 as number);
    }
  });
});
