import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIES, generateDemoStore } from '../../../../prisma/seed/demo-store.data';
import { seedDemoStore } from '../../../../prisma/seed/demo-store.seed';
import { createWorkspaceAiEngine } from '../../ai';
import { createLogger } from '../../platform/logger';
import { createProgress } from '../../platform/progress';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { generateActionPlan } from './action-plan.service';
import { getActionPlan, getForecastSummary, getProductForecast, listStockoutAlerts } from './forecast-read.service';
import { runForecast } from './forecast-run.service';
import { type FixtureOrder, seedForecastStore, weeklyDates } from './forecasting.fixtures';
import type { ForecastProgressUpdate, RunSummary } from './forecasting.model';
import { ForecastRunNotFoundError, InsufficientHistoryError, ProductForecastNotFoundError } from './forecasting.model';
import { parseIsoDate, startOfWeek, toLocalDate } from './week-calendar';

/**
 * Whole runs on two workspaces in one database: A is the demo store cut to
 * 40 products, B a hand-made mug shop whose numbers can be worked out on
 * paper. Neither may ever see the other's orders, forecasts or plans.
 */
const demo = generateDemoStore({ productCount: 40 });
const log = createLogger({ level: 'silent' });
let database: TestDatabase;
let shopA: string;
let shopB: { workspaceId: string; productIds: Map<string, string> };
let runA: { runId: string; summary: RunSummary };
let runB: { runId: string; summary: RunSummary };
const progressA: ForecastProgressUpdate[] = [];

// Shop B: 60 weeks to Wednesday 3 June 2026. Every Tuesday the mug sells 6 in Gotham and 4 in Metropolis,
// the teapot (also a mug-shop "Mugs" item) 3 in Star City; every other week a poster sells 1 in Gotham.
const asOfB = new Date('2026-06-03T12:00:00Z');
const gotham = { city: 'Gotham', region: 'NJ', country: 'US' };
const metropolis = { city: 'Metropolis', region: 'NY', country: 'US' };
const starCity = { city: 'Star City', region: 'CA', country: 'US' };
const tuesdays = weeklyDates(parseIsoDate('2025-04-07'), 60, 1);
const ordersB: FixtureOrder[] = tuesdays.flatMap((placedAt, week) => [
  { placedAt, ...gotham, lines: [{ product: 'mug', quantity: 6 }] },
  { placedAt, ...metropolis, lines: [{ product: 'mug', quantity: 4 }] },
  { placedAt, ...starCity, lines: [{ product: 'teapot', quantity: 3 }] },
  ...(week % 2 === 0 ? [{ placedAt, ...gotham, lines: [{ product: 'poster', quantity: 1 }] }] : []),
]);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoStore(database.prisma, { store: demo, log, progress: createProgress(process.stdout, false) });
  shopA = (await database.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
  shopB = await seedForecastStore(database.prisma, {
    slug: 'mug-shop',
    timezone: 'UTC',
    products: [
      { handle: 'mug', category: 'Mugs', priceCents: 1200, inventory: 100 },
      { handle: 'teapot', category: 'Mugs', priceCents: 3000, inventory: null },
      { handle: 'poster', category: 'Prints', priceCents: 2500, inventory: 5 },
    ],
    orders: ordersB,
  });
  runB = await runForecast({ prisma: database.prisma, workers: 0 }, shopB.workspaceId, { asOf: asOfB });
  runA = await runForecast({ prisma: database.prisma }, shopA, { onProgress: (update) => progressA.push(update) });
}, 180_000);
afterAll(async () => database.drop());

const seriesOf = (workspaceId: string, runId: string) =>
  database.prisma.productForecast.findMany({ where: { workspaceId, runId } });

