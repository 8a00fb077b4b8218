import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from './distribution.math';
import {
  autocorrelations,
  deseasonalise,
  findSeasonalAdjustment,
  isSeasonal,
  reseasonalise,
  seasonalIndices,
} from './seasonality.detector';

describe('autocorrelations', () => {
  it('matches a hand computation', () => {
    // Mean 3, deviations −2…2, Σ = 10: r1 = (2 + 0 + 0 + 2)/10, r2 = (0 − 1 + 0)/10.
    const r = autocorrelations([1, 2, 3, 4, 5], 2);
    expect(r[0]).toBeCloseTo(0.4, 12);
    expect(r[1]).toBeCloseTo(-0.1, 12);
  });
});

describe('the 90 % seasonality test', () => {
  const random = seededRandom(3);
  const noise = (length: number) => Array.from({ length }, () => gaussian(random));

  it('applies |r_m| > 1.645·sqrt((1 + 2Σ_{k<m} r_k²)/n) exactly', () => {
    let seasonalCount = 0;
    for (let trial = 0; trial < 200; trial++) {
      const period = 4;
      const values = noise(24).map((v, t) => v + (t % period === 0 ? 1.6 : 0));
      const r = autocorrelations(values, period);
      const sum = (r[0] as number) ** 2 + (r[1] as number) ** 2 + (r[2] as number) ** 2;
      const expected = Math.abs(r[3] as number) > 1.645 * Math.sqrt((1 + 2 * sum) / values.length);
      expect(isSeasonal(values, period)).toBe(expected);
      if (expected) seasonalCount++;
    }
    // Borderline data, so both verdicts occur and a wrong constant would show.
    expect(seasonalCount).toBeGreaterThan(20);
    expect(seasonalCount).toBeLessThan(180);
  });

  it('finds a clear 12-month cycle and no cycle in white noise', () => {
    const seasonal = Array.from(
      { length: 60 },
      (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + gaussian(random),
    );
    expect(isSeasonal(seasonal, 12)).toBe(true);
    const flat = noise(120).map((v) => v + 50);
    expect(isSeasonal(flat, 12)).toBe(false);
  });

  it('needs three full cycles and a period above 1', () => {
    const seasonal = Array.from({ length: 35 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12));
    expect(isSeasonal(seasonal, 12)).toBe(false);
    expect(isSeasonal(seasonal, 1)).toBe(false);
  });
});

describe('classical decomposition', () => {
  it('recovers exact multiplicative indices with an even period (2×m moving average)', () => {
    // 12, 8, 12, 8…: the 2×2 moving average is 10 everywhere inside, ratios 1.2 and 0.8.
    const indices = seasonalIndices([12, 8, 12, 8, 12, 8, 12, 8], 2, 'multiplicative');
    expect(indices[0]).toBeCloseTo(1.2, 12);
    expect(indices[1]).toBeCloseTo(0.8, 12);
  });

  it('recovers exact additive indices with an odd period', () => {
    const indices = seasonalIndices([1, 2, 3, 1, 2, 3, 1, 2, 3], 3, 'additive');
    expect(Array.from(indices).map((v) => Number(v.toFixed(12)))).toEqual([-1, 0, 1]);
  });

  it('round-trips deseasonalise and reseasonalise', () => {
    const values = Array.from({ length: 48 }, (_, t) => (50 + t) * ([1.3, 0.7, 1.1, 0.9][t % 4] as number));
    const adjustment = findSeasonalAdjustment(values, 4);
    expect(adjustment?.kind).toBe('multiplicative');
    const back = reseasonalise(Array.from(deseasonalise(values, adjustment)), adjustment, 0);
    back.forEach((value, t) => {
      expect(value).toBeCloseTo(values[t] as number, 9);
    });
  });
});
