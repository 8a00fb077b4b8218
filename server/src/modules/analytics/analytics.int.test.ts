import type { ConversationStatus, MessageRole, PrismaClient } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createHomeAdmin } from '../../transport/admin/home.admin';
import { getAiUsageReport, getHomeDashboard } from '.';

/**
 * The home dashboard and AI usage figures on constructed rows with known
 * answers. Shop A sells from Los Angeles (UTC-7 in late March), so several rows
 * sit minutes either side of a local midnight that is not the UTC one. Shop B
 * holds look-alike rows that must never reach A's numbers, nor A's reach B's.
 */
let database: TestDatabase;
let prisma: PrismaClient;
let shopA: string;
let shopB: string;
let agentId: string;
// 11:00 in Los Angeles on Friday 20 March 2026: the 7-day period is 14–20 March, local.
const now = () => new Date('2026-03-20T18:00:00Z');

async function conversation(
  workspaceId: string,
  createdAt: string,
  messages: [MessageRole, string][],
  extra: { status?: ConversationStatus; intent?: string; sentiment?: number; assignedUserId?: string } = {},
) {
  const created = await prisma.conversation.create({
    data: { workspaceId, visitorId: `visitor-${Math.random()}`, createdAt: new Date(createdAt), ...extra },
  });
  await prisma.message.createMany({
    data: messages.map(([role, text], index) => ({
      workspaceId,
      conversationId: created.id,
      seq: index + 1,
      role,
      text,
      createdAt: new Date(createdAt),
    })),
  });
  return created.id;
}

let orderNumber = 1000;
async function order(
  workspaceId: string,
  placedAt: string,
  totalCents: number,
  extra: { conversationId?: string; status?: 'paid' | 'fulfilled' | 'refunded'; currency?: string } = {},
) {
  orderNumber++;
  await prisma.order.create({
    data: {
      workspaceId,
      number: `#${orderNumber}`,
      status: extra.status ?? 'paid',
      currency: extra.currency ?? 'USD',
      subtotalCents: totalCents,
      totalCents,
      placedAt: new Date(placedAt),
      conversationId: extra.conversationId,
    },
  });
}

