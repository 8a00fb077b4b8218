import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AiBudgetExceededError, createWorkspaceAiEngine } from '../../ai';
import { collectParts, shopperRequest } from '../../ai/testing/engine.harness';
import { startFakeOpenAi } from '../../ai/testing/fake-openai.server';
import type { FakeServer } from '../../ai/testing/fake-server';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { findBillingPlan, planAllowanceOf } from './billing-plans';
import { describeShopBilling, recordShopSubscriptions } from './shop-billing.service';

/**
 * Plans are enforced by the AI engine's own budget guard: the engine as the
 * server wires it (usage rows and allowances in PostgreSQL), the real OpenAI
 * SDK against a fake server, and a shop whose month fills up.
 */
let database: TestDatabase;
let openai: FakeServer;
let shop: string;
let team: string;
const lastMonth = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
})();

function engine() {
  return createWorkspaceAiEngine({
    prisma: database.prisma,
    secret: 'test-secret-with-at-least-32-characters!',
    providers: { gemini: {}, anthropic: {}, openai: { apiKey: 'instance-key', baseURL: `${openai.url}/v1` } },
    log: createLogger({ level: 'silent' }),
    router: { sleep: async () => {}, retry: { maxAttempts: 1 } },
    planAllowances: planAllowanceOf,
  });
}

async function addGenerations(
  workspaceId: string,
  count: number,
  createdAt = new Date(),
  outcome: 'ok' | 'budget_blocked' = 'ok',
) {
  await database.prisma.aiUsage.createMany({
    data: Array.from({ length: count }, () => ({
      workspaceId,
      task: 'content.description',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      latencyMs: 5,
      outcome,
      createdAt,
    })),
  });
}

async function addConversations(workspaceId: string, count: number, createdAt = new Date()) {
  await database.prisma.conversation.createMany({
    data: Array.from({ length: count }, (_, index) => ({ workspaceId, visitorId: `v-${index}`, createdAt })),
  });
}

beforeAll(async () => {
  [database, openai] = await Promise.all([createTestDatabase(), startFakeOpenAi()]);
  shop = (
    await database.prisma.workspace.create({
      data: { name: 'Plan Shop', slug: 'plan-shop', shopDomain: 'plan-shop.myshopify.com', plan: 'free' },
    })
  ).id;
  team = (await database.prisma.workspace.create({ data: { name: 'Portal Team', slug: 'portal-team' } })).id;
});
afterAll(async () => {
  await openai.close();
  await database.drop();
});
afterEach(async () => {
  expect(openai.pending()).toBe(0);
  openai.requests.length = 0;
  await database.prisma.aiUsage.deleteMany();
  await database.prisma.conversation.deleteMany();
  await database.prisma.workspace.updateMany({ data: { plan: 'free', aiOnBudgetExceeded: 'offline' } });
});