describe('runForecast on the demo store', () => {
  it('finishes the run row and reports progress as it goes', async () => {
    const run = await database.prisma.forecastRun.findUniqueOrThrow({ where: { id: runA.runId } });
    expect(run).toMatchObject({ workspaceId: shopA, status: 'succeeded', progress: 1, stage: 'done', error: null });
    expect(run.finishedAt).not.toBeNull();
    expect(progressA.at(-1)).toEqual({ stage: 'done', progress: 1 });
    const values = progressA.map((update) => update.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(progressA.map((update) => update.stage))).toEqual(
      new Set(['loading', 'backtesting', 'forecasting', 'planning', 'saving', 'done']),
    );
  });

  it('stores forecasts where the store is the sum of its categories and of its products, every week', async () => {
    const rows = await seriesOf(shopA, runA.runId);
    const store = rows.find((row) => row.level === 'store');
    const categories = rows.filter((row) => row.level === 'category');
    const products = rows.filter((row) => row.level === 'product');
    expect(products).toHaveLength(demo.products.filter((product) => product.status === 'active').length);
    expect(categories.length).toBeGreaterThan(3);
    const mean = (row: { mean: unknown }) => row.mean as number[];
    expect(mean(store as (typeof rows)[number])).toHaveLength(26);
    for (let h = 0; h < 26; h++) {
      const byCategory = categories.reduce((sum, row) => sum + (mean(row)[h] as number), 0);
      const byProduct = products.reduce((sum, row) => sum + (mean(row)[h] as number), 0);
      expect(mean(store as (typeof rows)[number])[h]).toBeCloseTo(byCategory, 6);
      expect(mean(store as (typeof rows)[number])[h]).toBeCloseTo(byProduct, 6);
      for (const category of categories) {
        const members = products.filter(
          (row) => demo.products.find((p) => p.title === row.label)?.category === category.key,
        );
        expect(mean(category)[h]).toBeCloseTo(
          members.reduce((sum, row) => sum + (mean(row)[h] as number), 0),
          6,
        );
      }
    }
  });

  it('backtests every product with history against seasonal naive', () => {
    const accuracy = runA.summary.accuracy;
    expect(accuracy.baseline).toBe('seasonal-naive');
    expect(accuracy.origins).toBeGreaterThan(0);
    expect(accuracy.evaluatedProducts).toBeGreaterThan(20);
    expect(accuracy.beatsBaseline.share).toBeGreaterThan(0.5);
    expect(accuracy.store?.beatsBaseline).toBe(true);
    expect(accuracy.coverage95).toBeGreaterThan(0.6);
  });

  it('serves the page: summary, product detail with chart and cities, stock-out alerts', async () => {
    const summary = await getForecastSummary(database.prisma, shopA);
    expect(summary.run?.id).toBe(runA.runId);
    expect(summary.products.length).toBe(runA.summary.productCount);
    expect(summary.store?.chart.filter((point) => point.actual !== null)).toHaveLength(52);
    const top = summary.products[0];
    const detail = await getProductForecast(database.prisma, shopA, top?.productId as string);
    expect(detail.forecast.chart.filter((point) => point.mean !== null)).toHaveLength(26);
    expect(detail.cities.length).toBeGreaterThan(0);
    expect(detail.cities.map((city) => city.rank)).toEqual(detail.cities.map((_, i) => i + 1));
    const alerts = await listStockoutAlerts(database.prisma, shopA);
    const ownProducts = new Set(
      (await database.prisma.product.findMany({ where: { workspaceId: shopA }, select: { id: true } })).map(
        (p) => p.id,
      ),
    );
    expect(alerts.every((alert) => ownProducts.has(alert.productId))).toBe(true);
  });
});

