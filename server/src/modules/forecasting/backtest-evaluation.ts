import { intervalCoverage, relativeBias, symmetricMape } from './engine';
import type { AccuracySummary, SeriesAccuracy, SeriesResult } from './forecasting.model';
import {
  forecastHierarchies,
  type HierarchyForecast,
  type HierarchyInput,
  type PoolOptions,
} from './hierarchy-forecast';
import { firstSale, sumSeries } from './sales-series';

/**
 * How far to trust the forecast: the whole procedure (profiles, model
 * selection, reconciliation) is re-run as if it were a few weeks ago, and
 * its forecasts of the weeks that followed are scored against what sold —
 * and against seasonal naive (the same week last year) on the same weeks.
 * Origins step back from the end of the history; those with a year of
 * history before them are preferred so the baseline is truly seasonal.
 * MASE is scaled by the in-sample mean absolute week-to-week change (M4's
 * choice for weekly data), the same scale for both, so "beats" is fair.
 */
export interface BacktestOptions {
  horizon?: number;
  step?: number;
  origins?: number;
  minimumTrain?: number;
  period?: number;
  /** Weeks since a series' first sale needed before an origin for it to be scored there. */
  minimumHistory?: number;
}

export interface BacktestPlan {
  horizon: number;
  origins: number[];
  period: number;
  baseline: 'seasonal-naive' | 'naive';
  minimumHistory: number;
}

export interface BacktestResult {
  /** By product id, `category:<name>` and `store`. */
  accuracy: Map<string, SeriesAccuracy>;
  summary: AccuracySummary;
}

const TIE = 1e-9;

export function planBacktest(length: number, options: BacktestOptions = {}): BacktestPlan {
  const horizon = options.horizon ?? 13;
  const step = options.step ?? 6;
  const period = options.period ?? 52;
  const minimumTrain = options.minimumTrain ?? 26;
  const candidates: number[] = [];
  for (let k = 0; k < (options.origins ?? 3); k++) {
    const origin = length - horizon - k * step;
    if (origin >= minimumTrain) candidates.push(origin);
  }
  const seasonal = candidates.filter((origin) => origin >= period);
  const origins = (seasonal.length > 0 ? seasonal : candidates).sort((a, b) => a - b);
  return {
    horizon,
    origins,
    period,
    baseline: seasonal.length > 0 ? 'seasonal-naive' : 'naive',
    minimumHistory: options.minimumHistory ?? 13,
  };
}

export async function runBacktest(
  input: Omit<HierarchyInput, 'horizon'>,
  plan: BacktestPlan,
  pool: PoolOptions = {},
): Promise<BacktestResult> {
  const forecasts = await forecastHierarchies(
    plan.origins.map((origin) => ({
      products: input.products,
      start: input.start,
      length: origin,
      horizon: plan.horizon,
    })),
    pool,
  );
  const actuals = actualSeries(input);
  const scores = new Map<string, SeriesAccuracy[]>();
  plan.origins.forEach((origin, o) => {
    const forecast = forecasts[o] as HierarchyForecast;
    for (const [id, result] of nodeResults(forecast)) {
      const values = actuals.get(id);
      const score = values ? scoreOrigin(values, origin, result, plan) : null;
      if (!score) continue;
      const list = scores.get(id) ?? [];
      list.push(score);
      scores.set(id, list);
    }
  });
  const accuracy = new Map([...scores].map(([id, list]) => [id, averageScores(list)]));
  return { accuracy, summary: summarise(accuracy, input, plan) };
}

function actualSeries(input: Omit<HierarchyInput, 'horizon'>): Map<string, Float64Array> {
  const length = input.length;
  const series = new Map<string, Float64Array>();
  const byCategory = new Map<string, Float64Array[]>();
  for (const product of input.products) {
    const values = Float64Array.from({ length }, (_, t) => product.values[t] as number);
    series.set(product.id, values);
    byCategory.set(product.category, [...(byCategory.get(product.category) ?? []), values]);
  }
  const categories = [...byCategory].map(([name, members]) => {
    const total = sumSeries(members, length);
    series.set(`category:${name}`, total);
    return total;
  });
  series.set('store', sumSeries(categories, length));
  return series;
}

function* nodeResults(forecast: HierarchyForecast): Generator<[string, SeriesResult]> {
  yield* forecast.products;
  for (const [name, result] of forecast.categories) yield [`category:${name}`, result];
  yield ['store', forecast.store];
}

