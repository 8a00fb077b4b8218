import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runForecast } from '../../modules/forecasting';
import { seedForecastStore, weeklyDates } from '../../modules/forecasting/forecasting.fixtures';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import type { AdminActor, AdminDeps } from './admin-deps';
import { classifyAdminError } from './admin-errors';
import { createForecastsAdmin } from './forecasts.admin';

/**
 * The forecasts page's facade on a real database: a small store's forecast
 * run through the real service comes back as the page's shapes; another
 * workspace's product reads as missing; the buttons queue real jobs (no
 * worker runs them here, so their progress stays visible as "queued").
 */
const log = createLogger({ level: 'silent' });
let database: TestDatabase;
let jobs: Jobs;
let admin: ReturnType<typeof createForecastsAdmin>;
let shop: { workspaceId: string; productIds: Map<string, string> };
let other: { workspaceId: string; productIds: Map<string, string> };
let empty: string;
let runId: string;

const actor = (workspaceId: string): AdminActor => ({
  workspaceId,
  userId: '00000000-0000-7000-8000-000000000001',
  role: 'owner',
  displayName: 'Pat',
});

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  const failure = classifyAdminError(error);
  if (!failure) throw error ?? new Error('expected a rejection');
  return failure;
}

const weeks = 40;
const firstMonday = new Date(Date.UTC(2025, 0, 6));
const asOf = new Date(firstMonday.getTime() + weeks * 7 * 86_400_000);

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ databaseUrl: database.url, log });
  shop = await seedForecastStore(database.prisma, {
    slug: 'forecast-shop',
    timezone: 'UTC',
    products: [
      { handle: 'mug', title: 'Blue mug', category: 'Mugs', priceCents: 1200, inventory: 6 },
      { handle: 'cup', title: 'Red cup', category: 'Mugs', priceCents: 900, inventory: 400 },
      { handle: 'print', title: 'City print', category: 'Prints', priceCents: 2500, inventory: null },
    ],
    // The mug sells in Gotham and Metropolis; the cup also in Star City, where the mug has never sold.
    orders: weeklyDates(firstMonday, weeks, 1).flatMap((placedAt, week) => [
      {
        placedAt,
        city: 'Gotham',
        region: 'NJ',
        country: 'US',
        lines: [
          { product: 'mug', quantity: 4 + (week % 3), unitPriceCents: 1200 },
          { product: 'print', quantity: 1 + (week % 2), unitPriceCents: 2500 },
        ],
      },
      {
        placedAt,
        city: 'Metropolis',
        region: 'NY',
        country: 'US',
        lines: [{ product: 'mug', quantity: 2, unitPriceCents: 1200 }],
      },
      {
        placedAt,
        city: 'Star City',
        region: 'CA',
        country: 'US',
        lines: [{ product: 'cup', quantity: 3, unitPriceCents: 900 }],
      },
    ]),
  });
  other = await seedForecastStore(database.prisma, {
    slug: 'other-shop',
    timezone: 'UTC',
    products: [{ handle: 'lamp', category: 'Lamps', priceCents: 5000, inventory: 3 }],
    orders: weeklyDates(firstMonday, weeks, 2).map((placedAt) => ({
      placedAt,
      city: 'Gotham',
      region: 'NJ',
      country: 'US',
      lines: [{ product: 'lamp', quantity: 1, unitPriceCents: 5000 }],
    })),
  });
  empty = (await database.prisma.workspace.create({ data: { name: 'Empty', slug: 'empty-forecast-shop' } })).id;
  runId = (await runForecast({ prisma: database.prisma, workers: 0 }, shop.workspaceId, { asOf })).runId;
  await runForecast({ prisma: database.prisma, workers: 0 }, other.workspaceId, { asOf });
  admin = createForecastsAdmin({ prisma: database.prisma, jobs, aiOffline: true } as unknown as AdminDeps);
}, 180_000);

afterAll(async () => {
  await jobs?.stop(2_000);
  await database?.drop();
});

