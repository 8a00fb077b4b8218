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
 * Intervals from simulated sample paths (`paths[p * horizon + h]`), for
 * models without a closed-form forecast variance (multiplicative seasonality).
 */
export function sampledIntervals(paths: Float64Array, horizon: number, levels: readonly number[]): PredictionInterval[] {
  const count = paths.length / horizon;
  const column = new Float64Array(count);
  const intervals = levels.map((level) => ({ level, lower: new Array<number>(horizon), upper: new Array<number>(horizon) }));
  for (let h = 0; h < horizon; h++) {
    for (let p = 0; p < count; p++) column[p] = paths[p * horizon + h] as number;
    column.sort();
    for (const interval of intervals) {
      const tail = (1 - interval.level / 100) / 2;
      interval.lower[h] = quantileOfSorted(column, tail);
      interval.upper[h] = quantileOfSorted(column, 1 - tail);
    }
  }
  return intervals;
}

export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const weight = position - below;
  return (sorted[below] as number) * (1 - weight) + (sorted[above] as number) * weight;
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
