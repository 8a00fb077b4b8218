import { describe, expect, it } from 'vitest';
import {
  intervalCoverage,
  maseScale,
  meanAbsoluteScaledError,
  overallWeightedAverage,
  relativeBias,
  symmetricMape,
} from './accuracy.metrics';

describe('M4 metrics', () => {
  it('computes sMAPE as 200/h Σ|y − ŷ|/(|y| + |ŷ|)', () => {
    // 100 · (10/210 + 20/380) = 10.02506…
    expect(symmetricMape([100, 200], [110, 180])).toBeCloseTo(10.025063, 5);
    expect(symmetricMape([0, 10], [0, 10])).toBe(0);
  });

  it('scales MASE by the in-sample error of the seasonal naive at lag m', () => {
    const insample = [1, 2, 4, 7];
    expect(maseScale(insample, 1)).toBe(2);
    expect(maseScale(insample, 2)).toBe(4);
    expect(meanAbsoluteScaledError(insample, [8, 10], [9, 9], 1)).toBe(0.5);
    expect(meanAbsoluteScaledError(insample, [8, 10], [9, 9], 2)).toBe(0.25);
  });

  it('computes OWA on the averages relative to Naive2', () => {
    expect(overallWeightedAverage({ sMAPE: 8, MASE: 1.5 }, { sMAPE: 10, MASE: 2 })).toBeCloseTo(0.775, 12);
  });

  it('reports bias as a share of actual demand and coverage as a share of hits', () => {
    expect(relativeBias([10, 10], [12, 11])).toBeCloseTo(0.15, 12);
    expect(relativeBias([0, 0], [0, 0])).toBe(0);
    expect(intervalCoverage([1, 5, 9, 3], { level: 80, lower: [0, 0, 0, 3], upper: [2, 4, 10, 3] })).toBe(0.75);
  });
});