describe('forecasts admin', () => {
  it('shows the latest run: store chart, accuracy, products and stock-out alerts', async () => {
    const overview = await admin.getOverview(actor(shop.workspaceId));
    expect(overview.readiness).toMatchObject({ hasOrders: true, enough: true, currency: 'USD', minimumWeeks: 8 });
    expect(overview.latest?.status).toBe('succeeded');
    expect(overview.working).toBe(false);
    expect(overview.run?.id).toBe(runId);
    expect(overview.run?.productCount).toBe(3);
    expect(overview.run?.accuracy.evaluatedProducts).toBeGreaterThan(0);
    // Complete weeks after the first order (the first, partial week is left out), then 26 forecast weeks with bands.
    const chart = overview.store?.chart ?? [];
    expect(chart.filter((point) => point.actual !== null)).toHaveLength(weeks - 1);
    const future = chart.filter((point) => point.mean !== null);
    expect(future).toHaveLength(26);
    for (const point of future) {
      expect(point.lower80).not.toBeNull();
      expect(point.lower95 as number).toBeLessThanOrEqual(point.lower80 as number);
      expect(point.upper95 as number).toBeGreaterThanOrEqual(point.upper80 as number);
    }
    expect(overview.products.rows.map((row) => row.title).sort()).toEqual(['Blue mug', 'City print', 'Red cup']);
    const mug = overview.products.rows.find((row) => row.title === 'Blue mug');
    expect(mug?.revenue13Cents).toBe(Math.round((mug?.units13 ?? 0) * 1200));
    expect(mug?.accuracy).toMatchObject({ origins: expect.any(Number), mase: expect.any(Number) });
    expect(overview.products.hasNextPage).toBe(false);
    // Six mugs on hand against about eight a week: it runs out before a restock.
    const alert = overview.alerts.find((row) => row.title === 'Blue mug');
    expect(alert?.probabilityBeforeRestock).toBeGreaterThan(0.5);
    expect(alert?.reorderQuantity).toBeGreaterThan(0);
    expect(overview.alerts.some((row) => row.title === 'Red cup')).toBe(false);
  });

  it('searches and pages the products', async () => {
    const found = await admin.getOverview(actor(shop.workspaceId), { search: 'MUG' });
    expect(found.products.rows.map((row) => row.title)).toEqual(['Blue mug']);
    const beyond = await admin.getOverview(actor(shop.workspaceId), { page: '2' });
    expect(beyond.products.rows).toEqual([]);
    const nonsense = await admin.getOverview(actor(shop.workspaceId), { page: 'abc' });
    expect(nonsense.products.page).toBe(1);
  });

  it("shows one product's forecast, places and stock plan", async () => {
    const mugId = shop.productIds.get('mug') as string;
    const product = await admin.getProduct(actor(shop.workspaceId), mugId);
    expect(product.title).toBe('Blue mug');
    expect(product.chart.filter((point) => point.mean !== null)).toHaveLength(26);
    expect(product.accuracy).toMatchObject({ mase: expect.any(Number), smape: expect.any(Number) });
    expect(product.cities[0]).toMatchObject({ rank: 1, city: 'Gotham', source: 'product' });
    // Star City buys mugs of another kind, not this one yet.
    expect(product.cities.find((city) => city.city === 'Star City')).toMatchObject({ source: 'category' });
    const selling = product.cities.filter((city) => city.source === 'product');
    expect(selling.reduce((sum, city) => sum + city.shareYear, 0)).toBeCloseTo(1, 5);
    expect(product.regions.length).toBeGreaterThan(0);
    expect(product.stockSettings).toEqual({ leadTimeDays: 14, serviceLevelPercent: 95 });
    expect(product.stock?.inventory).toBe(6);

    const longer = await admin.getProduct(actor(shop.workspaceId), mugId, {
      leadTimeDays: '42',
      serviceLevelPercent: '99',
    });
    expect(longer.stockSettings).toEqual({ leadTimeDays: 42, serviceLevelPercent: 99 });
    expect(longer.stock?.reorderQuantity).toBeGreaterThan(product.stock?.reorderQuantity ?? 0);

    const mistyped = await admin.getProduct(actor(shop.workspaceId), mugId, { leadTimeDays: '0' });
    expect(mistyped.stockSettings.leadTimeDays).toBe(14);
    expect(mistyped.stockErrors.leadTimeDays).toMatch(/at least 1 day/);
  });

  it("treats another workspace's product, or no id at all, as missing", async () => {
    const lamp = other.productIds.get('lamp') as string;
    expect((await admin.getProduct(actor(other.workspaceId), lamp)).title).toBe('lamp');
    expect(await failureOf(admin.getProduct(actor(shop.workspaceId), lamp))).toMatchObject({ status: 404 });
    expect(await failureOf(admin.getProduct(actor(shop.workspaceId), 'not-a-uuid'))).toMatchObject({ status: 404 });
    const overview = await admin.getOverview(actor(shop.workspaceId), { search: 'lamp' });
    expect(overview.products.rows).toEqual([]);
  });

  it('says when a store has no orders to forecast, and refuses to queue a run', async () => {
    const overview = await admin.getOverview(actor(empty));
    expect(overview).toMatchObject({
      readiness: { hasOrders: false, weeksOfOrders: 0, enough: false },
      latest: null,
      run: null,
      store: null,
      alerts: [],
      plan: null,
    });
    expect(await failureOf(admin.forecastNow(actor(empty)))).toMatchObject({
      status: 409,
      message: 'Forecasts need at least 8 weeks of orders; this store has 0.',
    });
    expect(await failureOf(admin.generateActionPlan(actor(empty)))).toMatchObject({ status: 409 });
  });

  it('queues one forecast run at a time and shows it as working', async () => {
    const first = await admin.forecastNow(actor(shop.workspaceId));
    const again = await admin.forecastNow(actor(shop.workspaceId));
    expect(first.created).toBe(true);
    expect(again).toEqual({ runId: first.runId, created: false });
    const overview = await admin.getOverview(actor(shop.workspaceId));
    expect(overview.working).toBe(true);
    expect(overview.latest).toMatchObject({ id: first.runId, status: 'queued' });
    // The page keeps showing the last finished run meanwhile.
    expect(overview.run?.id).toBe(runId);
    const queued = await database.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM pgboss.job WHERE name = 'forecast.run' AND data->>'runId' = ${first.runId}`;
    expect(Number(queued[0]?.count)).toBe(1);
    // Another workspace's page is untouched.
    expect((await admin.getOverview(actor(other.workspaceId))).working).toBe(false);
  });

  it('queues an action plan of the latest run, once while it waits', async () => {
    const first = await admin.generateActionPlan(actor(shop.workspaceId));
    const again = await admin.generateActionPlan(actor(shop.workspaceId));
    expect(first).toMatchObject({ runId, created: true });
    expect(again).toEqual({ ...first, created: false });
    const overview = await admin.getOverview(actor(shop.workspaceId));
    expect(overview.plan).toMatchObject({ id: first.planId, status: 'queued', working: true, ofLatestRun: true });
    expect(overview.aiOffline).toBe(true);
    const plan = await database.prisma.forecastPlan.findUniqueOrThrow({ where: { id: first.planId } });
    expect(plan.productIds.length).toBeGreaterThan(0);
    expect((await admin.getOverview(actor(other.workspaceId))).plan).toBeNull();
  });
});
