import { z } from 'zod';

/**
 * Shapes of the forecasting service: what a run produces, what the page
 * reads, the job payloads and the errors. The engine's own types (models,
 * intervals, reconciliation) stay in engine/.
 */

export const FORECAST_HORIZONS = [4, 13, 26] as const;
export const DEFAULT_HORIZON_WEEKS = 26;
export const DEFAULT_LEAD_TIME_DAYS = 14;
export const DEFAULT_SERVICE_LEVEL = 0.95;
/** Finished runs kept per workspace; older ones (and their rows) are deleted. */
export const RUNS_KEPT = 5;

export type ForecastLevel = 'product' | 'category' | 'store';
export type RunTrigger = 'nightly' | 'manual';

export interface Interval {
  level: number;
  lower: number[];
  upper: number[];
}

/** One reconciled series of a run: its forecast and how it was made. */
export interface SeriesResult {
  level: ForecastLevel;
  key: string;
  label: string;
  kind: string;
  models: string[];
  seasonal: boolean;
  mean: number[];
  intervals: Interval[];
}

/** Rolling-origin backtest of the whole procedure (selection, seasonality, reconciliation) against a baseline. */
export interface SeriesAccuracy {
  origins: number;
  mase: number;
  smape: number;
  bias: number;
  coverage80: number;
  coverage95: number;
  /** MASE of the baseline (seasonal naive, or naive before a year of history) on the same weeks. */
  baselineMase: number;
  /** Units sold and forecast over the scored weeks, summed over origins. */
  actualUnits: number;
  forecastUnits: number;
}

export interface AccuracySummary {
  horizonWeeks: number;
  origins: number;
  baseline: 'seasonal-naive' | 'naive';
  evaluatedProducts: number;
  /** Means over products. */
  mase: number | null;
  smape: number | null;
  /** Σ forecast ÷ Σ sold − 1 over all scored product-weeks: a mean of per-product ratios would be ruled by slow sellers. */
  bias: number | null;
  coverage80: number | null;
  coverage95: number | null;
  baselineMase: number | null;
  /** Products whose MASE beats the baseline's; ties (e.g. no sales either way) are left out of the share. */
  beatsBaseline: { wins: number; losses: number; ties: number; share: number | null };
  store: (SeriesAccuracy & { beatsBaseline: boolean }) | null;
}

export interface RunSummary {
  /** The workspace's calendar day the history ends on (YYYY-MM-DD): "today" for stock dates. */
  today: string;
  productCount: number;
  categoryCount: number;
  reconciliation: string;
  /** Categories (or "store") whose yearly profile was applied. */
  seasonalProfiles: string[];
  accuracy: AccuracySummary;
  totals: { units4: number; units13: number; units26: number; revenue13Cents: number };
  stockoutAlerts: number;
  durationMs: number;
  workersUsed: boolean;
}

export interface ForecastProgressUpdate {
  stage: 'loading' | 'backtesting' | 'forecasting' | 'planning' | 'saving' | 'done';
  /** 0 … 1 over the whole run. */
  progress: number;
}

export const runForecastJobSchema = z.object({
  workspaceId: z.uuid(),
  runId: z.uuid(),
});
export type RunForecastJob = z.infer<typeof runForecastJobSchema>;

export const narrativeJobSchema = z.object({
  workspaceId: z.uuid(),
  runId: z.uuid(),
  planId: z.uuid(),
});
export type NarrativeJob = z.infer<typeof narrativeJobSchema>;

export const stockSettingsSchema = z.object({
  leadTimeDays: z.number().int().min(1).max(365).default(DEFAULT_LEAD_TIME_DAYS),
  serviceLevel: z.number().gt(0.5).lt(1).default(DEFAULT_SERVICE_LEVEL),
});
export type StockSettings = z.infer<typeof stockSettingsSchema>;

export class ForecastRunNotFoundError extends Error {
  override readonly name = 'ForecastRunNotFoundError';
  /** Another workspace's id reads exactly like a missing one. */
  readonly status = 404;
  constructor(readonly runId: string) {
    super(`No forecast run ${runId} in this workspace`);
  }
}

export class ProductForecastNotFoundError extends Error {
  override readonly name = 'ProductForecastNotFoundError';
  readonly status = 404;
  constructor(readonly productId: string) {
    super(`No forecast for product ${productId} in the latest run`);
  }
}

export class ForecastPlanNotFoundError extends Error {
  override readonly name = 'ForecastPlanNotFoundError';
  readonly status = 404;
  constructor(readonly planId: string) {
    super(`No action plan ${planId} in this workspace`);
  }
}

export class InsufficientHistoryError extends Error {
  override readonly name = 'InsufficientHistoryError';
  constructor(
    readonly weeks: number,
    readonly needed: number,
  ) {
    super(`A forecast needs at least ${needed} complete weeks of orders; this store has ${weeks}.`);
  }
}

export class NothingToForecastError extends Error {
  override readonly name = 'NothingToForecastError';
  constructor() {
    super('The store has no active products to forecast.');
  }
}
