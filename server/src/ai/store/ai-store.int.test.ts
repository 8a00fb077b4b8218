import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import type { ProviderSettings } from '../ai.config';
import { AiBudgetExceededError } from '../ai.model';
import { costMicroUsd } from '../prices';
import { collectParts, seoAnswer, seoRequest, shopperRequest } from '../testing/engine.harness';
import { startFakeOpenAi } from '../testing/fake-openai.server';
import type { FakeServer } from '../testing/fake-server';
import { createWorkspaceAiEngine } from './ai.wiring';
import { describeProviderKeys, InvalidAiSettingError, saveProviderKey, saveRoutingPolicy } from './ai-workspace.repo';

/**
 * The engine as the server wires it — usage rows, budgets, cache, keys and
 * routing in PostgreSQL — talking to the real OpenAI SDK against a fake server.
 */
const secret = 'test-secret-with-at-least-32-characters!';
let database: TestDatabase;
let openai: FakeServer;
let shopA: string;
let shopB: string;

function engineFor(
  providers: ProviderSettings = {
    gemini: {},
    anthropic: {},
    openai: { apiKey: 'instance-key', baseURL: `${openai.url}/v1` },
  },
) {
  return createWorkspaceAiEngine({
    prisma: database.prisma,
    secret,
    providers: providers ?? {
      gemini: {},
      anthropic: {},
      openai: { apiKey: 'instance-key', baseURL: `${openai.url}/v1` },
    },
    log: createLogger({ level: 'silent' }),
    router: { sleep: async () => {}, retry: { maxAttempts: 1 } },
  });
}

beforeAll(async () => {
  [database, openai] = await Promise.all([createTestDatabase(), startFakeOpenAi()]);
  shopA = (await database.prisma.workspace.create({ data: { name: 'Shop A', slug: 'shop-a' } })).id;
  shopB = (await database.prisma.workspace.create({ data: { name: 'Shop B', slug: 'shop-b' } })).id;
});
afterAll(async () => {
  await openai.close();
  await database.drop();
});
afterEach(async () => {
  expect(openai.pending()).toBe(0);
  openai.requests.length = 0;
  await database.prisma.aiUsage.deleteMany();
  await database.prisma.aiCacheEntry.deleteMany();
  await database.prisma.auditLog.deleteMany();
  await database.prisma.workspace.updateMany({
    data: {
      aiMonthlyBudgetMicroUsd: null,
      aiOnBudgetExceeded: 'offline',
      aiCredentials: undefined,
      aiRoutingPolicy: undefined,
    },
  });
});