describe('plan allowances in the AI budget guard', () => {
  it('refuses the generation past the free plan’s monthly allowance, with the plan’s reason', async () => {
    const free = findBillingPlan('free');
    await addGenerations(shop, free.generationsPerMonth - 1);
    await addGenerations(shop, 50, lastMonth);
    await addGenerations(shop, 5, new Date(), 'budget_blocked');
    openai.enqueue({ text: ['Last one this month'] });
    const ask = { messages: [{ role: 'user' as const, content: 'Describe the linen shirt' }] };
    expect((await engine().generate(shop, 'content.description', ask)).text).toBe('Last one this month');

    const refused = await engine()
      .generate(shop, 'content.seo', ask)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AiBudgetExceededError);
    expect((refused as Error).message).toBe(
      `The Free plan's ${free.generationsPerMonth} AI generations for this month are used up, so "content.seo" was not run. ` +
        'Upgrade the plan under Billing or wait for next month.',
    );
    expect(openai.requests).toHaveLength(1);
    expect(await database.prisma.aiUsage.count({ where: { workspaceId: shop, outcome: 'budget_blocked' } })).toBe(6);

    // Tasks that are not content generations are not counted against it.
    openai.enqueue({ text: ['A summary'] });
    expect((await engine().generate(shop, 'conversation.summary', ask)).text).toBe('A summary');

    await database.prisma.workspace.update({ where: { id: shop }, data: { plan: 'growth' } });
    openai.enqueue({ text: ['On Growth'] });
    expect((await engine().generate(shop, 'content.seo', ask)).text).toBe('On Growth');
  });

  it('answers the conversation that reaches the allowance, then goes offline or hands over as chosen', async () => {
    const free = findBillingPlan('free');
    await addConversations(shop, free.conversationsPerMonth);
    await addConversations(shop, 200, lastMonth);
    openai.enqueue({ text: ['Yes, in three colours.'] });
    const answered = await collectParts(engine().stream(shop, 'assistant.reply', shopperRequest));
    expect(answered).toContainEqual({ type: 'text-delta', text: 'Yes, in three colours.' });
    expect(openai.requests).toHaveLength(1);

    await addConversations(shop, 1);
    const offline = await collectParts(engine().stream(shop, 'assistant.reply', shopperRequest));
    // The offline assistant searches the catalog itself; the vendor is not called.
    expect(offline[0]).toMatchObject({ type: 'tool-call', name: 'search_products' });
    expect(openai.requests).toHaveLength(1);

    await database.prisma.workspace.update({ where: { id: shop }, data: { aiOnBudgetExceeded: 'handoff' } });
    expect(await collectParts(engine().stream(shop, 'assistant.reply', shopperRequest))).toEqual([
      { type: 'handoff', reason: 'budget-exceeded' },
    ]);
  });

  it('leaves a portal team (no shop) on its money budget alone', async () => {
    await addConversations(team, 500);
    await addGenerations(team, 300);
    openai.enqueue({ text: ['Still answering'] }, { text: ['Still writing'] });
    const parts = await collectParts(engine().stream(team, 'assistant.reply', shopperRequest));
    expect(parts).toContainEqual({ type: 'text-delta', text: 'Still answering' });
    const written = await engine().generate(team, 'content.ads', { messages: [{ role: 'user', content: 'An ad' }] });
    expect(written.text).toBe('Still writing');
  });
});

describe('shop billing', () => {
  it('stores the plan Shopify reports, once per change, and shows this month’s usage against it', async () => {
    const at = new Date('2026-11-03T08:00:00Z');
    const deps = { prisma: database.prisma, clock: () => at };
    const growth = { id: 'gid://shopify/AppSubscription/1', name: 'Growth', status: 'ACTIVE' };
    const subscriptions = [
      growth,
      { id: 'gid://shopify/AppSubscription/2', name: 'Pro', status: 'CANCELLED' },
      { id: 'gid://shopify/AppSubscription/3', name: 'Someone else’s plan', status: 'ACTIVE' },
    ];
    expect((await recordShopSubscriptions(deps, shop, subscriptions)).id).toBe('growth');
    expect(await recordShopSubscriptions(deps, shop, subscriptions)).toMatchObject({ id: 'growth' });
    await addConversations(shop, 7);
    await addGenerations(shop, 3);
    await addGenerations(shop, 4, lastMonth);
    const billing = await describeShopBilling(deps, shop);
    expect(billing).toMatchObject({
      plan: { id: 'growth', name: 'Growth', priceUsd: 29 },
      subscriptionId: 'gid://shopify/AppSubscription/1',
      activatedAt: at,
      usage: { conversations: 7, generations: 3 },
    });
    expect(billing.plans.map((plan) => plan.id)).toEqual(['free', 'growth', 'pro']);

    // Cancelled from Shopify's admin: back to the free tier.
    expect((await recordShopSubscriptions(deps, shop, [{ ...growth, status: 'CANCELLED' }])).id).toBe('free');
    const workspace = await database.prisma.workspace.findUniqueOrThrow({ where: { id: shop } });
    expect(workspace).toMatchObject({ plan: 'free', planSubscriptionId: null });
    const changes = await database.prisma.auditLog.findMany({
      where: { workspaceId: shop, action: 'billing.plan_changed' },
      orderBy: { createdAt: 'asc' },
    });
    expect(changes.map((row) => row.data)).toEqual([
      { from: 'free', to: 'growth', subscriptionId: 'gid://shopify/AppSubscription/1' },
      { from: 'growth', to: 'free', subscriptionId: null },
    ]);
  });
});
