import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, type FakeServerOptions, startFakeOpenAi } from '../../ai/testing';
import type { Closer } from '../../app';
import { createTestStore, type TestStore } from '../../testing/closer-harness';
import {
  type ContentActor,
  cancelContentRun,
  findRunProgress,
  finishDraft,
  PROMPT_VERSION,
  type RunProgress,
  startContentRun,
} from '.';
import { productTitle, schemaName, validReply } from './content.fixtures';

/**
 * Content runs end to end: the real server's job workers, the real OpenAI SDK
 * against a fake OpenAI server, real PostgreSQL. Each test gets its own run
 * over the demo store's products.
 */
let store: TestStore;
let closer: Closer;
let fake: FakeServer;
const vendor: FakeServerOptions = { respond: (body) => behaviour(body), recordLimit: 200 };
/** Per-test behaviour of the fake vendor, keyed by the product title in the prompt. */
let behaviour: (body: unknown) => ReturnType<typeof validReply> = (body) => validReply(body);

const actor = (): ContentActor => ({ workspaceId: store.workspaceId, type: 'user', id: null, name: 'Test' });

async function waitForRun(runId: string, until: (run: RunProgress) => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = (await findRunProgress(closer.database.prisma, store.workspaceId, runId)) as RunProgress;
    if (until(run)) return run;
    if (Date.now() > deadline)
      throw new Error(
        `run ${runId} did not get there: ${JSON.stringify(run, (_key, value) => (typeof value === 'bigint' ? Number(value) : value))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function productIds(count: number, skip = 0): Promise<string[]> {
  const rows = await closer.database.prisma.product.findMany({
    where: { workspaceId: store.workspaceId, status: { not: 'archived' } },
    select: { id: true },
    orderBy: { id: 'asc' },
    skip,
    take: count,
  });
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  fake = await startFakeOpenAi(vendor);
  store = await createTestStore({ productCount: 560 });
  closer = await store.start({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    CLOSER_CONTENT_PROVIDER_LIMITS: 'openai=40/8',
  });
}, 180_000);

afterAll(async () => {
  await store?.drop();
  await fake?.close();
});

describe('content runs', () => {
  it('generates every draft of a 500-product run once, with the right counts and cost', async () => {
    behaviour = (body) => validReply(body);
    const ids = await productIds(500);
    const started = await startContentRun({ ...closer, prisma: closer.database.prisma }, actor(), {
      scope: { type: 'products', productIds: ids },
      kinds: ['seo'],
      fresh: true,
    });
    expect(started.totalItems).toBe(500);
    expect(started.estimatedCostMicroUsd).toBeGreaterThan(0n);
    const run = await waitForRun(started.id, (progress) => progress.status !== 'running');
    expect(run).toMatchObject({ status: 'completed', doneItems: 500, failedItems: 0, remainingItems: 0 });
    // gpt-4.1-mini at $0.40/M input and $1.60/M output: 400 + 120 tokens is 352 micro-dollars a draft.
    expect(run.costMicroUsd).toBe(500n * 352n);
    const prisma = closer.database.prisma;
    const drafts = await prisma.contentDraft.groupBy({ by: ['status'], where: { runId: run.id }, _count: true });
    expect(drafts).toEqual([{ status: 'generated', _count: 500 }]);
    const revisions = await prisma.contentRevision.count({ where: { draft: { runId: run.id }, action: 'generated' } });
    expect(revisions).toBe(500);

    // One draft as stored: its revision names the model and prompt version, and its prompt described
    // the product with its first variants and their prices.
    const [recorded] = fake.requests;
    const sample = await prisma.contentDraft.findFirstOrThrow({
      where: { runId: run.id, product: { title: productTitle(recorded?.body) } },
      include: { revisions: true, product: { include: { variants: { orderBy: { position: 'asc' } } } } },
    });
    expect(sample.revisions).toEqual([
      expect.objectContaining({
        action: 'generated',
        actorType: 'system',
        fromStatus: 'queued',
        toStatus: 'generated',
        after: sample.content,
        provider: 'openai',
        model: sample.model,
        promptVersion: PROMPT_VERSION,
      }),
    ]);
    const [variant] = sample.product?.variants ?? [];
    expect(variant).toBeDefined();
    expect(JSON.stringify(recorded?.body)).toContain(
      `${((variant?.priceCents ?? 0) / 100).toFixed(2)} ${sample.product?.currency}`,
    );

    // A result stored again (a job handed out twice) changes nothing and is not counted.
    const again = await finishDraft(
      { prisma },
      { workspaceId: store.workspaceId, runId: run.id, draftId: sample.id },
      {
        status: 'failed',
        error: 'late duplicate',
        attempts: 1,
      },
    );
    expect(again).toBe('skipped');
    expect(await findRunProgress(prisma, store.workspaceId, run.id)).toMatchObject({ doneItems: 500, failedItems: 0 });
    expect(await prisma.contentRevision.count({ where: { draftId: sample.id } })).toBe(1);
  }, 120_000);

  it('honours a vendor rate limit: 429s are waited out and no draft fails', async () => {
    behaviour = (body) => validReply(body);
    // The vendor allows a quarter of the pace we are configured for: it must refuse calls, and we must cope.
    vendor.rateLimitPerSecond = 10;
    const before = fake.rateLimited();
    try {
      const started = await startContentRun({ ...closer, prisma: closer.database.prisma }, actor(), {
        scope: { type: 'products', productIds: await productIds(100) },
        kinds: ['ad_google'],
        fresh: true,
      });
      const run = await waitForRun(started.id, (progress) => progress.status !== 'running', 120_000);
      expect(run).toMatchObject({ status: 'completed', doneItems: 100, failedItems: 0 });
      expect(fake.rateLimited() - before).toBeGreaterThan(0);
    } finally {
      vendor.rateLimitPerSecond = undefined;
    }
  }, 150_000);

  it('retries output that breaks the schema, then fails the draft with the reason', async () => {
    const ids = await productIds(3, 300);
    const products = await closer.database.prisma.product.findMany({
      where: { id: { in: ids } },
      orderBy: { id: 'asc' },
    });
    const [alwaysBad, badOnce] = products.map((product) => product.title);
    let badOnceServed = false;
    behaviour = (body) => {
      const title = productTitle(body);
      if (schemaName(body) === 'content_seo' && title === alwaysBad) {
        return { json: { title: 'x'.repeat(90), metaDescription: 'Too long a title' } };
      }
      if (title === badOnce && !badOnceServed) {
        badOnceServed = true;
        return { text: ['not json at all'] };
      }
      return validReply(body);
    };
    const started = await startContentRun({ ...closer, prisma: closer.database.prisma }, actor(), {
      scope: { type: 'products', productIds: ids },
      kinds: ['seo'],
      fresh: true,
    });
    const run = await waitForRun(started.id, (progress) => progress.status !== 'running');
    expect(run).toMatchObject({ status: 'completed', doneItems: 2, failedItems: 1 });
    const drafts = await closer.database.prisma.contentDraft.findMany({
      where: { runId: run.id },
      include: { product: true, revisions: true },
    });
    const failed = drafts.find((draft) => draft.product?.title === alwaysBad);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed?.error).toMatch(/title: at most 60 characters.*after 3 attempts/);
    expect(failed?.revisions.map((revision) => revision.action)).toEqual(['generation_failed']);
    const recovered = drafts.find((draft) => draft.product?.title === badOnce);
    expect(recovered).toMatchObject({ status: 'generated', attempts: 2 });
  });

  it('stops calling the model once a run is cancelled', async () => {
    behaviour = (body) => validReply(body, { eventDelayMs: 40 });
    const started = await startContentRun({ ...closer, prisma: closer.database.prisma }, actor(), {
      scope: { type: 'products', productIds: await productIds(300, 200) },
      kinds: ['description'],
      fresh: true,
    });
    await waitForRun(started.id, (progress) => progress.doneItems >= 10);
    const cancelled = await cancelContentRun({ prisma: closer.database.prisma }, store.workspaceId, started.id);
    expect(cancelled.status).toBe('cancelled');
    // Calls already under way may finish; after that the vendor hears nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const settled = fake.received();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(fake.received()).toBe(settled);
    const prisma = closer.database.prisma;
    const counts = await prisma.contentDraft.groupBy({ by: ['status'], where: { runId: started.id }, _count: true });
    const byStatus = Object.fromEntries(counts.map((row) => [row.status, row._count]));
    expect(byStatus.cancelled ?? 0).toBeGreaterThan(200);
    expect(byStatus).toEqual({ generated: expect.any(Number), cancelled: expect.any(Number) });
    const final = await findRunProgress(prisma, store.workspaceId, started.id);
    expect(final).toMatchObject({ status: 'cancelled', remainingItems: 0 });
  });
});
