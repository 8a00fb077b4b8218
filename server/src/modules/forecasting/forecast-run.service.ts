import type { Prisma, PrismaClient } from '@prisma/client';
import { createPlan } from './action-plan.repo';
import { type BacktestOptions, planBacktest, runBacktest } from './backtest-evaluation';
import { rankPlaces } from './city-demand';
import { choosePlanProducts, summariseRun, toSeriesRows } from './forecast-results';
import {
  DEFAULT_HORIZON_WEEKS,
  type ForecastProgressUpdate,
  InsufficientHistoryError,
  NothingToForecastError,
  RUNS_KEPT,
  type RunSummary,
  type RunTrigger,
  type StockSettings,
  stockSettingsSchema,
} from './forecasting.model';
import { createRun, deleteOldRuns, failRun, saveRunResults, startRun, updateRunProgress } from './forecasting.repo';
import { forecastHierarchies, type PoolOptions } from './hierarchy-forecast';
import { findHistoryBounds, loadCatalog, loadPlaceUnits, loadUnits } from './sales-history.repo';
import { alignUnits } from './sales-series';
import { planStock } from './stock-planner';
import { addWeeks, nextWeekStart, startOfWeek, toLocalDate, validTimeZone, weeksBetween } from './week-calendar';

/**
 * One forecast run: weekly history → rolling-origin backtest → reconciled
 * forecasts of products, categories and the store → where each product will
 * sell → when it runs out → stored in one transaction, which also enqueues
 * the action plan. Progress is written to the run row as it goes.
 */
export interface ForecastDeps {
  prisma: PrismaClient;
  /** Enqueues the action plan in the results' transaction; without it no plan is queued. */
  jobs?: { sendInTransaction(tx: Prisma.TransactionClient, name: string, data: object): Promise<string | null> };
  clock?: { now(): number };
  /** Worker threads for the engine (default: one per core); 0 runs in-process. */
  workers?: number;
}

export interface RunForecastOptions {
  /** A run requested earlier (requestForecast); otherwise one is created. */
  runId?: string;
  trigger?: RunTrigger;
  horizonWeeks?: number;
  /** End of the history; default now, or the last order for the demo store (its data ends on a fixed date). */
  asOf?: Date;
  stock?: Partial<StockSettings>;
  backtest?: BacktestOptions;
  /** Products the action plan covers; default 5 (plus up to 3 likely stock-outs). */
  planProducts?: number;
  onProgress?: (update: ForecastProgressUpdate) => void;
}

export interface ForecastRunResult {
  runId: string;
  planId: string | null;
  summary: RunSummary;
}

/** Fewer complete weeks than this and there is nothing to learn from. */
export const MINIMUM_HISTORY_WEEKS = 8;
/** Older history adds cost, not accuracy. */
export const MAXIMUM_HISTORY_WEEKS = 208;

export async function runForecast(
  deps: ForecastDeps,
  workspaceId: string,
  options: RunForecastOptions = {},
): Promise<ForecastRunResult> {
  const { prisma } = deps;
  const now = () => new Date(deps.clock?.now() ?? Date.now());
  const horizon = options.horizonWeeks ?? DEFAULT_HORIZON_WEEKS;
  const runId =
    options.runId ??
    (await createRun(prisma, workspaceId, { trigger: options.trigger ?? 'manual', horizonWeeks: horizon })).id;
  await startRun(prisma, workspaceId, runId, now());
  const progress = createProgressWriter(prisma, workspaceId, runId, options.onProgress);
  const started = performance.now();
  try {
    const result = await computeAndSave(deps, workspaceId, runId, horizon, options, progress, now, started);
    await deleteOldRuns(prisma, workspaceId, RUNS_KEPT);
    return result;
  } catch (error) {
    await progress.settle();
    await failRun(prisma, workspaceId, runId, error instanceof Error ? error.message : String(error), now());
    throw error;
  }
}