async function usage(
  workspaceId: string,
  createdAt: string,
  row: { task: string; provider: string; model: string; cost: number; outcome?: 'ok' | 'error' | 'cached' },
) {
  await prisma.aiUsage.create({
    data: {
      workspaceId,
      task: row.task,
      provider: row.provider,
      model: row.model,
      inputTokens: 1000,
      outputTokens: 200,
      cachedInputTokens: 100,
      costMicroUsd: BigInt(row.cost),
      latencyMs: 400,
      outcome: row.outcome ?? 'ok',
      createdAt: new Date(createdAt),
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  shopA = (
    await prisma.workspace.create({
      data: { name: 'Shop A', slug: 'shop-a', timezone: 'America/Los_Angeles', currency: 'USD' },
    })
  ).id;
  shopB = (await prisma.workspace.create({ data: { name: 'Shop B', slug: 'shop-b', timezone: 'UTC' } })).id;
  agentId = (await prisma.user.create({ data: { email: 'agent@shop-a.example', name: 'Agent' } })).id;

  // Shop A, this period (14–20 March local).
  const c1 = await conversation(
    shopA,
    '2026-03-20T06:30:00Z', // 19 March, 23:30 local
    [
      ['shopper', 'Do you ship to Canada?'],
      ['assistant', 'We do.'],
      ['shopper', 'thanks'],
    ],
    { intent: 'shipping', sentiment: 0.8 },
  );
  const c2 = await conversation(
    shopA,
    '2026-03-20T07:30:00Z', // 20 March, 00:30 local
    [
      ['shopper', '  do you  SHIP to canada '],
      ['assistant', 'Yes.'],
      ['agent', 'Hi, Sam here.'],
    ],
    { intent: 'shipping', sentiment: -0.5, status: 'closed' },
  );
  await conversation(
    shopA,
    '2026-03-20T10:00:00Z',
    [
      ['shopper', 'Where is my order #1001?'],
      ['assistant', 'Let me check.'],
    ],
    { intent: 'order_status', sentiment: 0, status: 'waiting' },
  );
  // Taken over and handed back: the assignment stays.
  await conversation(
    shopA,
    '2026-03-20T11:00:00Z',
    [
      ['shopper', 'Hi'],
      ['assistant', 'Hello!'],
    ],
    { sentiment: 0.25, assignedUserId: agentId },
  );
  // No reply at all: neither answered by the assistant nor handed off.
  await conversation(shopA, '2026-03-20T12:00:00Z', [['shopper', 'hello there!']]);
  await conversation(
    shopA,
    '2026-03-14T07:00:00Z', // 14 March, 00:00 local: the first instant of the period
    [
      ['shopper', 'Hi!'],
      ['assistant', 'Hello!'],
    ],
    { sentiment: -0.25 },
  );
  // Shop A, previous period (7–13 March local).
  await conversation(
    shopA,
    '2026-03-14T06:59:59Z', // 13 March, 23:59:59 local
    [
      ['shopper', 'Do you ship to Canada?'],
      ['assistant', 'We do.'],
    ],
    { intent: 'shipping', sentiment: 0.9 },
  );
  const c8 = await conversation(shopA, '2026-03-10T18:00:00Z', [
    ['shopper', 'I need a person'],
    ['agent', 'I am here.'],
  ]);

  await order(shopA, '2026-03-19T08:00:00Z', 5000, { conversationId: c1 });
  await order(shopA, '2026-03-20T06:00:00Z', 2500, { conversationId: c2, status: 'fulfilled' }); // 19 March local
  await order(shopA, '2026-03-20T09:00:00Z', 4000, { conversationId: c2, status: 'refunded' });
  await order(shopA, '2026-03-20T09:30:00Z', 10000);
  await order(shopA, '2026-03-20T16:00:00Z', 3000, { conversationId: c1, currency: 'EUR' });
  await order(shopA, '2026-03-10T20:00:00Z', 7000, { conversationId: c8 });

  await usage(shopA, '2026-03-20T06:59:00Z', {
    task: 'assistant.reply',
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    cost: 1500,
  });
  await usage(shopA, '2026-03-20T07:01:00Z', {
    task: 'content.seo',
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    cost: 2500,
    outcome: 'error',
  });
  await usage(shopA, '2026-03-20T08:00:00Z', {
    task: 'content.seo',
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    cost: 0,
    outcome: 'cached',
  });
  await usage(shopA, '2026-03-09T12:00:00Z', { task: 'content.ads', provider: 'openai', model: 'gpt-4.1', cost: 9999 });

  // Shop B: the same kinds of rows, on the same days.
  const b1 = await conversation(
    shopB,
    '2026-03-20T07:30:00Z',
    [
      ['shopper', 'Do you ship to Canada?'],
      ['assistant', 'No.'],
    ],
    { intent: 'shipping', sentiment: -0.9 },
  );
  await conversation(shopB, '2026-03-19T12:00:00Z', [['shopper', 'Anyone?']], { status: 'human' });
  await order(shopB, '2026-03-20T07:00:00Z', 99900, { conversationId: b1 });
  await usage(shopB, '2026-03-20T07:00:00Z', {
    task: 'content.seo',
    provider: 'openai',
    model: 'gpt-4.1',
    cost: 1_000_000,
  });
});
afterAll(async () => database.drop());

describe('home dashboard', () => {
  it('counts per local day, with the previous period for comparison', async () => {
    const dashboard = await getHomeDashboard({ prisma, now }, shopA, 7);
    expect(dashboard.period).toEqual({
      days: 7,
      firstDay: '2026-03-14',
      lastDay: '2026-03-20',
      timeZone: 'America/Los_Angeles',
    });
    expect(dashboard.currency).toBe('USD');
    expect(dashboard.days.map((day) => day.day)).toEqual([
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
    ]);
    const byDay = Object.fromEntries(dashboard.days.map(({ day, ...figures }) => [day, figures]));
    expect(byDay['2026-03-14']).toEqual({
      conversations: 1,
      answeredByAi: 1,
      handedOff: 0,
      assistedOrders: 0,
      assistedRevenueCents: 0,
      aiCostMicroUsd: 0,
    });
    expect(byDay['2026-03-19']).toEqual({
      conversations: 1,
      answeredByAi: 1,
      handedOff: 0,
      assistedOrders: 2,
      assistedRevenueCents: 7500,
      aiCostMicroUsd: 1500,
    });
    expect(byDay['2026-03-20']).toEqual({
      conversations: 4,
      answeredByAi: 0,
      handedOff: 3,
      assistedOrders: 1,
      assistedRevenueCents: 0,
      aiCostMicroUsd: 2500,
    });
    expect(byDay['2026-03-16']).toEqual({
      conversations: 0,
      answeredByAi: 0,
      handedOff: 0,
      assistedOrders: 0,
      assistedRevenueCents: 0,
      aiCostMicroUsd: 0,
    });

    expect(dashboard.totals).toEqual({
      conversations: 6,
      answeredByAi: 2,
      handedOff: 3,
      answeredByAiShare: 2 / 6,
      handoffRate: 3 / 6,
      assistedOrders: 3,
      assistedRevenueCents: 7500,
      storeRevenueCents: 17500,
      assistedOtherCurrency: 1,
      aiCostMicroUsd: 4000,
    });
    expect(dashboard.previousTotals).toEqual({
      conversations: 2,
      answeredByAi: 1,
      handedOff: 1,
      answeredByAiShare: 0.5,
      handoffRate: 0.5,
      assistedOrders: 1,
      assistedRevenueCents: 7000,
      storeRevenueCents: 7000,
      assistedOtherCurrency: 0,
      aiCostMicroUsd: 9999,
    });
  });

  it('ranks intents and normalised opening questions, and buckets sentiment', async () => {
    const dashboard = await getHomeDashboard({ prisma, now }, shopA, 7);
    expect(dashboard.topIntents).toEqual([
      { intent: 'shipping', conversations: 2 },
      { intent: 'order_status', conversations: 1 },
    ]);
    expect(dashboard.topQuestions).toEqual([
      { question: 'do you ship to canada', conversations: 2 },
      { question: 'hi', conversations: 2 },
      { question: 'hello there', conversations: 1 },
      { question: 'where is my order #1001', conversations: 1 },
    ]);
    expect(dashboard.sentiment).toEqual({ negative: 1, neutral: 3, positive: 1, unrated: 1 });
  });

  it('shows each workspace only its own rows', async () => {
    const b = await createHomeAdmin({ prisma }, now).getDashboard(
      { workspaceId: shopB, userId: agentId, role: 'viewer', displayName: 'B' },
      { range: '7d' },
    );
    expect(b.currency).toBe('USD');
    expect(b.period.timeZone).toBe('UTC');
    expect(b.totals).toMatchObject({
      conversations: 2,
      answeredByAi: 1,
      handedOff: 1,
      assistedOrders: 1,
      assistedRevenueCents: 99900,
      aiCostMicroUsd: 1_000_000,
    });
    expect(b.topQuestions).toEqual([
      { question: 'anyone', conversations: 1 },
      { question: 'do you ship to canada', conversations: 1 },
    ]);
    expect(b.sentiment).toEqual({ negative: 1, neutral: 0, positive: 0, unrated: 1 });
  });

  it('refuses a workspace that does not exist', async () => {
    await expect(getHomeDashboard({ prisma, now }, '0190a000-0000-7000-8000-000000000000', 7)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('AI usage report', () => {
  it('breaks calls, tokens, cost and outcomes down by day, task, provider and model', async () => {
    const report = await getAiUsageReport({ prisma, now }, shopA, 7);
    expect(report.totals).toMatchObject({
      calls: 3,
      inputTokens: 3000,
      outputTokens: 600,
      cachedInputTokens: 300,
      costMicroUsd: 4000,
      errors: 1,
      cached: 1,
      budgetBlocked: 0,
      averageLatencyMs: 400,
    });
    expect(report.days).toHaveLength(7);
    expect(report.days.filter((day) => day.calls > 0)).toEqual([
      expect.objectContaining({ day: '2026-03-19', calls: 1, costMicroUsd: 1500 }),
      expect.objectContaining({ day: '2026-03-20', calls: 2, costMicroUsd: 2500, errors: 1, cached: 1 }),
    ]);
    expect(report.byTask.map(({ task, calls, costMicroUsd }) => ({ task, calls, costMicroUsd }))).toEqual([
      { task: 'content.seo', calls: 2, costMicroUsd: 2500 },
      { task: 'assistant.reply', calls: 1, costMicroUsd: 1500 },
    ]);
    expect(report.byProvider.map(({ provider, calls, costMicroUsd }) => ({ provider, calls, costMicroUsd }))).toEqual([
      { provider: 'anthropic', calls: 1, costMicroUsd: 2500 },
      { provider: 'gemini', calls: 2, costMicroUsd: 1500 },
    ]);
    expect(report.byModel.map(({ provider, model, calls }) => ({ provider, model, calls }))).toEqual([
      { provider: 'anthropic', model: 'claude-haiku-4-5', calls: 1 },
      { provider: 'gemini', model: 'gemini-2.5-flash', calls: 2 },
    ]);
  });

  it('reaches back 30 days when asked, and never into another workspace', async () => {
    const report = await getAiUsageReport({ prisma, now }, shopA, 30);
    expect(report.totals.calls).toBe(4);
    expect(report.totals.costMicroUsd).toBe(13999);
    expect(report.byProvider.map((group) => group.provider).sort()).toEqual(['anthropic', 'gemini', 'openai']);
    const b = await getAiUsageReport({ prisma, now }, shopB, 30);
    expect(b.totals).toMatchObject({ calls: 1, costMicroUsd: 1_000_000 });
  });
});
