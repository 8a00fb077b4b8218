import type { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceAiEngine } from '../../ai';
import {
  type ContentActor,
  decideDrafts,
  defaultProviderLimits,
  editDraft,
  requestPublish,
} from '../../modules/content';
import { createShopifyAdminApi, isPermanentPublishFailure, publishProductContent } from '../../modules/shopify';
import {
  type FakeAdminGraphql,
  fakeApiCredentials,
  startFakeAdminGraphql,
} from '../../modules/shopify/testing/fake-admin-graphql.server';
import { fakeProduct } from '../../modules/shopify/testing/fake-shop.fixtures';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { registerContentJobs } from './content.jobs';

/**
 * Publishing approved content to Shopify end to end: the review service, the
 * real `content.publish` workers on pg-boss, the real Admin API client
 * against the fake Shopify. Each product's result lands on its own drafts
 * and in their history.
 */
const log = createLogger({ level: 'silent' });
const shop = 'publish-shop.myshopify.com';
let database: TestDatabase;
let fake: FakeAdminGraphql;
let jobs: Jobs;
let actor: ContentActor;
const products: Record<'tent' | 'stove', string> = { tent: '', stove: '' };

async function seedDraft(productId: string, kind: 'seo' | 'description', content: Record<string, unknown>) {
  const draft = await database.prisma.contentDraft.create({
    data: {
      workspaceId: actor.workspaceId,
      productId,
      kind,
      language: 'en',
      status: 'generated',
      content: content as Prisma.InputJsonObject,
      provider: 'openai',
      model: 'gpt-4.1-mini',
      promptVersion: 'test-1',
    },
  });
  return draft.id;
}

async function waitForDrafts(ids: string[], settled: (draft: { status: string; error: string | null }) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const drafts = await database.prisma.contentDraft.findMany({ where: { id: { in: ids } } });
    if (drafts.every(settled)) return drafts;
    if (Date.now() > deadline) throw new Error(`drafts did not settle: ${JSON.stringify(drafts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function historyOf(draftId: string) {
  const revisions = await database.prisma.contentRevision.findMany({
    where: { draftId },
    orderBy: { createdAt: 'asc' },
  });
  return revisions.map((revision) => ({
    action: revision.action,
    from: revision.fromStatus,
    to: revision.toStatus,
    by: revision.actorName,
    note: revision.note,
  }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  fake = await startFakeAdminGraphql({
    [shop]: { accessToken: 'shpat_publish', products: [fakeProduct(1), fakeProduct(2)], orders: [] },
  });
  const workspace = await prisma.workspace.create({
    data: { name: 'Publish shop', slug: 'publish', shopDomain: shop },
  });
  await prisma.shopifySession.create({
    data: { id: `offline_${shop}`, shop, state: '', accessToken: 'shpat_publish' },
  });
  products.tent = (
    await prisma.product.create({
      data: { workspaceId: workspace.id, handle: 'tent', title: 'Tent', externalId: 'gid://shopify/Product/1001' },
    })
  ).id;
  products.stove = (
    await prisma.product.create({
      data: { workspaceId: workspace.id, handle: 'stove', title: 'Stove', externalId: 'gid://shopify/Product/1002' },
    })
  ).id;
  actor = { workspaceId: workspace.id, type: 'user', id: null, name: 'Olive Owner' };

  jobs = await startJobs({ databaseUrl: database.url, log });
  const adminApi = createShopifyAdminApi({ ...fakeApiCredentials, fetch: fake.fetch }, { prisma, log });
  await registerContentJobs({
    jobs,
    prisma,
    ai: createWorkspaceAiEngine({
      prisma,
      secret: 'test-secret-0123456789abcdef0123456789',
      providers: { gemini: {}, anthropic: {}, openai: {} },
      log,
    }),
    log,
    providerLimits: defaultProviderLimits,
    publish: {
      publishProductContent: (workspaceId, productId, update) =>
        publishProductContent({ prisma, adminApi }, workspaceId, productId, update),
      isPermanentFailure: isPermanentPublishFailure,
    },
  });
}, 60_000);

afterAll(async () => {
  await jobs?.stop(1_000);
  await fake?.close();
  await database?.drop();
});

describe('publishing approved content to Shopify', () => {
  it('writes each product once, and the history shows edit, approval and publishing', async () => {
    const description = await seedDraft(products.tent, 'description', {
      body: 'A light tent for two.',
      highlights: ['Two doors'],
    });
    const seo = await seedDraft(products.tent, 'seo', {
      title: 'Trailhead 2 Tent',
      metaDescription: 'Two people, three seasons.',
    });
    await editDraft(database.prisma, actor, seo, { title: 'Trailhead Tent for Two', metaDescription: 'Two people.' });
    await decideDrafts(database.prisma, actor, 'approve', [description, seo]);
    expect(await requestPublish({ prisma: database.prisma, jobs }, actor, { draftIds: [description, seo] })).toEqual({
      products: 1,
      skipped: 0,
    });

    await waitForDrafts([description, seo], (draft) => draft.status === 'published');
    expect(fake.productUpdates).toHaveLength(1);
    expect(fake.productUpdates[0]?.input).toMatchObject({
      id: 'gid://shopify/Product/1001',
      descriptionHtml: expect.stringContaining('A light tent for two.'),
      seo: { title: 'Trailhead Tent for Two', description: 'Two people.' },
    });
    expect(await historyOf(seo)).toEqual([
      { action: 'edited', from: 'generated', to: 'in_review', by: 'Olive Owner', note: null },
      { action: 'approved', from: 'in_review', to: 'approved', by: 'Olive Owner', note: null },
      {
        action: 'published',
        from: 'approved',
        to: 'published',
        by: 'Olive Owner',
        note: 'Written to Shopify product gid://shopify/Product/1001',
      },
    ]);
  });

  it('records Shopify’s refusal on the drafts, which stay approved, and rejects stay unpublished', async () => {
    fake.productUpdateErrors.set('gid://shopify/Product/1002', [
      { field: ['seo', 'title'], message: 'SEO title is too long (maximum is 70 characters)' },
    ]);
    const refused = await seedDraft(products.stove, 'seo', { title: 'Camp stove', metaDescription: 'Boils fast.' });
    const rejected = await seedDraft(products.stove, 'description', { body: 'A stove.', highlights: [] });
    await decideDrafts(database.prisma, actor, 'approve', [refused]);
    await decideDrafts(database.prisma, actor, 'reject', [rejected], { note: 'Too short' });
    const before = fake.productUpdates.length;
    expect(await requestPublish({ prisma: database.prisma, jobs }, actor, { draftIds: [refused, rejected] })).toEqual({
      products: 1,
      skipped: 1,
    });

    const [draft] = await waitForDrafts([refused], (row) => row.error !== null);
    expect(draft).toMatchObject({
      status: 'approved',
      error: expect.stringContaining('SEO title is too long (maximum is 70 characters)'),
    });
    expect((await historyOf(refused)).map((row) => row.action)).toEqual(['approved', 'publish_failed']);
    expect(await historyOf(rejected)).toEqual([
      { action: 'rejected', from: 'generated', to: 'rejected', by: 'Olive Owner', note: 'Too short' },
    ]);
    // The refused call was made once: a refusal is not retried.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(fake.productUpdates.length - before).toBe(1);
  });
});
