import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../../app';
import { createApiKey } from '../../../modules/tenancy';
import { createTestStore, type TestStore } from '../../../testing/closer-harness';
import { type ApiTestServer, startApiTestServer } from './api-test-server';
import { contentDraftDetailWireSchema, contentDraftWireSchema, contentRunWireSchema } from './content.wire';

/**
 * /api/v1/content over real HTTP on a real database. The first part runs on
 * the API test server (workspaces A and B, every answer checked against its
 * documented schema) with drafts written as a run would leave them; the second
 * on a whole Closer (jobs and the offline AI provider, as with no key
 * configured) where a run started through the API generates its drafts.
 */
let api: ApiTestServer;
let keyA: string;
let keyB: string;
const drafts: Record<'seo' | 'description' | 'adGoogle' | 'queued' | 'other', string> = {
  seo: '',
  description: '',
  adGoogle: '',
  queued: '',
  other: '',
};
let runA: string;

const seoContent = { title: 'Alpine Rain Jacket, storm-proof', metaDescription: 'Stay dry on every ridge.' };
const descriptionContent = {
  body: 'Seam-sealed and light.\n\nPacks into its pocket.',
  highlights: ['3-layer <shell>'],
};

async function seedDraft(workspaceId: string, data: Partial<Prisma.ContentDraftUncheckedCreateInput>) {
  const draft = await api.prisma.contentDraft.create({
    data: {
      workspaceId,
      kind: 'seo',
      language: 'en',
      status: 'generated',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      promptVersion: 'content-v1',
      costMicroUsd: 352n,
      generatedAt: new Date('2025-03-01T10:00:00.000Z'),
      ...data,
    },
  });
  await api.prisma.contentRevision.create({
    data: {
      workspaceId,
      draftId: draft.id,
      action: 'generated',
      actorType: 'system',
      actorName: 'Content studio',
      toStatus: draft.status,
      after: (data.content ?? undefined) as Prisma.InputJsonValue | undefined,
      model: 'gpt-4.1-mini',
      promptVersion: 'content-v1',
    },
  });
  return draft.id;
}

beforeAll(async () => {
  api = await startApiTestServer();
  keyA = await api.createKey(api.workspaceA, ['content:read', 'content:write']);
  keyB = await api.createKey(api.workspaceB);
  const jacketA = api.productIdsA.get('alpine-rain-jacket');
  const bootsA = api.productIdsA.get('trail-hiking-boots');
  runA = (
    await api.prisma.contentRun.create({
      data: {
        workspaceId: api.workspaceA,
        kinds: ['seo', 'description', 'ad_google'],
        languages: ['en'],
        scope: { type: 'all' },
        status: 'running',
        totalItems: 4,
        doneItems: 3,
        estimatedCostMicroUsd: 1_500n,
        costMicroUsd: 1_056n,
      },
    })
  ).id;
  // Distinct creation times make the expected order plain: the order drafts were seeded in.
  const at = (minute: number) => new Date(`2025-03-01T09:0${minute}:00.000Z`);
  drafts.seo = await seedDraft(api.workspaceA, {
    runId: runA,
    productId: jacketA,
    content: seoContent,
    createdAt: at(1),
  });
  drafts.description = await seedDraft(api.workspaceA, {
    runId: runA,
    productId: jacketA,
    kind: 'description',
    status: 'approved',
    content: descriptionContent,
    reviewedAt: new Date('2025-03-01T11:00:00.000Z'),
    createdAt: at(2),
  });
  drafts.adGoogle = await seedDraft(api.workspaceA, {
    runId: runA,
    productId: bootsA,
    kind: 'ad_google',
    content: { headlines: ['Grip on wet rock', 'Trail boots', 'Shop now'], descriptions: ['Firm.', 'Dry.'] },
    createdAt: at(3),
  });
  drafts.queued = (
    await api.prisma.contentDraft.create({
      data: {
        workspaceId: api.workspaceA,
        runId: runA,
        productId: bootsA,
        kind: 'seo',
        language: 'en',
        createdAt: at(4),
      },
    })
  ).id;
  drafts.other = await seedDraft(api.workspaceB, {
    productId: api.productIdsB.get('alpine-rain-jacket'),
    status: 'approved',
    content: { title: 'Workspace B’s own title', metaDescription: 'Only B may see this.' },
  });
});
afterAll(async () => api?.close());

