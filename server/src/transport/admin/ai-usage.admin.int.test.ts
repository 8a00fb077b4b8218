import type { PrismaClient } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialsResolver, decryptSecret } from '../../ai';
import { ForbiddenError, type Role } from '../../modules/identity';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import type { AdminActor } from './admin-deps';
import { classifyAdminError } from './admin-errors';
import { createAiUsageAdmin } from './ai-usage.admin';

/**
 * The AI page's actions on a real database: keys are stored encrypted and no
 * admin function ever hands one back; routing and budget input is checked and
 * its mistakes come back field by field; only ai.manage may change anything;
 * one workspace's settings never show up in another's.
 */
const secret = 'test-secret-with-at-least-32-characters!';
const openaiKey = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789WXYZ';
let database: TestDatabase;
let prisma: PrismaClient;
let shopA: string;
let shopB: string;
let userId: string;
const now = () => new Date('2026-11-20T12:00:00Z');
let admin: ReturnType<typeof createAiUsageAdmin>;

const actor = (workspaceId: string, role: Role = 'owner'): AdminActor => ({
  workspaceId,
  userId,
  role,
  displayName: 'Pat',
  ip: '203.0.113.9',
});

/** Everything an admin read returns, as the page would receive it. */
const serialised = (value: unknown) =>
  JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item));

async function expectRejected(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  const failure = classifyAdminError(error);
  if (!failure) throw error;
  return failure;
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  shopA = (await prisma.workspace.create({ data: { name: 'Shop A', slug: 'shop-a' } })).id;
  shopB = (await prisma.workspace.create({ data: { name: 'Shop B', slug: 'shop-b' } })).id;
  userId = (await prisma.user.create({ data: { email: 'pat@shop.example' } })).id;
  admin = createAiUsageAdmin({ prisma, secret, aiProviders: ['gemini'] }, now);
});
afterAll(async () => database.drop());

describe('provider keys', () => {
  it('stores a key encrypted for its workspace, and the engine reads it back', async () => {
    await admin.saveProviderKey(actor(shopA), { provider: 'openai', apiKey: `  ${openaiKey} `, baseURL: '' });
    const stored = await prisma.workspace.findUniqueOrThrow({ where: { id: shopA }, select: { aiCredentials: true } });
    const ciphertext = (stored.aiCredentials as { openai: { key: string } }).openai.key;
    expect(ciphertext).toMatch(/^v1:/);
    expect(serialised(stored)).not.toContain(openaiKey);
    expect(serialised(stored)).not.toContain(openaiKey.slice(8, 40));
    expect(decryptSecret(ciphertext, secret, shopA)).toBe(openaiKey);
    // Bound to the workspace: the same ciphertext does not open under another workspace's id.
    expect(() => decryptSecret(ciphertext, secret, shopB)).toThrow();
    const credentials = await createCredentialsResolver(prisma, secret, {})(shopA);
    expect(credentials.openai?.apiKey).toBe(openaiKey);
  });

  it('never returns the key through any admin function, only its last four characters', async () => {
    const saved = await admin.saveProviderKey(actor(shopA), { provider: 'openai', apiKey: openaiKey });
    const overview = await admin.getOverview(actor(shopA), { range: '30d' });
    const audit = await prisma.auditLog.findMany({ where: { workspaceId: shopA } });
    for (const output of [saved, overview, audit]) {
      expect(serialised(output)).not.toContain(openaiKey);
      expect(serialised(output)).not.toContain(openaiKey.slice(0, 12));
    }
    expect(overview.settings.providers).toEqual([
      { provider: 'gemini', instanceKey: true, workspaceKey: null },
      { provider: 'anthropic', instanceKey: false, workspaceKey: null },
      { provider: 'openai', instanceKey: false, workspaceKey: { lastFour: 'WXYZ', baseUrlHost: null } },
    ]);
    expect(overview.settings.offline).toBe(false);
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.ip, entry.data])).toContainEqual([
      'ai.key.saved',
      userId,
      '203.0.113.9',
      { provider: 'openai', baseUrlHost: null },
    ]);
  });

  it('refuses short keys and private base URLs with a message on the field', async () => {
    const short = await expectRejected(admin.saveProviderKey(actor(shopA), { provider: 'anthropic', apiKey: 'sk-1' }));
    expect(short).toMatchObject({ status: 400, fieldErrors: { apiKey: expect.stringMatching(/too short/) } });
    const metadata = await expectRejected(
      admin.saveProviderKey(actor(shopA), {
        provider: 'openai',
        apiKey: openaiKey,
        baseURL: 'http://169.254.169.254/latest/meta-data',
      }),
    );
    expect(metadata).toMatchObject({ status: 400, fieldErrors: { baseURL: expect.stringMatching(/public https/) } });
    const vendor = await expectRejected(
      admin.saveProviderKey(actor(shopA), { provider: 'mistral', apiKey: openaiKey }),
    );
    expect(vendor.fieldErrors).toHaveProperty('provider');
  });

  it('keeps workspaces apart, and removing a key removes only that workspace’s', async () => {
    await admin.saveProviderKey(actor(shopB), {
      provider: 'anthropic',
      apiKey: 'sk-ant-api03-bbbbbbbbbbbbbbbbbbbbbbbb1234',
    });
    const a = await admin.getOverview(actor(shopA), { range: '7d' });
    const b = await admin.getOverview(actor(shopB), { range: '7d' });
    expect(a.settings.providers.find((provider) => provider.provider === 'anthropic')?.workspaceKey).toBeNull();
    expect(b.settings.providers.find((provider) => provider.provider === 'openai')?.workspaceKey).toBeNull();
    expect(b.settings.providers.find((provider) => provider.provider === 'anthropic')?.workspaceKey).toEqual({
      lastFour: '1234',
      baseUrlHost: null,
    });
    await admin.removeProviderKey(actor(shopB), { provider: 'openai' });
    expect((await createCredentialsResolver(prisma, secret, {})(shopA)).openai?.apiKey).toBe(openaiKey);
    await admin.removeProviderKey(actor(shopB), { provider: 'anthropic' });
    expect(await createCredentialsResolver(prisma, secret, {})(shopB)).toEqual({});
  });
});

