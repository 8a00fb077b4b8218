/**
 * Demand forecasting: weekly sales series, reconciled forecasts of products,
 * categories and the store with backtested accuracy, where each product will
 * sell, stock-out dates and reorder quantities, and the AI action plan. The
 * numerical engine lives in engine/ and is used only through this module.
 */

export type { PlanFacts } from './action-plan.facts';
export { type ActionPlanResult, generateActionPlan, type PlanDeps } from './action-plan.service';
export { PLAN_STEPS, type PlanStepName } from './action-plan.steps';
export type { PlaceDemand, PlaceScope } from './city-demand';
export { getHistoryReadiness, MINIMUM_HISTORY_WEEKS } from './forecast-history';
export {
  type ChartPoint,
  getActionPlan,
  getForecastSummary,
  getProductForecast,
  listStockoutAlerts,
} from './forecast-read.service';
export {
  type RequestDeps,
  type RequestedPlan,
  type RequestedRun,
  requestActionPlan,
  requestForecast,
  requestNightlyForecasts,
} from './forecast-request.service';
export {
  type ForecastDeps,
  type ForecastRunResult,
  type RunForecastOptions,
  runForecast,
} from './forecast-run.service';
export {
  type AccuracySummary,
  DEFAULT_HORIZON_WEEKS,
  DEFAULT_LEAD_TIME_DAYS,
  DEFAULT_SERVICE_LEVEL,
  ForecastPlanNotFoundError,
  type ForecastProgressUpdate,
  ForecastRunNotFoundError,
  InsufficientHistoryError,
  type NarrativeJob,
  NothingToForecastError,
  narrativeJobSchema,
  ProductForecastNotFoundError,
  type RunForecastJob,
  type RunSummary,
  runForecastJobSchema,
  type SeriesAccuracy,
  type StockSettings,
  stockSettingsSchema,
} from './forecasting.model';
export type { SeriesDimension, SeriesGrain } from './sales-history.repo';
export { buildSalesSeries, type SalesSeries } from './sales-series';
export { planStock, type StockPlan } from './stock-planner';