describe('runForecast on a hand-made shop', () => {
  const mugId = () => shopB.productIds.get('mug') as string;

  it('forecasts a steady seller steadily and runs 100 units at 10 a week out after 10 weeks', async () => {
    const detail = await getProductForecast(database.prisma, shopB.workspaceId, mugId());
    const mean = detail.forecast.chart.filter((point) => point.mean !== null).map((point) => point.mean as number);
    for (const value of mean) expect(value).toBeCloseTo(10, 0);
    expect(detail.stock).toMatchObject({ inventory: 100, leadTimeDays: 14, serviceLevel: 0.95 });
    // From Wednesday 3 June: 70 days → Wednesday 12 August (±2 days for a forecast of "about 10").
    const stockout = (detail.stock?.stockoutDate as Date | undefined)?.getTime() ?? 0;
    expect(Math.abs(stockout - parseIsoDate('2026-08-12').getTime())).toBeLessThanOrEqual(2 * 86_400_000);
    expect(detail.stock?.reorderQuantity).toBe(0);
    // A longer lead time is answered from the same forecast: 12 weeks of ~10 exceed 100 units on hand.
    const longer = await getProductForecast(database.prisma, shopB.workspaceId, mugId(), {
      stock: { leadTimeDays: 84, serviceLevel: 0.95 },
    });
    expect(longer.stock?.reorderQuantity).toBeGreaterThanOrEqual(19);
    expect(longer.stock?.probabilityBeforeRestock).toBeGreaterThan(0.5);
  });

  it('ranks cities by expected units, including a city where only a similar product sells', async () => {
    const detail = await getProductForecast(database.prisma, shopB.workspaceId, mugId());
    const units13 = detail.forecast.units13;
    expect(detail.cities.map((city) => [city.rank, city.city, city.source])).toEqual([
      [1, 'Gotham', 'product'],
      [2, 'Metropolis', 'product'],
      [3, 'Star City', 'category'],
    ]);
    const [gothamRow, metropolisRow, starCityRow] = detail.cities;
    expect(gothamRow?.shareYear).toBeCloseTo(0.6, 9);
    expect(gothamRow?.units13).toBeCloseTo(0.6 * units13, 6);
    expect(gothamRow?.growth).toBeCloseTo(0, 9);
    expect(gothamRow?.revenue13Cents).toBe(Math.round(0.6 * units13 * 1200));
    expect(metropolisRow?.units13).toBeCloseTo(0.4 * units13, 6);
    // Mugs sold 10 + 3 a week over the year; Star City had the teapot's 3.
    expect(starCityRow?.categoryShare).toBeCloseTo(3 / 13, 9);
    expect(starCityRow?.units13).toBeCloseTo((3 / 13) * units13, 6);
    expect(detail.regions.map((region) => region.region)).toEqual(['NJ', 'NY', 'CA']);
  });
});

describe('runForecast without enough history', () => {
  it('fails the run with a reason the page can show', async () => {
    const young = await seedForecastStore(database.prisma, {
      slug: 'young-shop',
      timezone: 'UTC',
      products: [{ handle: 'mug', category: 'Mugs', priceCents: 1200, inventory: 3 }],
      orders: weeklyDates(parseIsoDate('2026-05-04'), 3, 1).map((placedAt) => ({
        placedAt,
        ...gotham,
        lines: [{ product: 'mug', quantity: 2 }],
      })),
    });
    await expect(
      runForecast({ prisma: database.prisma, workers: 0 }, young.workspaceId, { asOf: asOfB }),
    ).rejects.toThrow(InsufficientHistoryError);
    const run = await database.prisma.forecastRun.findFirstOrThrow({ where: { workspaceId: young.workspaceId } });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/at least 8 complete weeks/);
  });
});