describe('offline mode', () => {
  it('is per workspace: the instance’s keys count for everyone, a workspace’s own keys only for it', async () => {
    const keyless = createAiUsageAdmin({ prisma, secret, aiProviders: [] }, now);
    const fresh = (await prisma.workspace.create({ data: { name: 'Shop C', slug: 'shop-c' } })).id;
    expect(await keyless.isOffline(actor(fresh))).toBe(true);
    expect(await keyless.isOffline(actor(shopA))).toBe(false); // shop A saved an OpenAI key above
    expect(await admin.isOffline(actor(fresh))).toBe(false); // this instance has a Gemini key
    await keyless.saveProviderKey(actor(fresh), { provider: 'gemini', apiKey: 'AIzaSyEEEEEEEEEEEEEEEEEEEEEEEEEEEEE' });
    expect(await keyless.isOffline(actor(fresh))).toBe(false);
    expect((await keyless.getOverview(actor(fresh), { range: '7d' })).settings.offline).toBe(false);
  });
});

describe('routing policy', () => {
  it('shows the default policy until a task is changed, and goes back to it on reset', async () => {
    const before = await admin.getOverview(actor(shopA), { range: '7d' });
    const seo = before.settings.routes.find((route) => route.task === 'content.seo');
    expect(seo).toMatchObject({ custom: false });
    expect(seo?.choices).toEqual(seo?.defaultChoices);

    await admin.saveTaskRoute(actor(shopA), {
      task: 'content.seo',
      choices: ['anthropic:claude-haiku-4-5', 'gemini:gemini-2.5-flash'],
    });
    const changed = (await admin.getOverview(actor(shopA), { range: '7d' })).settings.routes;
    expect(changed.find((route) => route.task === 'content.seo')).toMatchObject({
      custom: true,
      choices: [
        { provider: 'anthropic', model: 'claude-haiku-4-5' },
        { provider: 'gemini', model: 'gemini-2.5-flash' },
      ],
    });
    expect(changed.find((route) => route.task === 'assistant.reply')?.custom).toBe(false);

    await admin.resetTaskRoute(actor(shopA), { task: 'content.seo' });
    const reset = (await admin.getOverview(actor(shopA), { range: '7d' })).settings.routes;
    expect(reset.find((route) => route.task === 'content.seo')?.custom).toBe(false);
    const actions = (await prisma.auditLog.findMany({ where: { workspaceId: shopA }, orderBy: { createdAt: 'asc' } }))
      .map((entry) => entry.action)
      .filter((action) => action.startsWith('ai.routing'));
    expect(actions).toEqual(['ai.routing.changed', 'ai.routing.reset']);
  });

  it('names the choice that is wrong, and changes nothing', async () => {
    const failure = await expectRejected(
      admin.saveTaskRoute(actor(shopA), {
        task: 'content.ads',
        choices: ['gemini:gemini-2.5-flash', 'anthropic:gpt-4.1'],
      }),
    );
    expect(failure).toMatchObject({
      status: 400,
      fieldErrors: { 'choices.1': '"gpt-4.1" is not one of the Anthropic models Closer knows the price of.' },
    });
    const task = await expectRejected(
      admin.saveTaskRoute(actor(shopA), { task: 'poetry', choices: ['offline:offline'] }),
    );
    expect(task.fieldErrors).toHaveProperty('task');
    const stored = await prisma.workspace.findUniqueOrThrow({
      where: { id: shopA },
      select: { aiRoutingPolicy: true },
    });
    expect(stored.aiRoutingPolicy).toEqual({});
  });

  it('lets a workspace on an OpenAI-compatible server name its own model', async () => {
    await admin.saveProviderKey(actor(shopB), {
      provider: 'openai',
      apiKey: 'gsk_cccccccccccccccccccccccccccccc9876',
      baseURL: 'https://api.groq.com/openai/v1',
    });
    await admin.saveTaskRoute(actor(shopB), { task: 'content.seo', choices: ['openai:llama-3.1-8b-instant'] });
    const b = (await admin.getOverview(actor(shopB), { range: '7d' })).settings;
    expect(b.openaiCompatible).toBe(true);
    expect(b.providers.find((provider) => provider.provider === 'openai')?.workspaceKey).toEqual({
      lastFour: '9876',
      baseUrlHost: 'api.groq.com',
    });
    // Shop A has no such server: the same model is refused there.
    const refused = await expectRejected(
      admin.saveTaskRoute(actor(shopA), { task: 'content.seo', choices: ['openai:llama-3.1-8b-instant'] }),
    );
    expect(refused.status).toBe(400);
  });
});

