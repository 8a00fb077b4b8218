/**
 * Shared shapes of the forecasting engine. Every model's `fit` returns a
 * `FittedModel`; everything that leaves the engine (to a worker's parent, to
 * the service) is plain data (`SeriesForecast`) so it can cross a thread.
 */

export interface PredictionInterval {
  /** Nominal coverage in percent, e.g. 80 or 95. */
  level: number;
  lower: number[];
  upper: number[];
}

export interface Forecast {
  mean: number[];
  intervals: PredictionInterval[];
}

export interface FittedModel {
  /** A specific name, e.g. `ets(A,Ad,M)` or `theta`. */
  name: string;
  /** Estimated parameters; passing them back as `FitOptions.params` skips estimation. */
  params: Record<string, number>;
  /** One-step-ahead in-sample fitted values (NaN where the model has none yet). */
  fitted: Float64Array;
  residuals: Float64Array;
  aic?: number;
  aicc?: number;
  forecast(horizon: number, levels?: readonly number[]): Forecast;
}

export interface FitOptions {
  /** Seasonal period (observations per cycle); 1 means non-seasonal. */
  period?: number;
  /** Fixed parameters from an earlier fit: the model only runs its filter. */
  params?: Record<string, number>;
  /**
   * Parameters of an earlier fit on most of the same data to start estimation
   * from (a warm start); discrete choices in them (an ETS form) are kept.
   */
  start?: Record<string, number>;
}

export type FitFunction = (values: ArrayLike<number>, options?: FitOptions) => FittedModel;

export const DEFAULT_LEVELS: readonly number[] = [80, 95];
