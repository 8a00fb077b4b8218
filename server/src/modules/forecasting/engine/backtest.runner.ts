import { intervalCoverage, maseScale, relativeBias, symmetricMape } from './accuracy.metrics';
import type { Forecast, PredictionInterval } from './forecast.types';
import { type Candidate, candidateName, MODELS } from './model.registry';

/**
 * Rolling-origin evaluation: forecast the `horizon` values after each of a
 * few origins and compare with what happened. Parameters are estimated once,
 * on the data before the earliest origin, then each later origin only re-runs
 * the model's filter with them — every forecast stays out of sample while a
 * candidate costs one estimation instead of one per origin.
 */

export interface BacktestPlan {
  horizon: number;
  /** Indices where forecasts start, earliest first; observations [0, origin) are known. */
  origins: number[];
  /** Seasonal period of the MASE scale (M4's m). */
  scalePeriod: number;
  levels: readonly number[];
}

export interface OriginScore {
  mase: number;
  /** Root mean squared scaled error (M5's RMSSE): rewards the right mean, as rates need. */
  rmsse: number;
  smape: number;
  bias: number;
  coverage: number[];
}

export interface CandidateBacktest {
  candidate: Candidate;
  name: string;
  /** Estimated on the data before the earliest origin; a warm start for the final fit. */
  params: Record<string, number>;
  forecasts: Forecast[];
  scores: OriginScore[];
}

/** Up to `count` origins spaced one horizon apart, keeping at least `minimumTrain` observations. */
export function planOrigins(length: number, horizon: number, count: number, minimumTrain: number): number[] {
  const origins: number[] = [];
  for (let k = count; k >= 1; k--) {
    const origin = length - k * horizon;
    if (origin >= minimumTrain) origins.push(origin);
  }
  return origins;
}

export function backtestCandidate(
  values: ArrayLike<number>,
  candidate: Candidate,
  plan: BacktestPlan,
  clampAtZero: boolean,
): CandidateBacktest {
  const fit = MODELS[candidate.model];
  const first = plan.origins[0] as number;
  const estimated = fit(slice(values, 0, first), { period: candidate.period });
  const forecasts: Forecast[] = [];
  const scores: OriginScore[] = [];
  for (const origin of plan.origins) {
    const model =
      origin === first
        ? estimated
        : fit(slice(values, 0, origin), { period: candidate.period, params: estimated.params });
    const forecast = clampForecast(model.forecast(plan.horizon, plan.levels), clampAtZero);
    forecasts.push(forecast);
    scores.push(scoreForecast(values, origin, forecast, plan));
  }
  return { candidate, name: candidateName(candidate), params: estimated.params, forecasts, scores };
}

export function scoreForecast(
  values: ArrayLike<number>,
  origin: number,
  forecast: Forecast,
  plan: BacktestPlan,
): OriginScore {
  const insample = slice(values, 0, origin);
  const actual = slice(values, origin, origin + plan.horizon);
  const mean = forecast.mean;
  const scale = robustScale(insample, plan.scalePeriod);
  let absolute = 0;
  let squared = 0;
  for (let h = 0; h < actual.length; h++) {
    const error = (actual[h] as number) - (mean[h] as number);
    absolute += Math.abs(error);
    squared += error * error;
  }
  return {
    mase: absolute / actual.length / scale.absolute,
    rmsse: Math.sqrt(squared / actual.length / scale.squared),
    smape: symmetricMape(actual, mean),
    bias: relativeBias(actual, mean),
    coverage: forecast.intervals.map((interval) => intervalCoverage(actual, interval)),
  };
}

/**
 * MASE / RMSSE denominators. A series that never moved at lag m (a flat
 * run of zeros) has scale 0; fall back to lag 1, then to the mean level, so
 * scores stay finite and comparable across candidates.
 */
function robustScale(insample: Float64Array, period: number): { absolute: number; squared: number } {
  let absolute = maseScale(insample, period);
  if (!(absolute > 0)) absolute = maseScale(insample, 1);
  let squaredSum = 0;
  let count = 0;
  for (let t = 1; t < insample.length; t++) {
    squaredSum += ((insample[t] as number) - (insample[t - 1] as number)) ** 2;
    count++;
  }
  let squared = count > 0 ? squaredSum / count : 0;
  if (!(absolute > 0) || !(squared > 0)) {
    let level = 0;
    for (let t = 0; t < insample.length; t++) level += Math.abs(insample[t] as number);
    level = level / Math.max(1, insample.length) || 1;
    if (!(absolute > 0)) absolute = level;
    if (!(squared > 0)) squared = level * level;
  }
  return { absolute, squared };
}

export function clampForecast(forecast: Forecast, clampAtZero: boolean): Forecast {
  if (!clampAtZero) return forecast;
  const clamp = (series: number[]) => series.map((value) => Math.max(0, value));
  return {
    mean: clamp(forecast.mean),
    intervals: forecast.intervals.map(
      (interval): PredictionInterval => ({
        level: interval.level,
        lower: clamp(interval.lower),
        upper: clamp(interval.upper),
      }),
    ),
  };
}

export function slice(values: ArrayLike<number>, from: number, to: number): Float64Array {
  if (values instanceof Float64Array) return values.subarray(from, Math.min(to, values.length));
  return Float64Array.from(
    { length: Math.max(0, Math.min(to, values.length) - from) },
    (_, i) => values[from + i] as number,
  );
}