const csvRows = (text: string): string[][] => parse(text, { relaxColumnCount: false });

describe('GET /api/v1/content/drafts', () => {
  it('pages through the workspace’s drafts once, oldest first, with products, models and costs', async () => {
    const seen: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.call('GET', `/api/v1/content/drafts?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        key: keyA,
      });
      expect(response.status).toBe(200);
      seen.push(...response.body.data);
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen.map((draft) => draft.id)).toEqual([drafts.seo, drafts.description, drafts.adGoogle, drafts.queued]);
    expect(seen[0]).toMatchObject({
      runId: runA,
      product: {
        id: api.productIdsA.get('alpine-rain-jacket'),
        handle: 'alpine-rain-jacket',
        title: 'Alpine Waterproof Rain Jacket',
      },
      kind: 'seo',
      language: 'en',
      status: 'generated',
      content: seoContent,
      model: 'gpt-4.1-mini',
      promptVersion: 'content-v1',
      costMicroUsd: 352,
      createdAt: '2025-03-01T09:01:00.000Z',
      generatedAt: '2025-03-01T10:00:00.000Z',
      reviewedAt: null,
    });
    expect(seen[3]).toMatchObject({ status: 'queued', content: null, costMicroUsd: 0 });
  });

  it('narrows by status, kind, run and product', async () => {
    const ids = async (query: string) =>
      (await api.call('GET', `/api/v1/content/drafts?${query}`, { key: keyA })).body.data.map(
        (draft: { id: string }) => draft.id,
      );
    expect(await ids('status=approved')).toEqual([drafts.description]);
    expect(await ids('kind=seo')).toEqual([drafts.seo, drafts.queued]);
    expect(await ids(`productId=${api.productIdsA.get('trail-hiking-boots')}`)).toEqual([
      drafts.adGoogle,
      drafts.queued,
    ]);
    expect(await ids(`runId=${runA}&kind=ad_google`)).toEqual([drafts.adGoogle]);
    expect(await ids(`runId=${randomUUID()}`)).toEqual([]);
  });
});

describe('GET /api/v1/content/drafts/{id}', () => {
  it('answers the draft with its history', async () => {
    const response = await api.call('GET', `/api/v1/content/drafts/${drafts.description}`, { key: keyA });
    expect(response.status).toBe(200);
    expect(contentDraftDetailWireSchema.parse(response.body)).toBeTruthy();
    expect(response.body).toMatchObject({ id: drafts.description, kind: 'description', status: 'approved' });
    expect(response.body.revisions).toEqual([
      expect.objectContaining({
        action: 'generated',
        actor: { type: 'system', id: null, name: 'Content studio' },
        toStatus: 'approved',
        after: descriptionContent,
        model: 'gpt-4.1-mini',
      }),
    ]);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '1']) {
      const response = await api.call('GET', `/api/v1/content/drafts/${id}`, { key: keyA });
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({ code: 'not_found', message: 'No such draft.' });
    }
  });
});

describe('POST /api/v1/content/drafts/{id}/approve and /reject', () => {
  it('approves as the API key, recorded in the history with its id and name, and refuses a second approval', async () => {
    const { id: keyId, key } = await createApiKey(api.prisma, {
      workspaceId: api.workspaceA,
      name: 'PIM sync',
      scopes: ['content:write'],
    });
    const approved = await api.call('POST', `/api/v1/content/drafts/${drafts.seo}/approve`, { key });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: drafts.seo, status: 'approved' });
    expect(approved.body.reviewedAt).not.toBeNull();
    expect(approved.body.revisions.at(-1)).toMatchObject({
      action: 'approved',
      actor: { type: 'api_key', id: keyId, name: 'PIM sync' },
      fromStatus: 'generated',
      toStatus: 'approved',
    });
    const stored = await api.prisma.contentRevision.findMany({ where: { draftId: drafts.seo, action: 'approved' } });
    expect(stored).toEqual([expect.objectContaining({ actorType: 'api_key', actorId: keyId, actorName: 'PIM sync' })]);

    const again = await api.call('POST', `/api/v1/content/drafts/${drafts.seo}/approve`, { key });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: 'invalid_transition',
      message: 'A draft that is approved cannot be approved.',
    });
  });

  it('rejects, and refuses to decide on a draft that is still queued', async () => {
    const rejected = await api.call('POST', `/api/v1/content/drafts/${drafts.adGoogle}/reject`, { key: keyA });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.revisions.at(-1)).toMatchObject({ action: 'rejected', actor: { type: 'api_key' } });
    const queued = await api.call('POST', `/api/v1/content/drafts/${drafts.queued}/approve`, { key: keyA });
    expect(queued.status).toBe(409);
    expect(queued.body.error.message).toBe('A draft that is queued cannot be approved.');
    expect(await api.prisma.contentDraft.findUnique({ where: { id: drafts.queued } })).toMatchObject({
      status: 'queued',
    });
  });

  it('replays the first answer for a retry with the same Idempotency-Key', async () => {
    const draftId = await seedDraft(api.workspaceA, { kind: 'ad_tiktok', content: { variants: [] } });
    const headers = { 'idempotency-key': `approve-${draftId}` };
    const first = await api.call('POST', `/api/v1/content/drafts/${draftId}/approve`, { key: keyA, headers });
    const retry = await api.call('POST', `/api/v1/content/drafts/${draftId}/approve`, { key: keyA, headers });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.text).toBe(first.text);
    expect(await api.prisma.contentRevision.count({ where: { draftId, action: 'approved' } })).toBe(1);
  });
});

describe('GET /api/v1/content/export', () => {
  it('streams approved content as a generic CSV: one row per draft, the workspace’s only', async () => {
    const response = await api.call('GET', '/api/v1/content/export?format=generic', { key: keyA });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename=closer-content-generic-approved.csv',
    );
    const [header, ...rows] = csvRows(response.text);
    expect(header).toEqual([
      'draft_id',
      'product_handle',
      'product_title',
      'kind',
      'language',
      'status',
      'text',
      'content_json',
    ]);
    const approved = await api.prisma.contentDraft.findMany({
      where: { workspaceId: api.workspaceA, status: 'approved' },
      select: { id: true },
    });
    expect(rows.map((row) => row[0]).sort()).toEqual(approved.map((draft) => draft.id).sort());
    const description = rows.find((row) => row[0] === drafts.description);
    expect(description?.slice(1, 6)).toEqual([
      'alpine-rain-jacket',
      expect.any(String),
      'Product description',
      'en',
      'approved',
    ]);
    expect(JSON.parse(description?.[7] ?? '')).toEqual(descriptionContent);
    expect(response.text).not.toContain('Workspace B');
  });

  it('streams Shopify’s import columns: a product’s description (escaped HTML) and SEO on one row', async () => {
    const response = await api.call('GET', `/api/v1/content/export?format=shopify&runId=${runA}`, { key: keyA });
    expect(response.status).toBe(200);
    const rows = csvRows(response.text);
    expect(rows[0]).toEqual(['Handle', 'Title', 'Body (HTML)', 'SEO Title', 'SEO Description']);
    const jacket = rows.find((row) => row[0] === 'alpine-rain-jacket');
    expect(jacket?.[2]).toBe(
      '<p>Seam-sealed and light.</p>\n<p>Packs into its pocket.</p>\n<ul><li>3-layer &lt;shell&gt;</li></ul>',
    );
    // The SEO draft was approved through the API above.
    expect(jacket?.slice(3)).toEqual([seoContent.title, seoContent.metaDescription]);
    expect(rows).toHaveLength(2);
  });

  it('exports published content on request, and only the header when there is none', async () => {
    const response = await api.call('GET', '/api/v1/content/export?status=published', { key: keyA });
    expect(response.status).toBe(200);
    expect(csvRows(response.text)).toHaveLength(1);
  });

  it('is documented as text/csv', async () => {
    const document = (await api.call('GET', '/api/openapi.json')).body;
    const operation = document.paths['/api/v1/content/export'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/csv']);
    expect(operation.security).toEqual([{ apiKey: ['content:read'] }]);
  });
});

describe('content runs', () => {
  it('reports a run’s progress, with money as micro-dollar integers', async () => {
    const response = await api.call('GET', `/api/v1/content/runs/${runA}`, { key: keyA });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: runA,
      status: 'running',
      kinds: ['seo', 'description', 'ad_google'],
      totalItems: 4,
      doneItems: 3,
      failedItems: 0,
      remainingItems: 1,
      estimatedCostMicroUsd: 1_500,
      costMicroUsd: 1_056,
      finishedAt: null,
    });
  });

  it('cancels a run: its queued drafts are cancelled, and cancelling again changes nothing', async () => {
    const run = await api.prisma.contentRun.create({
      data: { workspaceId: api.workspaceA, kinds: ['seo'], scope: { type: 'all' }, status: 'running', totalItems: 1 },
    });
    const queued = await api.prisma.contentDraft.create({
      data: { workspaceId: api.workspaceA, runId: run.id, kind: 'seo', language: 'en' },
    });
    const cancelled = await api.call('POST', `/api/v1/content/runs/${run.id}/cancel`, { key: keyA });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: run.id, status: 'cancelled', remainingItems: 0 });
    expect(cancelled.body.finishedAt).not.toBeNull();
    expect(await api.prisma.contentDraft.findUnique({ where: { id: queued.id } })).toMatchObject({
      status: 'cancelled',
    });
    const again = await api.call('POST', `/api/v1/content/runs/${run.id}/cancel`, { key: keyA });
    expect(again.status).toBe(200);
    expect(again.body.finishedAt).toBe(cancelled.body.finishedAt);
  });

  it('answers 404 for an unknown or malformed run id', async () => {
    for (const [method, path] of [
      ['GET', `/api/v1/content/runs/${randomUUID()}`],
      ['GET', '/api/v1/content/runs/nope'],
      ['POST', `/api/v1/content/runs/${randomUUID()}/cancel`],
    ] as const) {
      const response = await api.call(method, path, { key: keyA });
      expect(response.status, path).toBe(404);
      expect(response.body.error.message).toBe('No such content run.');
    }
  });

  it('answers 503, not a crash, where the API is mounted without background jobs', async () => {
    const runs = await api.prisma.contentRun.count({ where: { workspaceId: api.workspaceA } });
    const response = await api.call('POST', '/api/v1/content/runs', {
      key: keyA,
      body: { scope: { type: 'all' }, kinds: ['seo'] },
    });
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('unavailable');
    expect(await api.prisma.contentRun.count({ where: { workspaceId: api.workspaceA } })).toBe(runs);
  });
});

describe('scopes', () => {
  it('refuses every content operation to a products-only key, and writes to a read-only key', async () => {
    const productsOnly = await api.createKey(api.workspaceA, ['products:read', 'products:write']);
    const readOnly = await api.createKey(api.workspaceA, ['content:read']);
    const operations: Array<[string, string, string]> = [
      ['GET', '/api/v1/content/drafts', 'content:read'],
      ['GET', `/api/v1/content/drafts/${drafts.description}`, 'content:read'],
      ['GET', '/api/v1/content/export', 'content:read'],
      ['GET', `/api/v1/content/runs/${runA}`, 'content:read'],
      ['POST', `/api/v1/content/drafts/${drafts.adGoogle}/approve`, 'content:write'],
      ['POST', `/api/v1/content/drafts/${drafts.description}/reject`, 'content:write'],
      ['POST', '/api/v1/content/runs', 'content:write'],
      ['POST', `/api/v1/content/runs/${runA}/cancel`, 'content:write'],
    ];
    for (const [method, path, scope] of operations) {
      const keys = scope === 'content:write' ? [productsOnly, readOnly] : [productsOnly];
      for (const key of keys) {
        const response = await api.call(method, path, { key, body: method === 'POST' ? {} : undefined });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(response.body.error).toMatchObject({ code: 'missing_scope', details: { requiredScope: scope } });
      }
    }
    expect(await api.prisma.contentDraft.findUnique({ where: { id: drafts.adGoogle } })).toMatchObject({
      status: 'rejected',
    });
    expect((await api.call('GET', '/api/v1/content/drafts', { key: readOnly })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/content/drafts')).status).toBe(401);
  });
});

describe('a key of workspace B (holding every scope)', () => {
  it('never sees A’s drafts, runs or exports', async () => {
    const listed = await api.call('GET', '/api/v1/content/drafts?limit=100', { key: keyB });
    expect(listed.body.data.map((draft: { id: string }) => draft.id)).toEqual([drafts.other]);
    for (const path of [`/api/v1/content/drafts/${drafts.seo}`, `/api/v1/content/runs/${runA}`]) {
      expect((await api.call('GET', path, { key: keyB })).status, path).toBe(404);
    }
    const filtered = await api.call('GET', `/api/v1/content/drafts?runId=${runA}`, { key: keyB });
    expect(filtered.body.data).toEqual([]);
    const exported = await api.call('GET', '/api/v1/content/export', { key: keyB });
    const ids = csvRows(exported.text)
      .slice(1)
      .map((row) => row[0]);
    expect(ids).toEqual([drafts.other]);
  });

  it('cannot approve, reject or cancel A’s: 404, and nothing changes', async () => {
    const before = await api.prisma.contentRevision.count({ where: { workspaceId: api.workspaceA } });
    for (const path of [
      `/api/v1/content/drafts/${drafts.queued}/approve`,
      `/api/v1/content/drafts/${drafts.description}/reject`,
      `/api/v1/content/runs/${runA}/cancel`,
    ]) {
      const response = await api.call('POST', path, { key: keyB });
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    expect(await api.prisma.contentRevision.count({ where: { workspaceId: api.workspaceA } })).toBe(before);
    expect(await api.prisma.contentDraft.findUnique({ where: { id: drafts.description } })).toMatchObject({
      status: 'approved',
    });
    expect(await api.prisma.contentRun.findUnique({ where: { id: runA } })).toMatchObject({ status: 'running' });
  });
});

describe('bad input', () => {
  it('answers 400 with a message that names the problem', async () => {
    const cases: Array<[string, string, unknown, string | RegExp]> = [
      ['GET', '/api/v1/content/drafts?status=done', undefined, /^status: /],
      ['GET', '/api/v1/content/drafts?kind=poem', undefined, /^kind: /],
      ['GET', '/api/v1/content/drafts?runId=42', undefined, 'runId: runId must be a run id'],
      ['GET', '/api/v1/content/drafts?limit=0', undefined, /^limit: /],
      ['GET', '/api/v1/content/drafts?cursor=not-ours', undefined, /cursor is not one this API gave out/],
      ['GET', '/api/v1/content/export?format=xlsx', undefined, 'format: format must be shopify or generic'],
      ['GET', '/api/v1/content/export?status=rejected', undefined, /^status: /],
      [
        'POST',
        '/api/v1/content/runs',
        { scope: { type: 'all' }, kinds: [] },
        'kinds: choose at least one kind of content',
      ],
      [
        'POST',
        '/api/v1/content/runs',
        { scope: { type: 'all' }, kinds: ['poem'] },
        /^kinds\.0: must be one of description/,
      ],
      [
        'POST',
        '/api/v1/content/runs',
        { scope: { type: 'products', productIds: ['x'] }, kinds: ['seo'] },
        'scope.productIds.0: must be product ids',
      ],
      [
        'POST',
        '/api/v1/content/runs',
        { scope: { type: 'all' }, kinds: ['seo'], language: 'English' },
        /^language: must be a language code/,
      ],
    ];
    for (const [method, path, body, message] of cases) {
      const response = await api.call(method, path, { key: keyA, body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error.message).toMatch(message);
      expect(response.text).not.toMatch(/at .*\.ts:\d+/);
    }
    const malformed = await api.call('POST', '/api/v1/content/runs', { key: keyA, rawBody: '{"scope":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toEqual({ code: 'invalid_json', message: 'The body is not valid JSON.' });
  });
});

describe('a content run through the API on a whole Closer', () => {
  let store: TestStore;
  let closer: Closer;
  let key: string;

  beforeAll(async () => {
    store = await createTestStore({ productCount: 12 });
    closer = await store.start();
    ({ key } = await createApiKey(closer.database.prisma, {
      workspaceId: store.workspaceId,
      name: 'Merchandising bot',
      scopes: ['content:read', 'content:write'],
    }));
  }, 120_000);
  afterAll(async () => store?.drop());

  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${closer.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text.startsWith('{') ? JSON.parse(text) : text,
    };
  };

  it('starts a run (202), which the offline provider completes, then approves and exports its drafts', async () => {
    const products = await closer.database.prisma.product.findMany({
      where: { workspaceId: store.workspaceId, status: 'active' },
      orderBy: { id: 'asc' },
      take: 3,
    });
    const body = {
      scope: { type: 'products', productIds: products.map((product) => product.id) },
      kinds: ['seo', 'description'],
    };
    const headers = { 'idempotency-key': 'first-run' };
    const started = await call('POST', '/api/v1/content/runs', { body, headers });
    expect(started.status).toBe(202);
    const run = contentRunWireSchema.parse(started.body);
    expect(run).toMatchObject({ totalItems: 6, kinds: ['seo', 'description'], languages: ['en'] });
    // A client retrying after a timeout does not start a second run.
    const retried = await call('POST', '/api/v1/content/runs', { body, headers });
    expect(retried.body.id).toBe(run.id);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await closer.database.prisma.contentRun.count({ where: { workspaceId: store.workspaceId } })).toBe(1);

    const deadline = Date.now() + 60_000;
    let progress = run;
    while (progress.status === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      progress = contentRunWireSchema.parse((await call('GET', `/api/v1/content/runs/${run.id}`)).body);
    }
    expect(progress).toMatchObject({ status: 'completed', doneItems: 6, failedItems: 0, remainingItems: 0 });

    const listed = await call('GET', `/api/v1/content/drafts?runId=${run.id}&limit=100`);
    expect(listed.status).toBe(200);
    const generated = listed.body.data.map((draft: unknown) => contentDraftWireSchema.parse(draft));
    expect(generated).toHaveLength(6);
    for (const draft of generated) {
      expect(draft).toMatchObject({ runId: run.id, status: 'generated', provider: 'offline' });
      expect(draft.content).toBeTruthy();
      expect(draft.promptVersion).toBeTruthy();
      expect(products.map((product) => product.handle)).toContain(draft.product?.handle);
    }

    const seo = generated.find((draft: { kind: string }) => draft.kind === 'seo');
    const approved = await call('POST', `/api/v1/content/drafts/${seo.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.revisions.map((revision: { action: string }) => revision.action)).toEqual([
      'generated',
      'approved',
    ]);
    expect(approved.body.revisions[1].actor).toMatchObject({ type: 'api_key', name: 'Merchandising bot' });

    const exported = await call('GET', `/api/v1/content/export?format=generic&runId=${run.id}`);
    expect(exported.status).toBe(200);
    const rows = csvRows(exported.text);
    expect(rows.slice(1).map((row) => row[0])).toEqual([seo.id]);
    expect(rows[1]?.[1]).toBe(seo.product?.handle);
  }, 90_000);
});
