import { average } from './accuracy.metrics';
import {
  backtestCandidate,
  type CandidateBacktest,
  clampForecast,
  type OriginScore,
  planOrigins,
  scoreForecast,
  slice,
} from './backtest.runner';
import { type Combination, combineForecasts } from './forecast.combiner';
import { DEFAULT_LEVELS, type Forecast, type PredictionInterval } from './forecast.types';
import { type Candidate, candidateName, expandCandidates, MODELS, type ModelName } from './model.registry';
import { classifySeries, type SeriesKind } from './series.classifier';

/**
 * Forecasts one series end to end: classify it, backtest the candidate
 * models at a few rolling origins, keep the best `combine` of them by MASE
 * (by RMSSE for intermittent series, whose forecasts are rates), and return
 * their combined forecast with the backtest figures that tell a merchant how
 * far to trust it.
 */
export interface ForecastSeriesOptions {
  horizon: number;
  /** Seasonal periods to try, e.g. [7] for daily sales, [24, 168] for hourly; default none. */
  periods?: readonly number[];
  levels?: readonly number[];
  /** Seasonal period of the MASE scale; default the first of `periods`, else 1. */
  scalePeriod?: number;
  models?: readonly ModelName[];
  intermittentModels?: readonly ModelName[];
  /** Rolling origins to backtest at (one horizon apart); default 3. */
  origins?: number;
  /** How many of the best candidates to combine; 1 picks the single best. Default 3. */
  combine?: number;
  combination?: Combination;
  /** Floor forecasts and bounds at 0; default when the history has no negative value. */
  nonNegative?: boolean;
  /**
   * Also return one-step in-sample residuals of the combined model (NaN
   * during a model's warm-up), e.g. for WLS-variance or MinT reconciliation.
   * Off by default: it is one number per observation to carry back.
   */
  residuals?: boolean;
}

export interface BacktestSummary {
  origins: number;
  mase: number;
  smape: number;
  bias: number;
  /** Share of held-out actuals inside each level's interval. */
  coverage: { level: number; share: number }[];
}

export interface SeriesForecast extends Forecast {
  kind: SeriesKind;
  /** The model(s) whose forecasts were combined, e.g. ['theta', 'ets@52']. */
  models: string[];
  /** Backtest of the chosen model(s); absent when the series is too short for one. */
  backtest?: BacktestSummary;
  /** Every candidate's backtest MASE, best first. */
  candidates: { name: string; mase: number }[];
  residuals?: number[];
}

export const DEFAULT_SMOOTH_MODELS: readonly ModelName[] = [
  'seasonal-naive',
  'ses',
  'damped',
  'theta',
  'ets',
  'seasonal-ar',
];
export const DEFAULT_INTERMITTENT_MODELS: readonly ModelName[] = ['croston', 'sba', 'tsb'];

export class InvalidSeriesError extends Error {
  override readonly name = 'InvalidSeriesError';
}