describe('monthly budget', () => {
  it('saves dollars as micro-dollars and shows this month’s spend against it', async () => {
    await prisma.aiUsage.create({
      data: {
        workspaceId: shopA,
        task: 'assistant.reply',
        provider: 'gemini',
        model: 'gemini-2.5-flash',
        costMicroUsd: 10_500_000n,
        latencyMs: 300,
        outcome: 'ok',
        createdAt: new Date('2026-11-03T10:00:00Z'),
      },
    });
    // Last month's spend does not count against this month's budget.
    await prisma.aiUsage.create({
      data: {
        workspaceId: shopA,
        task: 'assistant.reply',
        provider: 'gemini',
        model: 'gemini-2.5-flash',
        costMicroUsd: 99_000_000n,
        latencyMs: 300,
        outcome: 'ok',
        createdAt: new Date('2026-10-30T10:00:00Z'),
      },
    });
    const saved = await admin.saveBudget(actor(shopA), { monthlyBudgetUsd: '12.50', onExceeded: 'handoff' });
    expect(saved).toEqual({ monthlyBudgetMicroUsd: 12_500_000, onExceeded: 'handoff' });
    const { budget } = (await admin.getOverview(actor(shopA), { range: '30d' })).settings;
    expect(budget).toEqual({
      monthlyBudgetMicroUsd: 12_500_000,
      onExceeded: 'handoff',
      spentThisMonthMicroUsd: 10_500_000,
      monthStart: '2026-11-01',
      state: 'warning',
    });
    await admin.saveBudget(actor(shopA), { monthlyBudgetUsd: '', onExceeded: 'offline' });
    const unlimited = (await admin.getOverview(actor(shopA), { range: '30d' })).settings.budget;
    expect(unlimited).toMatchObject({ monthlyBudgetMicroUsd: null, onExceeded: 'offline', state: 'ok' });
    // Shop B's budget never moved.
    expect((await admin.getOverview(actor(shopB), { range: '30d' })).settings.budget).toMatchObject({
      monthlyBudgetMicroUsd: null,
      spentThisMonthMicroUsd: 0,
    });
  });

  it('explains a budget it cannot read', async () => {
    const failure = await expectRejected(
      admin.saveBudget(actor(shopA), { monthlyBudgetUsd: 'twelve', onExceeded: 'offline' }),
    );
    expect(failure).toMatchObject({ status: 400, fieldErrors: { monthlyBudgetUsd: expect.stringMatching(/dollars/) } });
  });
});

describe('permissions', () => {
  it('lets viewers and agents read but change nothing', async () => {
    for (const role of ['viewer', 'agent'] as const) {
      const overview = await admin.getOverview(actor(shopA, role), { range: '7d' });
      expect(overview.settings.routes).toHaveLength(9);
      const attempts = [
        admin.saveProviderKey(actor(shopA, role), {
          provider: 'gemini',
          apiKey: 'AIzaSyDDDDDDDDDDDDDDDDDDDDDDDDDDDDD',
        }),
        admin.removeProviderKey(actor(shopA, role), { provider: 'openai' }),
        admin.saveTaskRoute(actor(shopA, role), { task: 'content.seo', choices: ['offline:offline'] }),
        admin.resetTaskRoute(actor(shopA, role), { task: 'content.seo' }),
        admin.saveBudget(actor(shopA, role), { monthlyBudgetUsd: '1', onExceeded: 'offline' }),
      ];
      for (const attempt of attempts) {
        await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
    const credentials = await createCredentialsResolver(prisma, secret, {})(shopA);
    expect(Object.keys(credentials)).toEqual(['openai']);
    const stored = await prisma.workspace.findUniqueOrThrow({ where: { id: shopA } });
    expect(stored.aiMonthlyBudgetMicroUsd).toBeNull();
  });
});
