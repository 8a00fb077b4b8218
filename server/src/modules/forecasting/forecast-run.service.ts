import type { Prisma, PrismaClient } from '@prisma/client';
import { createPlan } from './action-plan.repo';
import { type BacktestOptions, planBacktest, runBacktest } from './backtest-evaluation';
import { rankPlaces } from './city-demand';
import { type ForecastHistory, loadForecastHistory } from './forecast-history';
import { choosePlanProducts, summariseRun, toSeriesRows } from './forecast-results';
import {
  DEFAULT_HORIZON_WEEKS,
  type ForecastProgressUpdate,
  RUNS_KEPT,
  type RunSummary,
  type RunTrigger,
  type StockSettings,
  stockSettingsSchema,
} from './forecasting.model';
import {
  createRun,
  deleteOldRuns,
  failRun,
  findRun,
  type RunResults,
  saveRunResults,
  startRun,
  updateRunProgress,
} from './forecasting.repo';
import { forecastHierarchies, type PoolOptions } from './hierarchy-forecast';
import { planStock } from './stock-planner';

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

export async function runForecast(
  deps: ForecastDeps,
  workspaceId: string,
  options: RunForecastOptions = {},
): Promise<ForecastRunResult> {
  const { prisma } = deps;
  const now = () => new Date(deps.clock?.now() ?? Date.now());
  const horizon = options.horizonWeeks ?? DEFAULT_HORIZON_WEEKS;
  if (options.runId) {
    // pg-boss delivers at least once: a run that already finished is not computed again.
    const existing = await findRun(prisma, workspaceId, options.runId);
    if (existing.status === 'succeeded') {
      return { runId: existing.id, planId: null, summary: existing.summary as unknown as RunSummary };
    }
  }
  const runId =
    options.runId ??
    (await createRun(prisma, workspaceId, { trigger: options.trigger ?? 'manual', horizonWeeks: horizon })).id;
  await startRun(prisma, workspaceId, runId, now());
  const progress = createProgressWriter(prisma, workspaceId, runId, options.onProgress);
  const started = performance.now();
  try {
    const history = await loadForecastHistory(prisma, workspaceId, { asOf: options.asOf, now: now() });
    progress.report('loading', 0.05);
    const results = await computeResults(history, horizon, options, deps.workers, progress, started);
    progress.report('saving', 0.92);
    await progress.settle();
    let planId: string | null = null;
    const planProducts = choosePlanProducts(results.series, results.stock, options.planProducts ?? 5);
    await saveRunResults(prisma, workspaceId, runId, results, now(), async (tx) => {
      if (!deps.jobs || planProducts.length === 0) return;
      planId = (await createPlan(tx, workspaceId, runId, planProducts)).id;
      await deps.jobs.sendInTransaction(tx, 'forecast.narrative', { workspaceId, runId, planId });
    });
    options.onProgress?.({ stage: 'done', progress: 1 });
    await deleteOldRuns(prisma, workspaceId, RUNS_KEPT);
    return { runId, planId, summary: results.summary };
  } catch (error) {
    await progress.settle();
    await failRun(prisma, workspaceId, runId, error instanceof Error ? error.message : String(error), now());
    throw error;
  }
}

async function computeResults(
  history: ForecastHistory,
  horizon: number,
  options: RunForecastOptions,
  workers: number | undefined,
  progress: ProgressWriter,
  started: number,
): Promise<RunResults> {
  const { products, length, forecastStart, today } = history;
  let workersUsed = false;
  const pool = (from: number, to: number, stage: ForecastProgressUpdate['stage']): PoolOptions => ({
    ...(workers !== undefined ? { workers } : {}),
    onProgress: (done, total, onWorker) => {
      workersUsed ||= onWorker;
      progress.report(stage, from + ((to - from) * done) / Math.max(1, total));
    },
  });
  const input = { products, start: history.historyStart, length };
  const plan = planBacktest(length, options.backtest);
  const backtest = plan.origins.length > 0 ? await runBacktest(input, plan, pool(0.05, 0.55, 'backtesting')) : null;
  const [forecast] = await forecastHierarchies([{ ...input, horizon }], pool(0.55, 0.85, 'forecasting'));
  if (!forecast) throw new Error('the forecast produced no result');

  progress.report('planning', 0.88);
  const series = toSeriesRows(forecast, products, length, backtest);
  const byProduct = new Map(series.filter((row) => row.productId).map((row) => [row.productId as string, row]));
  const places = rankPlaces(
    products.map((product) => ({
      id: product.id,
      category: product.category,
      forecast: byProduct.get(product.id)?.mean ?? [],
      unitPriceCents: product.unitPriceCents,
    })),
    history.placeRows,
    new Map(history.catalog.map((product) => [product.id, product.category])),
  );
  const settings = stockSettingsSchema.parse(options.stock ?? {});
  const stock = products.flatMap((product) => {
    const row = byProduct.get(product.id);
    if (product.inventory === null || !row) return [];
    const input = { mean: row.mean, intervals: row.intervals, forecastStart, today, inventory: product.inventory };
    return [{ productId: product.id, ...planStock(input, settings) }];
  });
  const summary = summariseRun({
    today,
    rows: series,
    forecast,
    backtest,
    places,
    stock,
    durationMs: Math.round(performance.now() - started),
    workersUsed,
  });
  return {
    asOf: history.asOf,
    historyStart: history.historyStart,
    historyWeeks: length,
    forecastStart,
    summary,
    series,
    places,
    stock,
  };
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
