import type { EtsSpec, EtsState } from './ets.filter';
import { seasonalIndices } from './seasonality.detector';

/**
 * Hyndman et al.'s (2002) heuristic initial states, as R's `ets` computes
 * them: seasonal states from a classical decomposition of the first three
 * cycles, then the level (and trend) from a straight line through the first
 * max(10, 2m) seasonally adjusted values.
 */
export function initialEtsState(values: ArrayLike<number>, spec: EtsSpec): EtsState {
  const n = values.length;
  const period = spec.season === 'N' ? 1 : spec.period;
  const seasonal = new Float64Array(period);
  const adjusted = Float64Array.from({ length: Math.min(n, Math.max(10, 2 * period)) }, (_, t) => values[t] as number);
  if (spec.season !== 'N') {
    const head = Array.from({ length: Math.min(n, 3 * period) }, (_, t) => values[t] as number);
    const kind = spec.season === 'M' ? 'multiplicative' : 'additive';
    const indices = seasonalIndices(head, period, kind);
    for (let i = 0; i < period; i++) {
      // Multiplicative indices near zero would make the filter divide by ~0.
      seasonal[i] = kind === 'multiplicative' ? Math.max(indices[i] as number, 1e-2) : (indices[i] as number);
    }
    for (let t = 0; t < adjusted.length; t++) {
      const s = seasonal[t % period] as number;
      adjusted[t] = kind === 'multiplicative' ? (adjusted[t] as number) / s : (adjusted[t] as number) - s;
    }
  }
  const { intercept, slope } = fitLine(adjusted);
  if (spec.trend === 'N') {
    let sum = 0;
    for (const value of adjusted) sum += value;
    return { level: sum / adjusted.length, trend: 0, seasonal };
  }
  return { level: intercept, trend: slope, seasonal };
}

/** Least-squares line through (1, y_0), (2, y_1), …; the intercept is the value at time 0. */
export function fitLine(values: ArrayLike<number>): { intercept: number; slope: number } {
  const n = values.length;
  if (n < 2) return { intercept: n === 1 ? (values[0] as number) : 0, slope: 0 };
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (let t = 0; t < n; t++) {
    const x = t + 1;
    const y = values[t] as number;
    sumX += x;
    sumY += y;
    sumXY += x * y;
    sumXX += x * x;
  }
  const slope = (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
  return { intercept: (sumY - slope * sumX) / n, slope };
}
