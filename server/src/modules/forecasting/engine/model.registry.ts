import { fitDamped, fitHolt, fitSes } from './ets.model';
import { fitAutoEts } from './ets.selector';
import type { FitFunction } from './forecast.types';
import { fitCroston, fitSba, fitTsb } from './intermittent.model';
import { fitNaive, fitNaive2, fitSeasonalNaive } from './naive.model';
import { fitSeasonalAr } from './seasonal-ar.model';
import { isSeasonal } from './seasonality.detector';
import { fitTheta } from './theta.model';

/**
 * Every model the automatic forecaster can choose, by name. A candidate is a
 * model plus the seasonal period it runs with, so hourly data can try the
 * same model with a daily (24) and a weekly (168) cycle; its display name is
 * `theta@168`, or just `theta` when the period is 1.
 */
export const MODELS = {
  naive: fitNaive,
  'seasonal-naive': fitSeasonalNaive,
  naive2: fitNaive2,
  ses: fitSes,
  holt: fitHolt,
  damped: fitDamped,
  theta: fitTheta,
  ets: fitAutoEts,
  'seasonal-ar': fitSeasonalAr,
  croston: fitCroston,
  sba: fitSba,
  tsb: fitTsb,
} satisfies Record<string, FitFunction>;

export type ModelName = keyof typeof MODELS;

export interface Candidate {
  model: ModelName;
  period: number;
}

export function candidateName(candidate: Candidate): string {
  return candidate.period > 1 ? `${candidate.model}@${candidate.period}` : candidate.model;
}

export function isModelName(name: string): name is ModelName {
  return Object.hasOwn(MODELS, name);
}

/** Models that have no use for a seasonal period. */
const NON_SEASONAL = new Set<ModelName>(['naive', 'ses', 'holt', 'damped', 'croston', 'sba', 'tsb']);

/**
 * Seasonal naive is nothing but its seasonality: where the 90 % test finds
 * none it only adds a candidate that wins backtests by luck.
 */
const SEASONALITY_REQUIRED = new Set<ModelName>(['seasonal-naive']);

/**
 * Expands model names over the seasonal periods the series is long enough
 * for (three cycles, as the seasonality test needs); non-seasonal models
 * appear once. Duplicates (a seasonal model with no usable period) are dropped.
 */
export function expandCandidates(
  models: readonly ModelName[],
  periods: readonly number[],
  values: ArrayLike<number>,
): Candidate[] {
  const usable = periods.filter((period) => period > 1 && values.length >= 3 * period);
  const seasonal = usable.filter((period) => isSeasonal(values, period));
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const model of models) {
    const periodsFor = SEASONALITY_REQUIRED.has(model) ? seasonal : usable;
    if (SEASONALITY_REQUIRED.has(model) && periodsFor.length === 0) continue;
    const choices = NON_SEASONAL.has(model) || periodsFor.length === 0 ? [1] : periodsFor;
    for (const period of choices) {
      const candidate = { model, period };
      const name = candidateName(candidate);
      if (seen.has(name)) continue;
      seen.add(name);
      candidates.push(candidate);
    }
  }
  return candidates;
}