function scoreOrigin(
  values: Float64Array,
  origin: number,
  result: SeriesResult,
  plan: BacktestPlan,
): SeriesAccuracy | null {
  const insample = values.subarray(0, origin);
  const first = firstSale(insample);
  if (origin - first < plan.minimumHistory) return null;
  const actual = values.subarray(origin, origin + plan.horizon);
  if (actual.length < plan.horizon) return null;
  const seasonal = plan.baseline === 'seasonal-naive' && origin >= plan.period;
  const baseline = Array.from(actual, (_, j) =>
    seasonal ? (values[origin - plan.period + (j % plan.period)] as number) : (values[origin - 1] as number),
  );
  const scale = maseScale(insample.subarray(first));
  const mean = result.mean.slice(0, plan.horizon);
  const coverage = (level: number) => {
    const interval = result.intervals.find((candidate) => candidate.level === level);
    return interval ? intervalCoverage(actual, interval) : Number.NaN;
  };
  return {
    origins: 1,
    mase: meanAbsoluteError(actual, mean) / scale,
    smape: symmetricMape(actual, mean),
    bias: relativeBias(actual, mean),
    coverage80: coverage(80),
    coverage95: coverage(95),
    baselineMase: meanAbsoluteError(actual, baseline) / scale,
    actualUnits: sum(actual),
    forecastUnits: sum(mean),
  };
}

const sum = (values: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
};

/** Mean absolute week-to-week change; a series that never changed falls back to its mean level, then 1. */
function maseScale(insample: ArrayLike<number>): number {
  let changes = 0;
  let level = 0;
  for (let t = 0; t < insample.length; t++) {
    level += Math.abs(insample[t] as number);
    if (t > 0) changes += Math.abs((insample[t] as number) - (insample[t - 1] as number));
  }
  if (insample.length > 1 && changes > 0) return changes / (insample.length - 1);
  return level > 0 ? level / insample.length : 1;
}

function meanAbsoluteError(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < actual.length; j++) sum += Math.abs((actual[j] as number) - (forecast[j] as number));
  return sum / actual.length;
}

function averageScores(list: SeriesAccuracy[]): SeriesAccuracy {
  const mean = (pick: (score: SeriesAccuracy) => number) => average(list.map(pick));
  return {
    origins: list.length,
    mase: mean((score) => score.mase),
    smape: mean((score) => score.smape),
    bias: mean((score) => score.bias),
    coverage80: mean((score) => score.coverage80),
    coverage95: mean((score) => score.coverage95),
    baselineMase: mean((score) => score.baselineMase),
    actualUnits: sum(list.map((score) => score.actualUnits)),
    forecastUnits: sum(list.map((score) => score.forecastUnits)),
  };
}

function summarise(
  accuracy: Map<string, SeriesAccuracy>,
  input: Omit<HierarchyInput, 'horizon'>,
  plan: BacktestPlan,
): AccuracySummary {
  const products = input.products.flatMap((product) => {
    const score = accuracy.get(product.id);
    return score ? [score] : [];
  });
  const beats = { wins: 0, losses: 0, ties: 0 };
  for (const score of products) {
    if (Math.abs(score.mase - score.baselineMase) <= TIE) beats.ties++;
    else if (score.mase < score.baselineMase) beats.wins++;
    else beats.losses++;
  }
  const mean = (pick: (score: SeriesAccuracy) => number) => nullable(average(products.map(pick)));
  const store = accuracy.get('store');
  const sold = sum(products.map((score) => score.actualUnits));
  const forecast = sum(products.map((score) => score.forecastUnits));
  return {
    horizonWeeks: plan.horizon,
    origins: plan.origins.length,
    baseline: plan.baseline,
    evaluatedProducts: products.length,
    mase: mean((score) => score.mase),
    smape: mean((score) => score.smape),
    bias: sold > 0 ? forecast / sold - 1 : null,
    coverage80: mean((score) => score.coverage80),
    coverage95: mean((score) => score.coverage95),
    baselineMase: mean((score) => score.baselineMase),
    beatsBaseline: {
      ...beats,
      share: beats.wins + beats.losses > 0 ? beats.wins / (beats.wins + beats.losses) : null,
    },
    store: store ? { ...store, beatsBaseline: store.mase < store.baselineMase } : null,
  };
}

function average(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? finite.reduce((sum, value) => sum + value, 0) / finite.length : Number.NaN;
}

const nullable = (value: number) => (Number.isFinite(value) ? value : null);
