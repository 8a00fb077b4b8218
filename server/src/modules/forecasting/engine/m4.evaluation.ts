import {
  average,
  intervalCoverage,
  meanAbsoluteScaledError,
  overallWeightedAverage,
  symmetricMape,
} from './accuracy.metrics';
import type { ForecastProgress } from './forecast.pool';
import { forecastMany } from './forecast.pool';
import type { NamedSeries } from './m4-data.reader';
import { fitNaive2 } from './naive.model';

/**
 * Scores the engine the way the M4 competition scored its entries: sMAPE and
 * MASE per series (MASE scaled by the in-sample seasonal-naive error at M4's
 * period m), averaged over series, and OWA against Naive2 on those averages.
 */
export interface M4Task {
  train: NamedSeries[];
  /** Actual future values per series, matched to `train` by id. */
  test: NamedSeries[];
  horizon: number;
  /** M4's seasonal period for MASE and Naive2 (Weekly 1, Daily 1, Hourly 24). */
  period: number;
  /** Periods the engine may model; default `defaultSeasonalPeriods`. */
  seasonalPeriods?: number[];
  workers?: number;
  onProgress?: (progress: ForecastProgress) => void;
}

export interface M4Scores {
  series: number;
  horizon: number;
  period: number;
  sMAPE: number;
  MASE: number;
  OWA: number;
  naive2: { sMAPE: number; MASE: number };
  seconds: number;
  /** How often each model was among those combined. */
  models: Record<string, number>;
  /** Share of held-out values inside the engine's 80 % and 95 % intervals (not an M4 score). */
  coverage: { level: number; share: number }[];
}

export class M4TaskError extends Error {
  override readonly name = 'M4TaskError';
}

/** The last `horizon` values of each series become its test set. */
export function holdOut(series: NamedSeries[], horizon: number): { train: NamedSeries[]; test: NamedSeries[] } {
  const short = series.find(({ values }) => values.length <= horizon);
  if (short)
    throw new M4TaskError(`series ${short.id} has ${short.values.length} values, too few to hold out ${horizon}`);
  return {
    train: series.map(({ id, values }) => ({ id, values: values.slice(0, -horizon) })),
    test: series.map(({ id, values }) => ({ id, values: values.slice(-horizon) })),
  };
}

/**
 * The cycles worth modelling at M4's frequencies, recognised by M4's
 * horizon/period pairs: weekly data (h = 13) has a yearly cycle of 52 weeks
 * even though M4 scores it with m = 1; hourly data a daily and a weekly one.
 */
export function defaultSeasonalPeriods(period: number, horizon: number): number[] {
  if (period === 24) return [24, 168];
  if (period === 1 && horizon === 13) return [52];
  if (period === 1 && horizon === 14) return [7];
  return period > 1 ? [period] : [];
}

export async function evaluateM4(task: M4Task): Promise<M4Scores> {
  const started = performance.now();
  const { horizon, period } = task;
  const actuals = new Map(task.test.map(({ id, values }) => [id, values]));
  const pairs = task.train.map(({ id, values }) => {
    const actual = actuals.get(id);
    if (!actual) throw new M4TaskError(`no test values for series ${id}`);
    if (actual.length < horizon)
      throw new M4TaskError(`series ${id} has ${actual.length} test values, fewer than the horizon ${horizon}`);
    if (values.length < 2) throw new M4TaskError(`series ${id} has fewer than 2 training values`);
    return { train: values, actual: actual.slice(0, horizon) };
  });
  const forecasts = await forecastMany(
    pairs.map(({ train }) => train),
    {
      horizon,
      periods: task.seasonalPeriods ?? defaultSeasonalPeriods(period, horizon),
      scalePeriod: period,
      levels: [80, 95],
      workers: task.workers,
    },
    task.onProgress,
  );
  const engine = { sMAPE: [] as number[], MASE: [] as number[] };
  const naive2 = { sMAPE: [] as number[], MASE: [] as number[] };
  const models: Record<string, number> = {};
  const inside = [[] as number[], [] as number[]];
  pairs.forEach(({ train, actual }, i) => {
    const forecast = forecasts[i] as (typeof forecasts)[number];
    for (const name of forecast.models) models[name] = (models[name] ?? 0) + 1;
    forecast.intervals.forEach((interval, level) => {
      inside[level]?.push(intervalCoverage(actual, interval));
    });
    // M4 floored every benchmark's forecasts at zero (its data are positive).
    const benchmark = fitNaive2(train, { period })
      .forecast(horizon, [])
      .mean.map((value) => Math.max(0, value));
    engine.sMAPE.push(symmetricMape(actual, forecast.mean));
    engine.MASE.push(meanAbsoluteScaledError(train, actual, forecast.mean, period));
    naive2.sMAPE.push(symmetricMape(actual, benchmark));
    naive2.MASE.push(meanAbsoluteScaledError(train, actual, benchmark, period));
  });
  const scores = { sMAPE: average(engine.sMAPE), MASE: average(engine.MASE) };
  const reference = { sMAPE: average(naive2.sMAPE), MASE: average(naive2.MASE) };
  return {
    series: pairs.length,
    horizon,
    period,
    ...scores,
    OWA: overallWeightedAverage(scores, reference),
    naive2: reference,
    seconds: (performance.now() - started) / 1000,
    models,
    coverage: [80, 95].map((level, i) => ({ level, share: average(inside[i] as number[]) })),
  };
}