describe('tenancy', () => {
  it("never reads another workspace's orders", async () => {
    const [storeA] = (await seriesOf(shopA, runA.runId)).filter((row) => row.level === 'store');
    const [storeB] = (await seriesOf(shopB.workspaceId, runB.runId)).filter((row) => row.level === 'store');
    const total = (row: { history: unknown } | undefined) =>
      ((row?.history as number[] | undefined) ?? []).reduce((sum, value) => sum + value, 0);
    // Shop B's history starts the Monday after its first order: 59 weeks of 13 units, and the 29 posters in them.
    expect(total(storeB)).toBe(59 * 13 + 29);

    const run = await database.prisma.forecastRun.findUniqueOrThrow({ where: { id: runA.runId } });
    const timeZone = demo.workspace.timezone;
    const from = (run.historyStart as Date).getTime();
    const to = (run.forecastStart as Date).getTime();
    const active = new Set(demo.products.filter((p) => p.status === 'active').map((p) => p.externalId));
    let expected = 0;
    for (const order of demo.orders) {
      if (order.status === 'cancelled' || order.status === 'refunded') continue;
      const week = startOfWeek(toLocalDate(order.createdAt, timeZone)).getTime();
      if (week < from || week >= to) continue;
      for (const line of order.lines) if (active.has(line.productExternalId)) expected += line.quantity;
    }
    expect(total(storeA)).toBe(expected);

    const citiesA = await database.prisma.cityDemand.findMany({
      where: { runId: runA.runId, scope: 'city' },
      select: { city: true, workspaceId: true },
    });
    const demoCities = new Set(DEMO_CITIES.map((city) => city.name));
    expect(citiesA.length).toBeGreaterThan(0);
    expect(citiesA.filter((row) => row.workspaceId !== shopA || !demoCities.has(row.city))).toEqual([]);
    const citiesB = await database.prisma.cityDemand.findMany({ where: { runId: runB.runId }, select: { city: true } });
    expect(new Set(citiesB.map((row) => row.city))).toEqual(new Set(['Gotham', 'Metropolis', 'Star City', '']));
  });

  it("never shows one workspace's runs, forecasts, alerts or plans to another", async () => {
    expect((await getForecastSummary(database.prisma, shopB.workspaceId)).run?.id).toBe(runB.runId);
    await expect(getForecastSummary(database.prisma, shopA, { runId: runB.runId })).rejects.toThrow(
      ForecastRunNotFoundError,
    );
    await expect(getProductForecast(database.prisma, shopA, shopB.productIds.get('mug') as string)).rejects.toThrow(
      ProductForecastNotFoundError,
    );
    await expect(
      getProductForecast(database.prisma, shopA, shopB.productIds.get('mug') as string, { runId: runB.runId }),
    ).rejects.toThrow(ForecastRunNotFoundError);
    const productIdsOfA = (await seriesOf(shopA, runA.runId)).map((row) => row.productId).filter(Boolean);
    expect(productIdsOfA.some((id) => [...shopB.productIds.values()].includes(id as string))).toBe(false);

    const offline = createWorkspaceAiEngine({
      prisma: database.prisma,
      secret: 'test-secret-with-at-least-32-characters!',
      providers: { gemini: {}, anthropic: {}, openai: {} },
      log,
    });
    const planB = await generateActionPlan({ prisma: database.prisma, ai: offline }, shopB.workspaceId);
    expect((await getActionPlan(database.prisma, shopA))?.id).not.toBe(planB.planId);
    await expect(getActionPlan(database.prisma, shopA, { planId: planB.planId })).rejects.toThrow();
    expect((await getActionPlan(database.prisma, shopB.workspaceId))?.id).toBe(planB.planId);
  });
});

describe('action plan without a provider', () => {
  it('runs the five steps on the offline provider and logs each with its time and tokens', async () => {
    const offline = createWorkspaceAiEngine({
      prisma: database.prisma,
      secret: 'test-secret-with-at-least-32-characters!',
      providers: { gemini: {}, anthropic: {}, openai: {} },
      log,
    });
    const plan = await generateActionPlan({ prisma: database.prisma, ai: offline }, shopA);
    expect(plan).toMatchObject({ status: 'succeeded', offline: true });
    const stored = await getActionPlan(database.prisma, shopA, { planId: plan.planId });
    if (!stored) throw new Error('the plan was not stored');
    expect(stored.steps.map((step) => step.step)).toEqual([
      'product-analyst',
      'market-profiler',
      'advertising-planner',
      'supply-planner',
      'sales-strategist',
    ]);
    for (const step of stored.steps) {
      expect(step).toMatchObject({ status: 'succeeded', provider: 'offline', attempts: 1, unverifiedNumbers: [] });
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
      expect(step.inputTokens).toBeGreaterThan(0);
    }
    // The facts name the plan's products and nothing of shop B.
    expect(JSON.stringify(stored.facts)).not.toContain('Gotham');
    expect(stored.facts).toMatchObject({ store: { horizonsWeeks: [4, 13, 26], leadTimeDays: 14 } });
    expect((stored.facts as { products: unknown[] }).products.length).toBe(stored.productIds.length);
    const usage = await database.prisma.aiUsage.count({ where: { workspaceId: shopA, task: 'forecast.narrative' } });
    expect(usage).toBe(5);
  });
});
