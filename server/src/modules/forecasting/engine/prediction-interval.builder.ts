import { countQuantile, zForLevel } from './distribution.math';
import type { PredictionInterval } from './forecast.types';

/** Central intervals mean ± z·sd at each level, for models with Gaussian forecast errors. */
export function normalIntervals(
  mean: readonly number[],
  standardDeviations: readonly number[],
  levels: readonly number[],
): PredictionInterval[] {
  return levels.map((level) => {
    const z = zForLevel(level);
    return {
      level,
      lower: mean.map((value, h) => value - z * (standardDeviations[h] as number)),
      upper: mean.map((value, h) => value + z * (standardDeviations[h] as number)),
    };
  });
}

/**
 * Count-demand intervals: each period's demand is Poisson (or negative
 * binomial when `variances` exceed the mean), so bounds are whole units ≥ 0.
 */
export function countIntervals(
  mean: readonly number[],
  variances: readonly number[],
  levels: readonly number[],
): PredictionInterval[] {
  return levels.map((level) => {
    const tail = (1 - level / 100) / 2;
    return {
      level,
      lower: mean.map((value, h) => countQuantile(tail, value, variances[h] as number)),
      upper: mean.map((value, h) => countQuantile(1 - tail, value, variances[h] as number)),
    };
  });
}

/** Scales intervals computed on seasonally adjusted data back, like their means. */
export function mapIntervals(
  intervals: PredictionInterval[],
  map: (values: number[]) => number[],
): PredictionInterval[] {
  return intervals.map(({ level, lower, upper }) => ({ level, lower: map(lower), upper: map(upper) }));
}