export function forecastSeries(series: ArrayLike<number>, options: ForecastSeriesOptions): SeriesForecast {
  const { horizon } = options;
  validate(series, horizon);
  // One typed copy up front keeps every model's hot loop monomorphic.
  const values = Float64Array.from(series);
  const n = values.length;
  const levels = options.levels ?? DEFAULT_LEVELS;
  const periods = options.periods ?? [];
  const scalePeriod = options.scalePeriod ?? periods[0] ?? 1;
  let nonNegative = options.nonNegative;
  if (nonNegative === undefined) {
    nonNegative = true;
    for (let t = 0; t < n; t++) if ((values[t] as number) < 0) nonNegative = false;
  }
  const profile = classifySeries(values, Math.max(8, horizon + 4));
  if (profile.kind === 'zero') {
    const zeros = new Array<number>(horizon).fill(0);
    return {
      kind: 'zero',
      models: ['zero'],
      mean: zeros,
      intervals: levels.map((level) => ({ level, lower: zeros, upper: zeros })),
      candidates: [],
      ...(options.residuals ? { residuals: Array.from(values) } : {}),
    };
  }
  const intermittent = profile.kind === 'intermittent';
  const models = intermittent
    ? (options.intermittentModels ?? DEFAULT_INTERMITTENT_MODELS)
    : (options.models ?? DEFAULT_SMOOTH_MODELS);
  const origins = planOrigins(n, horizon, options.origins ?? 3, Math.max(8, horizon));
  const first = origins[0];
  if (profile.kind === 'short' || first === undefined) {
    const fallback: Candidate = { model: intermittent ? 'sba' : n >= 3 ? 'ses' : 'naive', period: 1 };
    const final = fitFinal([{ candidate: fallback }], values, { ...options, levels, nonNegative, combination: 'mean' });
    return { kind: profile.kind, models: [candidateName(fallback)], ...final, candidates: [] };
  }
  const plan = { horizon, origins, scalePeriod, levels };
  const backtests = expandCandidates(models, periods, slice(values, 0, first)).map((candidate) =>
    backtestCandidate(values, candidate, plan, nonNegative),
  );
  const ranked = rankCandidates(backtests, intermittent ? 'rmsse' : 'mase');
  const chosen = ranked.slice(0, Math.max(1, options.combine ?? 2)).map(({ backtest }) => backtest);
  const combination = options.combination ?? 'median';
  const combinedScores = origins.map((origin, o) => {
    const combined = combineForecasts(
      chosen.map((backtest) => backtest.forecasts[o] as Forecast),
      combination,
    );
    return scoreForecast(values, origin, combined, plan);
  });
  return {
    kind: profile.kind,
    models: chosen.map((backtest) => backtest.name),
    ...fitFinal(chosen, values, { ...options, levels, nonNegative, combination }),
    backtest: summarise(combinedScores, levels),
    candidates: ranked.map(({ backtest, mase }) => ({ name: backtest.name, mase })),
  };
}

/** Best first; a candidate whose backtest broke down (NaN, ∞) goes last instead of poisoning the sort. */
function rankCandidates(backtests: CandidateBacktest[], metric: 'mase' | 'rmsse') {
  return backtests
    .map((backtest) => {
      const score = average(backtest.scores.map((origin) => origin[metric]));
      const mase = average(backtest.scores.map((origin) => origin.mase));
      return { backtest, mase, score: Number.isFinite(score) ? score : Number.POSITIVE_INFINITY };
    })
    .sort((a, b) => a.score - b.score);
}

function summarise(scores: OriginScore[], levels: readonly number[]): BacktestSummary {
  return {
    origins: scores.length,
    mase: average(scores.map((origin) => origin.mase)),
    smape: average(scores.map((origin) => origin.smape)),
    bias: average(scores.map((origin) => origin.bias)),
    coverage: levels.map((level, i) => ({
      level,
      share: average(scores.map((origin) => origin.coverage[i] ?? Number.NaN)),
    })),
  };
}

function fitFinal(
  candidates: { candidate: Candidate; params?: Record<string, number> }[],
  values: Float64Array,
  options: ForecastSeriesOptions & { levels: readonly number[]; nonNegative: boolean; combination: Combination },
): { mean: number[]; intervals: PredictionInterval[]; residuals?: number[] } {
  const models = candidates.map(({ candidate, params }) =>
    MODELS[candidate.model](values, { period: candidate.period, start: params }),
  );
  const forecasts = models.map((model) =>
    clampForecast(model.forecast(options.horizon, options.levels), options.nonNegative),
  );
  const combined = combineForecasts(forecasts, options.combination);
  if (!options.residuals) return combined;
  // The combined model's fitted value is the same combination of its members' fitted values.
  const fitted = combineForecasts(
    models.map((model) => ({ mean: Array.from(model.fitted), intervals: [] })),
    options.combination,
  ).mean;
  return { ...combined, residuals: fitted.map((value, t) => (values[t] as number) - value) };
}

function validate(values: ArrayLike<number>, horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new InvalidSeriesError(`horizon must be a positive integer, got ${horizon}`);
  if (values.length === 0) throw new InvalidSeriesError('cannot forecast an empty series');
  for (let t = 0; t < values.length; t++) {
    if (!Number.isFinite(values[t] as number)) {
      throw new InvalidSeriesError(
        `value ${t} is ${values[t]}: fill missing periods (0 for no sales) before forecasting`,
      );
    }
  }
}
