import { describe, expect, it } from 'vitest';
import type { PredictionInterval } from './forecast.types';
import { fitNaive, fitNaive2, fitSeasonalNaive } from './naive.model';

describe('naive', () => {
  it('repeats the last value with intervals widening as sqrt(h)', () => {
    // One-step errors 2, −1, 3: σ = sqrt(14/3).
    const forecast = fitNaive([10, 12, 11, 14]).forecast(4, [95]);
    expect(forecast.mean).toEqual([14, 14, 14, 14]);
    const sigma = Math.sqrt(14 / 3);
    const interval = forecast.intervals[0] as PredictionInterval;
    expect(interval.upper[0]).toBeCloseTo(14 + 1.959964 * sigma, 4);
    expect(((interval.upper[3] as number) - 14) / ((interval.upper[0] as number) - 14)).toBeCloseTo(2, 9);
  });
});

describe('seasonal naive', () => {
  it('repeats the last cycle', () => {
    const model = fitSeasonalNaive([1, 2, 3, 4, 5, 6, 7], { period: 3 });
    expect(model.forecast(5, []).mean).toEqual([5, 6, 7, 5, 6]);
  });

  it('falls back to naive without a full cycle', () => {
    expect(fitSeasonalNaive([1, 2], { period: 7 }).forecast(2, []).mean).toEqual([2, 2]);
  });
});

describe('Naive2', () => {
  it('is naive on seasonally adjusted data where the 90 % test finds seasonality', () => {
    const pattern = [1.5, 0.5, 1, 1];
    const values = Array.from({ length: 40 }, (_, t) => 100 * (pattern[t % 4] as number));
    const model = fitNaive2(values, { period: 4 });
    expect(model.params.seasonal).toBe(1);
    // The last value (t = 39, index 1.0) deseasonalised is 100; forecasts carry the pattern on.
    model.forecast(4, []).mean.forEach((value, h) => {
      expect(value).toBeCloseTo(100 * (pattern[(40 + h) % 4] as number), 9);
    });
  });

  it('is plain naive where there is no seasonality', () => {
    const values = [5, 7, 6, 8, 7, 9, 8, 10, 9, 11, 10, 12];
    const model = fitNaive2(values, { period: 4 });
    expect(model.params.seasonal).toBe(0);
    expect(model.forecast(3, []).mean).toEqual([12, 12, 12]);
  });
});
