import type { PrismaClient } from '@prisma/client';
import { findLatestPlan, findPlan } from './action-plan.repo';
import { isStockoutAlert } from './forecast-results';
import {
  DEFAULT_LEAD_TIME_DAYS,
  type Interval,
  ProductForecastNotFoundError,
  type RunSummary,
  type StockSettings,
  stockSettingsSchema,
} from './forecasting.model';
import {
  findLatestRun,
  findRun,
  findSeriesForecast,
  findStockout,
  listPlaces,
  listSeriesForecasts,
  listStockoutRisks,
} from './forecasting.repo';
import { planStock } from './stock-planner';
import { addWeeks, isoDate, parseIsoDate } from './week-calendar';

/**
 * What the forecast page reads. Everything comes from the latest finished
 * run (or the run asked for), so the numbers on one page always belong
 * together; the newest run of any status is reported separately so the page
 * can show a run in progress or a failure.
 */
export interface ChartPoint {
  week: string;
  actual: number | null;
  mean: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

type SeriesRecord = NonNullable<Awaited<ReturnType<typeof findSeriesForecast>>>;

export async function getForecastSummary(
  prisma: PrismaClient,
  workspaceId: string,
  options: { runId?: string; limit?: number; offset?: number; search?: string } = {},
) {
  const [latest, run] = await Promise.all([
    findLatestRun(prisma, workspaceId),
    options.runId ? findRun(prisma, workspaceId, options.runId) : findLatestRun(prisma, workspaceId, 'succeeded'),
  ]);
  const status = latest && {
    id: latest.id,
    status: latest.status,
    progress: latest.progress,
    stage: latest.stage,
    error: latest.error,
    createdAt: latest.createdAt,
    finishedAt: latest.finishedAt,
  };
  if (run?.status !== 'succeeded') return { latest: status, run: null, store: null, categories: [], products: [] };
  const [stores, categories, products] = await Promise.all([
    listSeriesForecasts(prisma, workspaceId, run.id, { level: 'store' }),
    listSeriesForecasts(prisma, workspaceId, run.id, { level: 'category' }),
    listSeriesForecasts(prisma, workspaceId, run.id, {
      level: 'product',
      limit: options.limit ?? 500,
      offset: options.offset,
      search: options.search,
    }),
  ]);
  const store = stores[0];
  return {
    latest: status,
    run: {
      id: run.id,
      asOf: run.asOf,
      historyStart: run.historyStart,
      forecastStart: run.forecastStart,
      horizonWeeks: run.horizonWeeks,
      finishedAt: run.finishedAt,
      summary: run.summary as unknown as RunSummary,
    },
    store: store ? { ...toOverview(store), chart: toChart(run, store) } : null,
    categories: categories.map(toOverview),
    products: products.map(toOverview),
  };
}

export async function getProductForecast(
  prisma: PrismaClient,
  workspaceId: string,
  productId: string,
  options: { runId?: string; stock?: Partial<StockSettings>; historyWeeks?: number } = {},
) {
  const run = options.runId
    ? await findRun(prisma, workspaceId, options.runId)
    : await findLatestRun(prisma, workspaceId, 'succeeded');
  const series = run && (await findSeriesForecast(prisma, workspaceId, run.id, 'product', productId));
  if (!run || !series) throw new ProductForecastNotFoundError(productId);
  const [cities, regions, stored] = await Promise.all([
    listPlaces(prisma, workspaceId, run.id, productId, 'city'),
    listPlaces(prisma, workspaceId, run.id, productId, 'region'),
    findStockout(prisma, workspaceId, run.id, productId),
  ]);
  const settings = stockSettingsSchema.parse(options.stock ?? {});
  const summary = run.summary as unknown as RunSummary;
  // Another lead time or service level is a different question of the same forecast: answer it from the stored run.
  const stock =
    stored && (stored.leadTimeDays !== settings.leadTimeDays || stored.serviceLevel !== settings.serviceLevel)
      ? {
          ...planStock(
            {
              mean: series.mean as number[],
              intervals: series.intervals as unknown as Interval[],
              forecastStart: run.forecastStart as Date,
              today: parseIsoDate(summary.today),
              inventory: stored.inventory,
            },
            settings,
          ),
          productId,
        }
      : stored;
  return {
    runId: run.id,
    forecast: { ...toOverview(series), chart: toChart(run, series, options.historyWeeks) },
    cities,
    regions,
    stock,
  };
}

/** Products that may run out before a restock ordered today arrives (or soon after), likeliest first. */
export async function listStockoutAlerts(prisma: PrismaClient, workspaceId: string, options: { limit?: number } = {}) {
  const run = await findLatestRun(prisma, workspaceId, 'succeeded');
  if (!run) return [];
  const rows = await listStockoutRisks(prisma, workspaceId, run.id, {
    limit: options.limit ?? 50,
    minimumProbability: 0.2,
    coverDays: 2 * DEFAULT_LEAD_TIME_DAYS,
  });
  return rows.filter(isStockoutAlert);
}

export async function getActionPlan(
  prisma: PrismaClient,
  workspaceId: string,
  options: { planId?: string; runId?: string } = {},
) {
  return options.planId
    ? findPlan(prisma, workspaceId, options.planId)
    : findLatestPlan(prisma, workspaceId, options.runId);
}

function toOverview(row: SeriesRecord) {
  return {
    level: row.level,
    key: row.key,
    productId: row.productId,
    label: row.label,
    kind: row.kind,
    models: row.models,
    seasonal: row.seasonal,
    units4: row.units4,
    units13: row.units13,
    units26: row.units26,
    unitPriceCents: row.unitPriceCents,
    accuracy:
      row.backtestOrigins > 0
        ? {
            origins: row.backtestOrigins,
            mase: row.mase,
            smape: row.smape,
            bias: row.bias,
            coverage80: row.coverage80,
            coverage95: row.coverage95,
            baselineMase: row.baselineMase,
            beatsBaseline: row.mase !== null && row.baselineMase !== null ? row.mase < row.baselineMase : null,
          }
        : null,
  };
}

/** The last `historyWeeks` of sales followed by the forecast and its bands, one point per week. */
export function toChart(
  run: { historyStart: Date | null; forecastStart: Date | null },
  row: Pick<SeriesRecord, 'history' | 'mean' | 'intervals'>,
  historyWeeks = 52,
): ChartPoint[] {
  const history = row.history as number[];
  const mean = row.mean as number[];
  const intervals = row.intervals as unknown as Interval[];
  const band = (level: number) => intervals.find((interval) => interval.level === level);
  const forecastStart = run.forecastStart ?? new Date(0);
  const shown = Math.min(historyWeeks, history.length);
  const points: ChartPoint[] = [];
  for (let back = shown; back >= 1; back--) {
    points.push({
      week: isoDate(addWeeks(forecastStart, -back)),
      actual: history[history.length - back] as number,
      mean: null,
      lower80: null,
      upper80: null,
      lower95: null,
      upper95: null,
    });
  }
  mean.forEach((value, h) => {
    points.push({
      week: isoDate(addWeeks(forecastStart, h)),
      actual: null,
      mean: value,
      lower80: band(80)?.lower[h] ?? null,
      upper80: band(80)?.upper[h] ?? null,
      lower95: band(95)?.lower[h] ?? null,
      upper95: band(95)?.upper[h] ?? null,
    });
  });
  return points;
}
