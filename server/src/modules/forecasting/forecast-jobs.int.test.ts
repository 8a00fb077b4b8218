import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceAiEngine } from '../../ai';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { queueDefinitions } from '../../platform/jobs/queues';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import {
  createForecastRequester,
  FORECAST_NIGHTLY_CRON,
  FORECAST_NIGHTLY_QUEUE,
  registerForecastJobs,
} from '../../transport/jobs/forecast.jobs';
import { requestNightlyForecasts } from './forecast-request.service';
import { seedForecastStore, weeklyDates } from './forecasting.fixtures';
import { parseIsoDate } from './week-calendar';

/**
 * The forecast jobs on pg-boss: a request queues one run per workspace, the
 * worker runs it and queues the action plan, the plan job writes it, and the
 * nightly schedule fans out to workspaces with recent orders.
 */
const log = createLogger({ level: 'silent' });
let database: TestDatabase;
let jobs: Jobs;
let shop: string;
let empty: string;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ databaseUrl: database.url, log });
  // Orders up to last week, so the shop has recent history whatever day the test runs.
  const weeks = 40;
  const firstMonday = new Date(Date.now() - (weeks + 1) * 7 * 86_400_000);
  const monday = parseIsoDate(firstMonday.toISOString().slice(0, 10));
  shop = (
    await seedForecastStore(database.prisma, {
      slug: 'jobs-shop',
      timezone: 'UTC',
      products: [
        { handle: 'mug', category: 'Mugs', priceCents: 1200, inventory: 30 },
        { handle: 'print', category: 'Prints', priceCents: 2500, inventory: 4 },
      ],
      orders: weeklyDates(monday, weeks, 1).map((placedAt, week) => ({
        placedAt,
        city: 'Gotham',
        region: 'NJ',
        country: 'US',
        lines: [
          { product: 'mug', quantity: 5 + (week % 3) },
          { product: 'print', quantity: week % 2 },
        ].filter((line) => line.quantity > 0),
      })),
    })
  ).workspaceId;
  empty = (await database.prisma.workspace.create({ data: { name: 'Empty', slug: 'empty-shop' } })).id;
  const ai = createWorkspaceAiEngine({
    prisma: database.prisma,
    secret: 'test-secret-with-at-least-32-characters!',
    providers: { gemini: {}, anthropic: {}, openai: {} },
    log,
  });
  await registerForecastJobs({ jobs, prisma: database.prisma, ai, log, workers: 0 });
}, 60_000);
afterAll(async () => {
  await jobs.stop(2_000);
  await database.drop();
});

describe('forecast jobs', () => {
  it('runs a requested forecast once, then writes its action plan', async () => {
    const request = createForecastRequester({ jobs, prisma: database.prisma });
    const first = await request(shop);
    const again = await request(shop);
    expect(first.created).toBe(true);
    expect(again).toEqual({ runId: first.runId, created: false });

    await expect
      .poll(async () => (await database.prisma.forecastRun.findUnique({ where: { id: first.runId } }))?.status, {
        timeout: 30_000,
        interval: 250,
      })
      .toBe('succeeded');
    const run = await database.prisma.forecastRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ workspaceId: shop, progress: 1, trigger: 'manual' });
    await expect
      .poll(async () => (await database.prisma.forecastPlan.findFirst({ where: { runId: first.runId } }))?.status, {
        timeout: 30_000,
        interval: 250,
      })
      .toBe('succeeded');
    expect(await database.prisma.forecastPlanStep.count({ where: { workspaceId: shop } })).toBe(5);
    expect(await database.prisma.forecastRun.count({ where: { workspaceId: empty } })).toBe(0);
  });

  it('schedules the nightly fan-out, which skips workspaces without orders', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: FORECAST_NIGHTLY_QUEUE, cron: FORECAST_NIGHTLY_CRON })]),
    );
    const counts = await requestNightlyForecasts({ prisma: database.prisma, jobs });
    expect(counts).toEqual({ requested: 1, skipped: 0, failed: 0 });
    const runs = await database.prisma.forecastRun.findMany({ where: { trigger: 'nightly' } });
    expect(runs.map((run) => run.workspaceId)).toEqual([shop]);
    expect(queueDefinitions.some((queue) => queue.name === 'forecast.run')).toBe(true);
  });
});
