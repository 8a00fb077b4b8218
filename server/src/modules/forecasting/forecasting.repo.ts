import type { Prisma, PrismaClient } from '@prisma/client';
import { uuidV7 } from '../../platform/uuid-v7';
import type { PlaceDemand, PlaceScope } from './city-demand';
import {
  type ForecastLevel,
  ForecastRunNotFoundError,
  type RunSummary,
  type RunTrigger,
  type SeriesAccuracy,
  type SeriesResult,
} from './forecasting.model';
import type { StockPlan } from './stock-planner';

/**
 * Forecast runs and their results. Every function is scoped to one
 * workspace: a run id of another workspace is simply not found, and its rows
 * are never read or written.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export interface SeriesRow extends SeriesResult {
  productId: string | null;
  history: number[];
  units4: number;
  units13: number;
  units26: number;
  unitPriceCents: number | null;
  accuracy: SeriesAccuracy | null;
}

export interface StockRow extends StockPlan {
  productId: string;
}

export interface RunResults {
  asOf: Date;
  historyStart: Date;
  historyWeeks: number;
  forecastStart: Date;
  summary: RunSummary;
  series: SeriesRow[];
  places: PlaceDemand[];
  stock: StockRow[];
}

/** Serialises run requests of one workspace until the transaction ends (two clicks, or a click during the nightly fan-out). */
export async function lockWorkspaceForecasts(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`forecast:${workspaceId}`}, 0))`;
}

export async function findPendingRun(db: Db, workspaceId: string) {
  return db.forecastRun.findFirst({
    where: { workspaceId, status: { in: ['queued', 'running'] } },
    orderBy: { createdAt: 'desc' },
  });
}

export async function createRun(db: Db, workspaceId: string, data: { trigger: RunTrigger; horizonWeeks: number }) {
  return db.forecastRun.create({ data: { workspaceId, ...data } });
}

export async function startRun(db: Db, workspaceId: string, runId: string, startedAt: Date) {
  const run = await db.forecastRun.findFirst({ where: { id: runId, workspaceId } });
  if (!run) throw new ForecastRunNotFoundError(runId);
  return db.forecastRun.update({
    where: { id: run.id },
    data: { status: 'running', startedAt, finishedAt: null, progress: 0, stage: 'loading', error: null },
  });
}

export async function updateRunProgress(
  db: Db,
  workspaceId: string,
  runId: string,
  update: { stage: string; progress: number },
): Promise<void> {
  await db.forecastRun.updateMany({ where: { id: runId, workspaceId, status: 'running' }, data: update });
}

export async function failRun(db: Db, workspaceId: string, runId: string, error: string, finishedAt: Date) {
  await db.forecastRun.updateMany({
    where: { id: runId, workspaceId },
    data: { status: 'failed', error: error.slice(0, 2000), finishedAt, stage: null },
  });
}

/**
 * Writes a run's results and marks it succeeded in one transaction; `then`
 * runs inside it too, so work that follows the results (the action plan job)
 * is enqueued only if they were stored. A retried run first drops whatever
 * an earlier attempt of the same run left.
 */
export async function saveRunResults(
  prisma: PrismaClient,
  workspaceId: string,
  runId: string,
  results: RunResults,
  finishedAt: Date,
  then?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const run = await tx.forecastRun.findFirst({ where: { id: runId, workspaceId }, select: { id: true } });
      if (!run) throw new ForecastRunNotFoundError(runId);
      const scope = { workspaceId, runId };
      await tx.productForecast.deleteMany({ where: scope });
      await tx.cityDemand.deleteMany({ where: scope });
      await tx.stockoutRisk.deleteMany({ where: scope });
      await tx.productForecast.createMany({ data: results.series.map((row) => toForecastRow(scope, row)) });
      for (let start = 0; start < results.places.length; start += 20_000) {
        await insertPlaces(tx, scope, results.places.slice(start, start + 20_000));
      }
      await tx.stockoutRisk.createMany({ data: results.stock.map((row) => ({ ...scope, ...row })) });
      await tx.forecastRun.update({
        where: { id: runId },
        data: {
          status: 'succeeded',
          progress: 1,
          stage: 'done',
          finishedAt,
          asOf: results.asOf,
          historyStart: results.historyStart,
          historyWeeks: results.historyWeeks,
          forecastStart: results.forecastStart,
          summary: results.summary as unknown as Prisma.InputJsonValue,
          error: null,
        },
      });
      await then?.(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Places are the bulk of a run (products × cities): one INSERT … SELECT FROM
 * unnest(column arrays) per chunk is an order of magnitude faster than
 * createMany, which binds every value separately (and splits into statements
 * it sends concurrently on the transaction's single connection).
 */
async function insertPlaces(
  tx: Prisma.TransactionClient,
  scope: { workspaceId: string; runId: string },
  places: readonly PlaceDemand[],
): Promise<void> {
  if (places.length === 0) return;
  const column = <K extends keyof PlaceDemand>(key: K) => places.map((place) => place[key]);
  await tx.$executeRaw`
    INSERT INTO "CityDemand" (id, "workspaceId", "runId", "productId", scope, country, region, city, source, rank,
      "unitsRecent", "unitsPrior", "unitsYear", "shareRecent", "shareYear", "categoryShare", growth, "expectedShare",
      units4, units13, units26, "revenue4Cents", "revenue13Cents", "revenue26Cents")
    SELECT u.id, ${scope.workspaceId}::uuid, ${scope.runId}::uuid, u.product, u.scope::"ForecastPlaceScope", u.country,
      u.region, u.city, u.source::"ForecastDemandSource", u.rank, u.recent, u.prior, u.year, u.share_recent,
      u.share_year, u.category_share, u.growth, u.expected_share, u.units4, u.units13, u.units26, u.revenue4,
      u.revenue13, u.revenue26
    FROM unnest(
      ${places.map(() => uuidV7())}::uuid[], ${column('productId')}::uuid[], ${column('scope')}::text[],
      ${column('country')}::text[], ${column('region')}::text[], ${column('city')}::text[], ${column('source')}::text[],
      ${column('rank')}::int[], ${column('unitsRecent')}::int[], ${column('unitsPrior')}::int[],
      ${column('unitsYear')}::int[], ${column('shareRecent')}::float8[], ${column('shareYear')}::float8[],
      ${column('categoryShare')}::float8[], ${column('growth')}::float8[], ${column('expectedShare')}::float8[],
      ${column('units4')}::float8[], ${column('units13')}::float8[], ${column('units26')}::float8[],
      ${column('revenue4Cents')}::int[], ${column('revenue13Cents')}::int[], ${column('revenue26Cents')}::int[]
    ) AS u(id, product, scope, country, region, city, source, rank, recent, prior, year, share_recent, share_year,
      category_share, growth, expected_share, units4, units13, units26, revenue4, revenue13, revenue26)`;
}

function toForecastRow(scope: { workspaceId: string; runId: string }, row: SeriesRow) {
  const accuracy = row.accuracy;
  const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : null);
  return {
    ...scope,
    level: row.level,
    key: row.key,
    productId: row.productId,
    label: row.label,
    kind: row.kind,
    models: row.models,
    seasonal: row.seasonal,
    history: row.history,
    mean: row.mean,
    intervals: row.intervals as unknown as Prisma.InputJsonValue,
    units4: row.units4,
    units13: row.units13,
    units26: row.units26,
    unitPriceCents: row.unitPriceCents,
    backtestOrigins: accuracy?.origins ?? 0,
    mase: finite(accuracy?.mase),
    smape: finite(accuracy?.smape),
    bias: finite(accuracy?.bias),
    coverage80: finite(accuracy?.coverage80),
    coverage95: finite(accuracy?.coverage95),
    baselineMase: finite(accuracy?.baselineMase),
  };
}

/** Keeps the newest `keep` finished runs of the workspace; older runs and their rows go. */
export async function deleteOldRuns(db: Db, workspaceId: string, keep: number): Promise<number> {
  const old = await db.forecastRun.findMany({
    where: { workspaceId, status: { in: ['succeeded', 'failed'] } },
    orderBy: { createdAt: 'desc' },
    skip: keep,
    select: { id: true },
  });
  if (old.length === 0) return 0;
  const where = { workspaceId, runId: { in: old.map((run) => run.id) } };
  // Children first through the workspace-leading indexes; the cascades then find nothing left.
  await db.cityDemand.deleteMany({ where });
  await db.productForecast.deleteMany({ where });
  await db.stockoutRisk.deleteMany({ where });
  const { count } = await db.forecastRun.deleteMany({ where: { workspaceId, id: { in: old.map((run) => run.id) } } });
  return count;
}

export async function findRun(db: Db, workspaceId: string, runId: string) {
  const run = await db.forecastRun.findFirst({ where: { id: runId, workspaceId } });
  if (!run) throw new ForecastRunNotFoundError(runId);
  return run;
}

export async function findLatestRun(db: Db, workspaceId: string, status?: 'succeeded') {
  return db.forecastRun.findFirst({
    where: { workspaceId, ...(status ? { status } : {}) },
    orderBy: { createdAt: 'desc' },
  });
}

export async function listSeriesForecasts(
  db: Db,
  workspaceId: string,
  runId: string,
  query: { level: ForecastLevel; limit?: number; offset?: number; search?: string },
) {
  const label = query.search ? { label: { contains: query.search, mode: 'insensitive' as const } } : {};
  return db.forecastRun.findFirst({ where: { id: runId, workspaceId }, select: { id: true } }).then((run) =>
    run
      ? db.productForecast.findMany({
          where: { workspaceId, runId, level: query.level, ...label },
          orderBy: [{ units13: 'desc' }, { key: 'asc' }],
          take: query.limit,
          skip: query.offset,
        })
      : [],
  );
}

export async function findSeriesForecast(
  db: Db,
  workspaceId: string,
  runId: string,
  level: ForecastLevel,
  key: string,
) {
  return db.productForecast.findFirst({ where: { workspaceId, runId, level, key } });
}

export async function listPlaces(db: Db, workspaceId: string, runId: string, productId: string, scope: PlaceScope) {
  return db.cityDemand.findMany({ where: { workspaceId, runId, productId, scope }, orderBy: { rank: 'asc' } });
}

export async function findStockout(db: Db, workspaceId: string, runId: string, productId: string) {
  return db.stockoutRisk.findFirst({ where: { workspaceId, runId, productId } });
}

/** Products most likely to run out before a restock arrives, with their titles. */
export async function listStockoutRisks(
  db: Db,
  workspaceId: string,
  runId: string,
  query: { limit: number; minimumProbability: number; coverDays: number },
) {
  return db.stockoutRisk.findMany({
    where: {
      workspaceId,
      runId,
      OR: [{ probabilityBeforeRestock: { gte: query.minimumProbability } }, { daysOfCover: { lte: query.coverDays } }],
    },
    orderBy: [{ probabilityBeforeRestock: 'desc' }, { daysOfCover: 'asc' }],
    take: query.limit,
    include: { product: { select: { title: true, handle: true, imageUrl: true } } },
  });
}

/** What an action plan is written from: the run, the store total and the chosen products' results. */
export async function loadPlanInputs(db: Db, workspaceId: string, runId: string, productIds: readonly string[]) {
  const run = await findRun(db, workspaceId, runId);
  const [workspace, store, products, places, stock] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { currency: true } }),
    db.productForecast.findFirst({ where: { workspaceId, runId, level: 'store' } }),
    db.productForecast.findMany({
      where: { workspaceId, runId, level: 'product', productId: { in: [...productIds] } },
      include: { product: { select: { category: true } } },
    }),
    db.cityDemand.findMany({
      where: { workspaceId, runId, scope: 'city', productId: { in: [...productIds] }, rank: { lte: 20 } },
      orderBy: [{ productId: 'asc' }, { rank: 'asc' }],
    }),
    db.stockoutRisk.findMany({ where: { workspaceId, runId, productId: { in: [...productIds] } } }),
  ]);
  return { run, currency: workspace.currency, store, products, places, stock };
}

/** Products of the run ranked for an action plan: biggest expected 13-week revenue first. */
export async function listTopProductForecasts(db: Db, workspaceId: string, runId: string, limit: number) {
  const rows = await db.productForecast.findMany({
    where: { workspaceId, runId, level: 'product', units13: { gt: 0 } },
    select: { productId: true, units13: true, unitPriceCents: true },
  });
  return rows
    .sort((a, b) => b.units13 * (b.unitPriceCents ?? 0) - a.units13 * (a.unitPriceCents ?? 0))
    .slice(0, limit)
    .map((row) => row.productId as string);
}
