import type { PredictionInterval } from './forecast.types';

/**
 * Forecast accuracy as the M4 competition scores it (per series, then
 * averaged), plus the two figures merchants need to judge a forecast:
 * bias (does it run high or low?) and interval coverage (do the 80 % bands
 * hold 80 % of outcomes?).
 */

/** sMAPE = 200/h · Σ |y − ŷ| / (|y| + |ŷ|), in percent; a term with y = ŷ = 0 counts as 0. */
export function symmetricMape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  for (let h = 0; h < actual.length; h++) {
    const y = actual[h] as number;
    const f = forecast[h] as number;
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator > 0) sum += Math.abs(y - f) / denominator;
  }
  return (200 * sum) / actual.length;
}

/** Mean |y_t − y_{t−m}| over the training series: MASE's denominator. */
export function maseScale(insample: ArrayLike<number>, period: number): number {
  let sum = 0;
  let count = 0;
  for (let t = period; t < insample.length; t++) {
    sum += Math.abs((insample[t] as number) - (insample[t - period] as number));
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}

/** MASE = mean |y − ŷ| over the horizon ÷ maseScale(insample, m). */
export function meanAbsoluteScaledError(
  insample: ArrayLike<number>,
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  period: number,
): number {
  return meanAbsoluteError(actual, forecast) / maseScale(insample, period);
}

export function meanAbsoluteError(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  for (let h = 0; h < actual.length; h++) sum += Math.abs((actual[h] as number) - (forecast[h] as number));
  return sum / actual.length;
}

/** OWA = ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2), on averages over series as M4 does. */
export function overallWeightedAverage(
  scores: { sMAPE: number; MASE: number },
  naive2: { sMAPE: number; MASE: number },
): number {
  return 0.5 * (scores.sMAPE / naive2.sMAPE + scores.MASE / naive2.MASE);
}

/** Σ(ŷ − y) / Σ|y|: +0.12 means forecasts ran 12 % above what happened. */
export function relativeBias(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let error = 0;
  let total = 0;
  for (let h = 0; h < actual.length; h++) {
    error += (forecast[h] as number) - (actual[h] as number);
    total += Math.abs(actual[h] as number);
  }
  if (total === 0) return error === 0 ? 0 : Math.sign(error);
  return error / total;
}

/** Share of actual values inside the interval (bounds included). */
export function intervalCoverage(actual: ArrayLike<number>, interval: PredictionInterval): number {
  let inside = 0;
  for (let h = 0; h < actual.length; h++) {
    const y = actual[h] as number;
    if (y >= (interval.lower[h] as number) && y <= (interval.upper[h] as number)) inside++;
  }
  return inside / actual.length;
}

export function average(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length > 0 ? sum / values.length : Number.NaN;
}