async function computeAndSave(
  deps: ForecastDeps,
  workspaceId: string,
  runId: string,
  horizon: number,
  options: RunForecastOptions,
  progress: ProgressWriter,
  now: () => Date,
  started: number,
): Promise<ForecastRunResult> {
  const { prisma } = deps;
  const settings = stockSettingsSchema.parse(options.stock ?? {});
  const bounds = await findHistoryBounds(prisma, workspaceId);
  if (!bounds?.firstOrderAt) throw new InsufficientHistoryError(0, MINIMUM_HISTORY_WEEKS);
  const timeZone = validTimeZone(bounds.timeZone);
  const asOf = options.asOf ?? (bounds.isDemo && bounds.lastOrderAt ? bounds.lastOrderAt : now());
  const today = toLocalDate(asOf, timeZone);
  const forecastStart = startOfWeek(today);
  let historyStart = nextWeekStart(toLocalDate(bounds.firstOrderAt, timeZone));
  const earliest = addWeeks(forecastStart, -MAXIMUM_HISTORY_WEEKS);
  if (historyStart < earliest) historyStart = earliest;
  const length = weeksBetween(historyStart, forecastStart);
  if (length < MINIMUM_HISTORY_WEEKS) throw new InsufficientHistoryError(Math.max(0, length), MINIMUM_HISTORY_WEEKS);

  const [catalog, unitRows] = await Promise.all([
    loadCatalog(prisma, workspaceId),
    loadUnits(prisma, workspaceId, { grain: 'week', by: 'product', timeZone, from: historyStart, to: forecastStart }),
  ]);
  const series = alignUnits(unitRows, 'week', historyStart, length);
  const active = catalog.filter((product) => product.status === 'active');
  if (active.length === 0) throw new NothingToForecastError();
  const placeRows = await loadPlaceUnits(prisma, workspaceId, {
    timeZone,
    priorStart: addWeeks(forecastStart, -26),
    recentStart: addWeeks(forecastStart, -13),
    yearStart: addWeeks(forecastStart, -52),
    end: forecastStart,
  });
  const unitPrice = realisedPrices(placeRows);
  const products = active.map((product) => ({
    id: product.id,
    label: product.title,
    category: product.category,
    values: series.get(product.id) ?? new Float64Array(length),
    unitPriceCents: unitPrice.get(product.id) ?? product.listPriceCents,
  }));
  progress.report('loading', 0.05);

  let workersUsed = false;
  const pool = (from: number, to: number, stage: ForecastProgressUpdate['stage']): PoolOptions => ({
    ...(deps.workers !== undefined ? { workers: deps.workers } : {}),
    onProgress: (done, total, onWorker) => {
      workersUsed ||= onWorker;
      progress.report(stage, from + ((to - from) * done) / Math.max(1, total));
    },
  });
  const input = { products, start: historyStart, length };
  const plan = planBacktest(length, options.backtest);
  const backtest = plan.origins.length > 0 ? await runBacktest(input, plan, pool(0.05, 0.55, 'backtesting')) : null;
  const [forecast] = await forecastHierarchies([{ ...input, horizon }], pool(0.55, 0.85, 'forecasting'));
  if (!forecast) throw new Error('the forecast produced no result');

  progress.report('planning', 0.88);
  const rows = toSeriesRows(forecast, products, length, backtest);
  const forecasts = new Map(rows.filter((row) => row.productId).map((row) => [row.productId as string, row]));
  const places = rankPlaces(
    products.map((product) => ({
      id: product.id,
      category: product.category,
      forecast: forecasts.get(product.id)?.mean ?? [],
      unitPriceCents: product.unitPriceCents,
    })),
    placeRows,
    new Map(catalog.map((product) => [product.id, product.category])),
  );
  const stock = active.flatMap((product) => {
    const row = forecasts.get(product.id);
    if (product.inventory === null || !row) return [];
    const inventory = product.inventory;
    return [
      {
        productId: product.id,
        ...planStock({ mean: row.mean, intervals: row.intervals, forecastStart, today, inventory }, settings),
      },
    ];
  });
  const summary = summariseRun({
    today,
    rows,
    forecast,
    backtest,
    places,
    stock,
    durationMs: Math.round(performance.now() - started),
    workersUsed,
  });
  progress.report('saving', 0.92);
  await progress.settle();
  let planId: string | null = null;
  const planProducts = choosePlanProducts(rows, stock, options.planProducts ?? 5);
  await saveRunResults(
    prisma,
    workspaceId,
    runId,
    { asOf, historyStart, historyWeeks: length, forecastStart, summary, series: rows, places, stock },
    now(),
    async (tx) => {
      if (!deps.jobs || planProducts.length === 0) return;
      planId = (await createPlan(tx, workspaceId, runId, planProducts)).id;
      await deps.jobs.sendInTransaction(tx, 'forecast.narrative', { workspaceId, runId, planId });
    },
  );
  options.onProgress?.({ stage: 'done', progress: 1 });
  return { runId, planId, summary };
}

/** Average price actually paid over the trailing year, per product. */
function realisedPrices(rows: readonly { productId: string; year: number; revenueYearCents: number }[]) {
  const totals = new Map<string, { units: number; cents: number }>();
  for (const row of rows) {
    const total = totals.get(row.productId) ?? { units: 0, cents: 0 };
    total.units += row.year;
    total.cents += row.revenueYearCents;
    totals.set(row.productId, total);
  }
  return new Map(
    [...totals]
      .filter(([, total]) => total.units > 0)
      .map(([id, total]) => [id, Math.round(total.cents / total.units)]),
  );
}

interface ProgressWriter {
  report(stage: ForecastProgressUpdate['stage'], value: number): void;
  /** Waits for the writes in flight, so a later status update is not overwritten by a late one. */
  settle(): Promise<void>;
}

/**
 * Progress reaches the caller at once and the run row at most once a second
 * (and on every change of stage); writes are chained so they land in order.
 */
function createProgressWriter(
  prisma: PrismaClient,
  workspaceId: string,
  runId: string,
  onProgress?: (update: ForecastProgressUpdate) => void,
): ProgressWriter {
  let chain: Promise<void> = Promise.resolve();
  let lastWrite = 0;
  let lastStage = '';
  return {
    report(stage, value) {
      const progress = Math.min(1, Math.max(0, value));
      onProgress?.({ stage, progress });
      const time = Date.now();
      if (stage === lastStage && time - lastWrite < 1000) return;
      lastWrite = time;
      lastStage = stage;
      chain = chain
        .then(() => updateRunProgress(prisma, workspaceId, runId, { stage, progress }))
        .catch(() => {
          // Progress is advisory; the run's outcome is written separately.
        });
    },
    settle: () => chain,
  };
}
