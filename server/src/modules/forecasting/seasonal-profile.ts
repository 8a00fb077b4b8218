import { addWeeks, weekOfYear } from './week-calendar';

/**
 * A yearly seasonal profile for stores with one to three years of weekly
 * history — too little for the engine's seasonal models, which want three
 * full cycles, yet enough to know that December sells double. Each week's
 * ratio to a linear trend is averaged by week of the year, smoothed with its
 * neighbours, normalised to a mean of 1 and shrunk towards 1 (a single year
 * is a noisy estimate). Estimated on a category or the store total, where
 * volume makes the ratios meaningful, and applied to every product in it.
 */
export interface ProfileOptions {
  /** Weeks of history needed; default 52. */
  minimumWeeks?: number;
  /** Mean weekly units needed for the ratios to be more than noise; default 5. */
  minimumMeanUnits?: number;
  /** 0 (no seasonality) … 1 (the raw profile); default 0.75. */
  shrink?: number;
}

export type YearlyProfile = Float64Array;

/** `values[t]` is week `start + t`; returns 52 factors by week of year, or null when the data cannot support one. */
export function estimateYearlyProfile(
  values: ArrayLike<number>,
  start: Date,
  options: ProfileOptions = {},
): YearlyProfile | null {
  const n = values.length;
  if (n < (options.minimumWeeks ?? 52)) return null;
  let total = 0;
  for (let t = 0; t < n; t++) total += values[t] as number;
  if (total / n < (options.minimumMeanUnits ?? 5)) return null;
  const [intercept, slope] = linearTrend(values);
  const sums = new Float64Array(52);
  const counts = new Float64Array(52);
  for (let t = 0; t < n; t++) {
    const trend = intercept + slope * t;
    if (!(trend > 0)) continue;
    const week = weekOfYear(addWeeks(start, t));
    sums[week] = (sums[week] as number) + (values[t] as number) / trend;
    counts[week] = (counts[week] as number) + 1;
  }
  const raw = Float64Array.from(sums, (sum, week) =>
    (counts[week] as number) > 0 ? sum / (counts[week] as number) : 1,
  );
  const smoothed = Float64Array.from(
    raw,
    (value, week) => ((raw[(week + 51) % 52] as number) + 2 * value + (raw[(week + 1) % 52] as number)) / 4,
  );
  let mean = 0;
  for (const value of smoothed) mean += value / 52;
  if (!(mean > 0)) return null;
  const shrink = options.shrink ?? 0.75;
  return Float64Array.from(smoothed, (value) => Math.max(0.05, 1 + shrink * (value / mean - 1)));
}

/** The profile's factor for each week from `start` (1 everywhere without a profile). */
export function profileFactors(profile: YearlyProfile | null, start: Date, length: number): Float64Array {
  const factors = new Float64Array(length).fill(1);
  if (!profile) return factors;
  for (let t = 0; t < length; t++) factors[t] = profile[weekOfYear(addWeeks(start, t))] as number;
  return factors;
}

function linearTrend(values: ArrayLike<number>): [number, number] {
  const n = values.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < n; t++) {
    const y = values[t] as number;
    sx += t;
    sy += y;
    sxx += t * t;
    sxy += t * y;
  }
  const denominator = n * sxx - sx * sx;
  const slope = denominator > 0 ? (n * sxy - sx * sy) / denominator : 0;
  return [(sy - slope * sx) / n, slope];
}
