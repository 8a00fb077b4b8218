import { z } from 'zod';
import {
  DEFAULT_LEAD_TIME_DAYS,
  DEFAULT_SERVICE_LEVEL,
  ForecastRunNotFoundError,
  getActionPlan,
  getForecastSummary,
  getHistoryReadiness,
  getProductForecast,
  listStockoutAlerts,
  PLAN_STEPS,
  ProductForecastNotFoundError,
  requestActionPlan,
  requestForecast,
} from '../../modules/forecasting';
import { requirePermission } from '../../modules/identity';
import type { AdminActor, AdminDeps } from './admin-deps';

/**
 * The admin's forecasts page: the latest run's store chart, accuracy,
 * products and stock-out alerts; one product's forecast, places and stock
 * plan; the action plan; and the two buttons that queue work. Every read is
 * scoped to the actor's workspace; a product of another workspace is as
 * missing as one that never existed.
 */
export const FORECAST_PRODUCTS_PAGE_SIZE = 25;

const overviewQuerySchema = z.object({
  search: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Lead time in days and service level in percent, as the page's URL carries them. */
const stockQuerySchema = z.object({
  leadTimeDays: z.coerce
    .number({ error: 'Enter the lead time in whole days.' })
    .int('Enter the lead time in whole days.')
    .min(1, 'The lead time is at least 1 day.')
    .max(365, 'The lead time is at most 365 days.'),
  serviceLevelPercent: z.coerce
    .number({ error: 'Choose a service level.' })
    .gt(50, 'The service level must be above 50%.')
    .lt(100, 'The service level must be below 100%.'),
});

export interface StockQuery {
  leadTimeDays?: string | null;
  serviceLevelPercent?: string | null;
}

type Pending = 'queued' | 'running';
const isPending = (status: string | undefined | null): status is Pending => status === 'queued' || status === 'running';

export function createForecastsAdmin(deps: AdminDeps) {
  const { prisma } = deps;

  async function getOverview(actor: AdminActor, query: { search?: string | null; page?: string | null } = {}) {
    const { search, page } = overviewQuerySchema.parse({ search: query.search ?? '', page: query.page ?? 1 });
    const offset = (page - 1) * FORECAST_PRODUCTS_PAGE_SIZE;
    const [readiness, summary, alerts, plan] = await Promise.all([
      getHistoryReadiness(prisma, actor.workspaceId),
      getForecastSummary(prisma, actor.workspaceId, {
        limit: FORECAST_PRODUCTS_PAGE_SIZE + 1,
        offset,
        search: search || undefined,
      }),
      listStockoutAlerts(prisma, actor.workspaceId, { limit: 25 }),
      getActionPlan(prisma, actor.workspaceId),
    ]);
    const products = summary.products.slice(0, FORECAST_PRODUCTS_PAGE_SIZE).map((product) => ({
      productId: product.productId as string,
      title: product.label,
      kind: product.kind,
      seasonal: product.seasonal,
      units4: product.units4,
      units13: product.units13,
      units26: product.units26,
      revenue13Cents: product.unitPriceCents === null ? null : Math.round(product.units13 * product.unitPriceCents),
      accuracy: product.accuracy,
    }));
    return {
      readiness,
      aiOffline: deps.aiOffline,
      latest: summary.latest,
      working: isPending(summary.latest?.status),
      run: summary.run && {
        id: summary.run.id,
        asOf: summary.run.asOf,
        forecastStart: summary.run.forecastStart,
        horizonWeeks: summary.run.horizonWeeks,
        finishedAt: summary.run.finishedAt,
        productCount: summary.run.summary.productCount,
        accuracy: summary.run.summary.accuracy,
        totals: summary.run.summary.totals,
        reconciliation: summary.run.summary.reconciliation,
      },
      store: summary.store && {
        units4: summary.store.units4,
        units13: summary.store.units13,
        units26: summary.store.units26,
        accuracy: summary.store.accuracy,
        chart: summary.store.chart,
      },
      products: { rows: products, search, page, hasNextPage: summary.products.length > FORECAST_PRODUCTS_PAGE_SIZE },
      alerts: alerts.map((alert) => ({
        productId: alert.productId,
        title: alert.product.title,
        inventory: alert.inventory,
        weeklyDemand: alert.weeklyDemand,
        daysOfCover: alert.daysOfCover,
        stockoutDate: alert.stockoutDate,
        earliestStockoutDate: alert.earliestStockoutDate,
        probabilityBeforeRestock: alert.probabilityBeforeRestock,
        reorderQuantity: alert.reorderQuantity,
        leadTimeDays: alert.leadTimeDays,
        serviceLevel: alert.serviceLevel,
      })),
      plan: plan ? { ...toPlanView(plan), ofLatestRun: plan.runId === summary.run?.id } : null,
    };
  }

  async function getProduct(actor: AdminActor, productId: string, query: StockQuery = {}) {
    if (!z.uuid().safeParse(productId).success) throw new ProductForecastNotFoundError(productId);
    const parsed = stockQuerySchema.safeParse({
      leadTimeDays: query.leadTimeDays || DEFAULT_LEAD_TIME_DAYS,
      serviceLevelPercent: query.serviceLevelPercent || DEFAULT_SERVICE_LEVEL * 100,
    });
    // A mistyped lead time still shows the product (with the defaults) and says what was wrong.
    const settings = parsed.success
      ? parsed.data
      : { leadTimeDays: DEFAULT_LEAD_TIME_DAYS, serviceLevelPercent: DEFAULT_SERVICE_LEVEL * 100 };
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    const forecast = await getProductForecast(prisma, actor.workspaceId, productId, {
      stock: { leadTimeDays: settings.leadTimeDays, serviceLevel: settings.serviceLevelPercent / 100 },
    });
    const place = (row: (typeof forecast.cities)[number]) => ({
      rank: row.rank,
      city: row.city,
      region: row.region,
      country: row.country,
      /** `category`: similar products sell here, this one not yet. */
      source: row.source,
      shareRecent: row.shareRecent,
      shareYear: row.shareYear,
      categoryShare: row.categoryShare,
      expectedShare: row.expectedShare,
      growth: row.growth,
      unitsYear: row.unitsYear,
      units4: row.units4,
      units13: row.units13,
      units26: row.units26,
      revenue4Cents: row.revenue4Cents,
      revenue13Cents: row.revenue13Cents,
      revenue26Cents: row.revenue26Cents,
    });
    const { stock } = forecast;
    return {
      productId,
      title: forecast.forecast.label,
      kind: forecast.forecast.kind,
      models: forecast.forecast.models,
      seasonal: forecast.forecast.seasonal,
      units4: forecast.forecast.units4,
      units13: forecast.forecast.units13,
      units26: forecast.forecast.units26,
      unitPriceCents: forecast.forecast.unitPriceCents,
      accuracy: forecast.forecast.accuracy,
      chart: forecast.forecast.chart,
      cities: forecast.cities.map(place),
      regions: forecast.regions.map(place),
      stockSettings: settings,
      stockErrors: fieldErrors,
      stock: stock && {
        inventory: stock.inventory,
        weeklyDemand: stock.weeklyDemand,
        daysOfCover: stock.daysOfCover,
        stockoutDate: stock.stockoutDate,
        earliestStockoutDate: stock.earliestStockoutDate,
        leadTimeDemand: stock.leadTimeDemand,
        leadTimeDemandQuantile: stock.leadTimeDemandQuantile,
        probabilityBeforeRestock: stock.probabilityBeforeRestock,
        reorderQuantity: stock.reorderQuantity,
      },
    };
  }

  async function forecastNow(actor: AdminActor) {
    requirePermission(actor, 'catalog.write');
    const readiness = await getHistoryReadiness(prisma, actor.workspaceId);
    if (!readiness.enough) throw new NotEnoughHistoryError(readiness.weeksOfOrders, readiness.minimumWeeks);
    return requestForecast(deps, actor.workspaceId, { trigger: 'manual' });
  }

  async function generateActionPlan(actor: AdminActor) {
    requirePermission(actor, 'catalog.write');
    try {
      return await requestActionPlan(deps, actor.workspaceId);
    } catch (error) {
      if (error instanceof ForecastRunNotFoundError) throw new NoForecastYetError();
      throw error;
    }
  }

  return { getOverview, getProduct, forecastNow, generateActionPlan };
}

type StoredPlan = NonNullable<Awaited<ReturnType<typeof getActionPlan>>>;

/** The plan with its steps in the team's order, and product ids resolved to the titles the steps were given. */
function toPlanView(plan: StoredPlan) {
  const facts = plan.facts as { products?: { productId?: unknown; title?: unknown }[] } | null;
  const productTitles: Record<string, string> = {};
  for (const product of facts?.products ?? []) {
    if (typeof product.productId === 'string' && typeof product.title === 'string') {
      productTitles[product.productId] = product.title;
    }
  }
  const order = PLAN_STEPS.map((step) => step.step as string);
  return {
    id: plan.id,
    runId: plan.runId,
    status: plan.status,
    working: isPending(plan.status),
    offline: plan.offline,
    error: plan.error,
    createdAt: plan.createdAt,
    finishedAt: plan.finishedAt,
    productTitles,
    steps: [...plan.steps]
      .sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step))
      .map((step) => ({
        step: step.step,
        status: step.status,
        output: step.output as Record<string, unknown> | null,
        unverifiedNumbers: step.unverifiedNumbers,
        attempts: step.attempts,
        durationMs: step.durationMs,
        inputTokens: step.inputTokens,
        outputTokens: step.outputTokens,
        provider: step.provider,
        model: step.model,
        error: step.error,
      })),
  };
}

class NotEnoughHistoryError extends Error {
  override readonly name = 'NotEnoughHistoryError';
  readonly status = 409;
  constructor(weeks: number, needed: number) {
    super(`Forecasts need at least ${needed} weeks of orders; this store has ${weeks}.`);
  }
}

class NoForecastYetError extends Error {
  override readonly name = 'NoForecastYetError';
  readonly status = 409;
  constructor() {
    super('Run a forecast first: the action plan is written from the latest finished forecast.');
  }
}
