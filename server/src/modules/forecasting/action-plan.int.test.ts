import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceAiEngine } from '../../ai';
import { startFakeOpenAi } from '../../ai/testing/fake-openai.server';
import type { FakeServer } from '../../ai/testing/fake-server';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { generateActionPlan } from './action-plan.service';
import { getActionPlan } from './forecast-read.service';
import { runForecast } from './forecast-run.service';
import { seedForecastStore, weeklyDates } from './forecasting.fixtures';
import { parseIsoDate } from './week-calendar';

/**
 * The action plan against a scripted model behind the real OpenAI SDK: a step
 * that cites a number the engine never produced is asked to correct itself,
 * and if it insists, the number is removed and listed.
 */
let database: TestDatabase;
let openai: FakeServer;
let shop: { workspaceId: string; productIds: Map<string, string> };
let runId: string;

beforeAll(async () => {
  [database, openai] = await Promise.all([createTestDatabase(), startFakeOpenAi()]);
  const city = { city: 'Gotham', region: 'NJ', country: 'US' };
  shop = await seedForecastStore(database.prisma, {
    slug: 'plan-shop',
    timezone: 'UTC',
    products: [{ handle: 'mug', title: 'Enamel Mug', category: 'Mugs', priceCents: 1200, inventory: 100 }],
    orders: weeklyDates(parseIsoDate('2025-04-07'), 60, 1).map((placedAt, week) => ({
      placedAt,
      ...city,
      lines: [{ product: 'mug', quantity: 8 + (week % 5) }],
    })),
  });
  ({ runId } = await runForecast({ prisma: database.prisma, workers: 0 }, shop.workspaceId, {
    asOf: new Date('2026-06-03T12:00:00Z'),
  }));
});
afterAll(async () => {
  await openai.close();
  await database.drop();
});

const usage = { inputTokens: 1000, outputTokens: 100 };
const analysis = (text: string) => ({
  json: {
    products: [
      {
        productId: shop.productIds.get('mug'),
        headline: 'Enamel Mug keeps selling',
        outlook: 'steady',
        analysis: text,
        risks: [],
      },
    ],
  },
  usage,
});
const markets = (summary: string) => ({
  json: {
    summary,
    products: [
      { productId: shop.productIds.get('mug'), bestCities: ['Gotham'], untappedCities: [], insight: 'Gotham buys it.' },
    ],
  },
  usage,
});

describe('generateActionPlan', () => {
  it('catches a number the engine never produced: corrected on retry, or removed and flagged', async () => {
    openai.enqueue(
      // The analyst invents a total, then corrects itself when told.
      analysis('The Enamel Mug should sell 4,750 units over the next 13 weeks.'),
      analysis('The Enamel Mug should sell at its usual pace over the next 13 weeks.'),
      // The profiler invents a share and insists on it.
      markets('Gotham takes 61 % of Enamel Mug sales.'),
      markets('Gotham takes 61 % of Enamel Mug sales, as before.'),
      {
        json: {
          summary: 'Spend where the mug sells.',
          channels: [{ channel: 'Local social ads', why: 'Gotham is the only market so far.' }],
          budgetSplit: [],
          campaigns: [],
        },
        usage,
      },
      {
        json: {
          summary: 'Stock covers the lead time.',
          actions: [
            {
              productId: shop.productIds.get('mug'),
              action: 'monitor',
              reorderUnits: null,
              rationale: 'Reorder within 14 days of the stock-out date to keep the 95 % service level.',
            },
          ],
        },
        usage,
      },
      { json: { summary: 'Keep the mug in stock and advertise in Gotham.', priorities: [] }, usage },
    );
    const engine = createWorkspaceAiEngine({
      prisma: database.prisma,
      secret: 'test-secret-with-at-least-32-characters!',
      providers: { gemini: {}, anthropic: {}, openai: { apiKey: 'instance-key', baseURL: `${openai.url}/v1` } },
      log: createLogger({ level: 'silent' }),
      router: { sleep: async () => {}, retry: { maxAttempts: 1 } },
    });

    const plan = await generateActionPlan({ prisma: database.prisma, ai: engine }, shop.workspaceId, { runId });
    expect(openai.pending()).toBe(0);
    expect(plan).toMatchObject({ status: 'succeeded', offline: false });

    const stored = await getActionPlan(database.prisma, shop.workspaceId, { planId: plan.planId });
    if (!stored) throw new Error('the plan was not stored');
    const step = (name: string) => stored.steps.find((candidate) => candidate.step === name);
    expect(step('product-analyst')).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      unverifiedNumbers: [],
      inputTokens: 2000,
      outputTokens: 200,
      provider: 'openai',
    });
    expect(JSON.stringify(step('product-analyst')?.output)).not.toContain('4,750');
    expect(step('market-profiler')).toMatchObject({ status: 'flagged', attempts: 2, unverifiedNumbers: ['61 %'] });
    expect((step('market-profiler')?.output as { summary?: string } | undefined)?.summary).toBe(
      'Gotham takes [unverified] of Enamel Mug sales, as before.',
    );
    for (const name of ['advertising-planner', 'supply-planner', 'sales-strategist']) {
      expect(step(name)).toMatchObject({ status: 'succeeded', attempts: 1, unverifiedNumbers: [] });
    }

    // The model saw the facts (which hold no such number) and, on retry, exactly what was wrong.
    const firstPrompt = JSON.stringify(openai.request(0).body.messages);
    expect(firstPrompt).toContain('FACTS');
    expect(firstPrompt).not.toMatch(/4,?750/);
    expect(JSON.stringify(openai.request(1).body.messages)).toContain('These numbers are not in FACTS: 4,750');
    expect(JSON.stringify(openai.request(3).body.messages)).toContain('These numbers are not in FACTS: 61 %');
    // The strategist works from the others' checked notes, the flagged one without its invented share.
    const strategistPrompt = JSON.stringify(openai.request(6).body.messages);
    expect(strategistPrompt).toContain('TEAM NOTES');
    expect(strategistPrompt).not.toContain('61 %');

    expect(
      await database.prisma.aiUsage.count({ where: { workspaceId: shop.workspaceId, task: 'forecast.narrative' } }),
    ).toBe(7);
  });
});
