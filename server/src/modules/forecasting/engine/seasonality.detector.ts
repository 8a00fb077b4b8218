/**
 * Seasonality as M4 treats it: a series is called seasonal at period m only
 * when its lag-m autocorrelation passes a 90 % significance test, and its
 * seasonal indices come from a classical (moving-average) decomposition.
 * Naive2, Theta and the ETS initial states all build on these two functions.
 */

/** Sample autocorrelations r_1 … r_maxLag (index 0 holds r_1), as R's `acf`. */
export function autocorrelations(values: ArrayLike<number>, maxLag: number): Float64Array {
  const n = values.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += values[t] as number;
  mean /= n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += ((values[t] as number) - mean) ** 2;
  const result = new Float64Array(maxLag);
  if (denominator === 0) return result;
  for (let k = 1; k <= maxLag; k++) {
    let sum = 0;
    for (let t = k; t < n; t++) sum += ((values[t] as number) - mean) * ((values[t - k] as number) - mean);
    result[k - 1] = sum / denominator;
  }
  return result;
}

/**
 * M4's 90 % test: seasonal when |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²)/n).
 * Like M4 it needs at least three full cycles; shorter series count as non-seasonal.
 */
export function isSeasonal(values: ArrayLike<number>, period: number): boolean {
  const n = values.length;
  if (period <= 1 || n < 3 * period) return false;
  const r = autocorrelations(values, period);
  let squares = 0;
  for (let k = 0; k < period - 1; k++) squares += (r[k] as number) ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * squares) / n);
  return Math.abs(r[period - 1] as number) > limit;
}

export type SeasonalKind = 'additive' | 'multiplicative';

/**
 * Seasonal indices of a classical decomposition (R's `decompose`): a centred
 * moving average of order m (2×m for even m) as trend, then the mean
 * detrended value per position in the cycle, normalised to mean 1 (or 0).
 * `indices[t % period]` applies to observation t (0-based from the start of `values`).
 */
export function seasonalIndices(values: ArrayLike<number>, period: number, kind: SeasonalKind): Float64Array {
  const n = values.length;
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  // A running window sum keeps the moving average O(n) even for period 168.
  let window = 0;
  for (let t = 0; t < Math.min(n, 2 * half + 1); t++) window += values[t] as number;
  for (let t = half; t < n - half; t++) {
    if (t > half) window += (values[t + half] as number) - (values[t - half - 1] as number);
    const trend = even
      ? (window - 0.5 * (values[t - half] as number) - 0.5 * (values[t + half] as number)) / period
      : window / period;
    const value = values[t] as number;
    const position = t % period;
    sums[position] = (sums[position] as number) + (kind === 'multiplicative' ? value / trend : value - trend);
    counts[position] = (counts[position] as number) + 1;
  }
  const indices = new Float64Array(period);
  let total = 0;
  for (let i = 0; i < period; i++) {
    const count = counts[i] as number;
    indices[i] = count > 0 ? (sums[i] as number) / count : kind === 'multiplicative' ? 1 : 0;
    total += indices[i] as number;
  }
  const mean = total / period;
  for (let i = 0; i < period; i++) {
    indices[i] = kind === 'multiplicative' ? (indices[i] as number) / mean : (indices[i] as number) - mean;
  }
  return indices;
}

/**
 * The seasonal adjustment M4's benchmarks use: multiplicative indices when
 * the 90 % test finds seasonality (additive ones if the series is not
 * strictly positive, where ratios mean nothing), else none.
 */
export interface SeasonalAdjustment {
  period: number;
  kind: SeasonalKind;
  /** Indexed by t % period, t counted from the start of the series. */
  indices: Float64Array;
}

export function findSeasonalAdjustment(values: ArrayLike<number>, period: number): SeasonalAdjustment | undefined {
  if (!isSeasonal(values, period)) return undefined;
  let positive = true;
  for (let t = 0; t < values.length; t++) if (!((values[t] as number) > 0)) positive = false;
  const kind: SeasonalKind = positive ? 'multiplicative' : 'additive';
  return { period, kind, indices: seasonalIndices(values, period, kind) };
}

export function deseasonalise(values: ArrayLike<number>, adjustment: SeasonalAdjustment | undefined): Float64Array {
  const result = Float64Array.from(values as ArrayLike<number>);
  if (!adjustment) return result;
  const { period, kind, indices } = adjustment;
  for (let t = 0; t < result.length; t++) {
    const index = indices[t % period] as number;
    result[t] = kind === 'multiplicative' ? (result[t] as number) / index : (result[t] as number) - index;
  }
  return result;
}

/** Applies the indices to forecasts for observations start, start+1, … */
export function reseasonalise(values: number[], adjustment: SeasonalAdjustment | undefined, start: number): number[] {
  if (!adjustment) return values;
  const { period, kind, indices } = adjustment;
  return values.map((value, step) => {
    const index = indices[(start + step) % period] as number;
    return kind === 'multiplicative' ? value * index : value + index;
  });
}