describe('AI engine on PostgreSQL', () => {
  it('records one usage row per call with tokens, exact cost and timings', async () => {
    openai.enqueue({
      text: ['Our ', 'linen ', 'shirts'],
      usage: { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 200 },
    });
    const result = await engineFor().generate(shopA, 'content.description', {
      messages: [{ role: 'user', content: 'Describe a linen shirt' }],
    });
    expect(result.text).toBe('Our linen shirts');
    const rows = await database.prisma.aiUsage.findMany();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    const model = openai.request(0).body.model as string;
    expect(row).toMatchObject({
      workspaceId: shopA,
      task: 'content.description',
      provider: 'openai',
      model,
      inputTokens: 1200,
      outputTokens: 300,
      cachedInputTokens: 200,
      outcome: 'ok',
    });
    expect(row?.costMicroUsd).toBe(
      BigInt(costMicroUsd(model, { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 200 })),
    );
    expect(row?.costMicroUsd).toBeGreaterThan(0n);
    expect(row?.firstTokenMs).not.toBeNull();
    expect(row?.latencyMs).toBeGreaterThanOrEqual(row?.firstTokenMs ?? 0);
  });

  it('warns once at 80 % of the monthly budget and stops generation at 100 %', async () => {
    const model = 'gpt-4.1-mini';
    await database.prisma.workspace.update({ where: { id: shopA }, data: { aiMonthlyBudgetMicroUsd: 1_000_000n } });
    await database.prisma.aiUsage.create({
      data: {
        workspaceId: shopA,
        task: 'content.seo',
        provider: 'openai',
        model,
        costMicroUsd: 850_000n,
        latencyMs: 10,
        outcome: 'ok',
      },
    });
    openai.enqueue({ text: ['one'] }, { text: ['two'] });
    const engine = engineFor();
    await engine.generate(shopA, 'content.ads', { messages: [{ role: 'user', content: 'Ad one' }] });
    await engine.generate(shopA, 'content.ads', { messages: [{ role: 'user', content: 'Ad two' }] });
    const warnings = await database.prisma.auditLog.findMany({ where: { action: 'ai.budget.warning' } });
    expect(warnings).toEqual([expect.objectContaining({ workspaceId: shopA, actorType: 'system' })]);

    await database.prisma.aiUsage.create({
      data: {
        workspaceId: shopA,
        task: 'content.seo',
        provider: 'openai',
        model,
        costMicroUsd: 200_000n,
        latencyMs: 10,
        outcome: 'ok',
      },
    });
    const failure = await engine
      .generate(shopA, 'content.seo', { messages: [{ role: 'user', content: 'SEO' }] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AiBudgetExceededError);
    expect(await database.prisma.aiUsage.count({ where: { outcome: 'budget_blocked' } })).toBe(1);

    // The shopper assistant keeps answering from retrieval, without calling the vendor.
    const parts = await collectParts(engine.stream(shopA, 'assistant.reply', shopperRequest));
    expect(parts[0]).toMatchObject({ type: 'tool-call', name: 'search_products' });
    // Another workspace's budget is untouched by shop A's spending.
    openai.enqueue({ text: ['fine'] });
    expect((await engine.generate(shopB, 'content.ads', { messages: [{ role: 'user', content: 'Ad' }] })).text).toBe(
      'fine',
    );
  });

  it('hands the shopper to a person instead when the workspace chose handoff', async () => {
    await database.prisma.workspace.update({
      where: { id: shopA },
      data: { aiMonthlyBudgetMicroUsd: 0n, aiOnBudgetExceeded: 'handoff' },
    });
    const parts = await collectParts(engineFor().stream(shopA, 'assistant.reply', shopperRequest));
    expect(parts).toEqual([{ type: 'handoff', reason: 'budget-exceeded' }]);
  });

  it('serves a repeated generation from the cache of the same workspace only', async () => {
    const engine = engineFor();
    openai.enqueue(seoAnswer, seoAnswer, seoAnswer);
    await engine.generate(shopA, 'content.seo', seoRequest);
    const cached = await engine.generate(shopA, 'content.seo', seoRequest);
    expect(cached.object).toEqual(seoAnswer.json);
    expect(openai.requests).toHaveLength(1);
    await engine.generate(shopA, 'content.seo', seoRequest, { bypassCache: true });
    expect(openai.requests).toHaveLength(2);
    await engine.generate(shopB, 'content.seo', seoRequest);
    expect(openai.requests).toHaveLength(3);

    const outcomes = await database.prisma.aiUsage.findMany({
      orderBy: { createdAt: 'asc' },
      select: { workspaceId: true, outcome: true, costMicroUsd: true },
    });
    expect(outcomes.map((row) => row.outcome)).toEqual(['ok', 'cached', 'ok', 'ok']);
    expect(outcomes[1]?.costMicroUsd).toBe(0n);
    const entries = await database.prisma.aiCacheEntry.findMany({ select: { workspaceId: true, hits: true } });
    expect(entries).toEqual(
      expect.arrayContaining([
        { workspaceId: shopA, hits: 1 },
        { workspaceId: shopB, hits: 0 },
      ]),
    );
  });

  it("uses a workspace's own key, stored encrypted and never shown again", async () => {
    await saveProviderKey(database.prisma, secret, shopA, 'openai', {
      apiKey: 'sk-shop-a-own-key-1234',
      baseURL: `${openai.url}/v1`,
    });
    const stored = await database.prisma.workspace.findUniqueOrThrow({ where: { id: shopA } });
    expect(JSON.stringify(stored.aiCredentials)).not.toContain('sk-shop-a-own-key-1234');
    expect(await describeProviderKeys(database.prisma, shopA)).toEqual({
      gemini: null,
      anthropic: null,
      openai: { hint: 'sk-…1234', baseURL: `${openai.url}/v1` },
    });

    openai.enqueue({ text: ['a'] }, { text: ['b'] });
    const engine = engineFor();
    await engine.generate(shopA, 'content.ads', { messages: [{ role: 'user', content: 'x' }] });
    await engine.generate(shopB, 'content.ads', { messages: [{ role: 'user', content: 'x' }] });
    expect(openai.request(0).headers.authorization).toBe('Bearer sk-shop-a-own-key-1234');
    expect(openai.request(1).headers.authorization).toBe('Bearer instance-key');

    // A ciphertext copied into another workspace's row does not decrypt there.
    await database.prisma.workspace.update({
      where: { id: shopB },
      data: { aiCredentials: stored.aiCredentials ?? {} },
    });
    await expect(
      engine.generate(shopB, 'content.ads', { messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toThrow();
  });

  it("follows the workspace's routing policy, and rejects a malformed one", async () => {
    await saveRoutingPolicy(database.prisma, shopA, { 'content.ads': [{ provider: 'openai', model: 'llama3.1:8b' }] });
    openai.enqueue({ text: ['local'] });
    await engineFor().generate(shopA, 'content.ads', { messages: [{ role: 'user', content: 'x' }] });
    expect(openai.request(0).body.model).toBe('llama3.1:8b');
    const row = await database.prisma.aiUsage.findFirstOrThrow();
    expect(row).toMatchObject({ model: 'llama3.1:8b', costMicroUsd: 0n });

    await expect(saveRoutingPolicy(database.prisma, shopA, { 'content.ads': [] })).rejects.toThrow(
      InvalidAiSettingError,
    );
    await expect(
      saveRoutingPolicy(database.prisma, shopA, { 'content.ads': [{ provider: 'mistral', model: 'x' }] }),
    ).rejects.toThrow(/Invalid routing policy at content\.ads\.0\.provider/);
  });

  it('runs on the offline provider when no key is configured anywhere', async () => {
    const engine = engineFor({ gemini: {}, anthropic: {}, openai: {} });
    const parts = await collectParts(engine.stream(shopA, 'assistant.reply', shopperRequest));
    expect(parts[0]).toMatchObject({ type: 'tool-call', name: 'search_products' });
    const row = await database.prisma.aiUsage.findFirstOrThrow();
    expect(row).toMatchObject({ provider: 'offline', outcome: 'ok', costMicroUsd: 0n });
  });
});
