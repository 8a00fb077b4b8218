/**
 * The forecasting engine's public surface: what the forecasting service
 * calls. Everything else in this folder is an implementation detail.
 */

export {
  intervalCoverage,
  meanAbsoluteScaledError,
  overallWeightedAverage,
  relativeBias,
  symmetricMape,
} from './accuracy.metrics';
export type { BacktestSummary, ForecastSeriesOptions, SeriesForecast } from './auto.forecaster';
export {
  DEFAULT_INTERMITTENT_MODELS,
  DEFAULT_SMOOTH_MODELS,
  forecastSeries,
  InvalidSeriesError,
} from './auto.forecaster';
export { normalCdf, normalQuantile } from './distribution.math';
export type { ForecastManyOptions, ForecastProgress } from './forecast.pool';
export { defaultWorkerCount, ForecastWorkerError, forecastMany } from './forecast.pool';
export type { FitOptions, FittedModel, Forecast, PredictionInterval } from './forecast.types';
export { DEFAULT_LEVELS } from './forecast.types';
export type { ReconcileOptions, ReconciliationMethod } from './hierarchy.reconciler';
export { reconcileForecasts } from './hierarchy.reconciler';
export type { Hierarchy } from './hierarchy.structure';
export { InvalidHierarchyError } from './hierarchy.structure';
export type { ModelName } from './model.registry';
export { MODELS } from './model.registry';
export type { SeriesKind } from './series.classifier';
