import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestServer, startApiTestServer } from './api-test-server';

/** /api/v1/products over real HTTP on a real database. */
let api: ApiTestServer;
let key: string;

beforeAll(async () => {
  api = await startApiTestServer();
  key = await api.createKey(api.workspaceA, ['products:read', 'products:write']);
});
afterAll(async () => api.close());

const newProduct = (suffix: string) => ({
  externalId: `ext-${suffix}`,
  title: `Trail Runner ${suffix}`,
  description: 'A light shoe for rocky trails.',
  category: 'Footwear',
  tags: ['running'],
  variants: [
    { sku: `TR-${suffix}-42`, title: '42', options: { Size: '42' }, priceCents: 11900, inventory: 4 },
    { sku: `TR-${suffix}-43`, title: '43', options: { Size: '43' }, priceCents: 12900, inventory: 0 },
  ],
});

describe('GET /api/v1/products', () => {
  it('pages through every product once, in (createdAt, id) order, with no duplicates or gaps', async () => {
    const expected = await api.prisma.product.findMany({
      where: { workspaceId: api.workspaceA },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const response = await api.call('GET', `/api/v1/products${query}`, { key });
      expect(response.status).toBe(200);
      expect(response.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...response.body.data.map((product: { id: string }) => product.id));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(expected.map((product) => product.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps the order stable when rows share a createdAt, and a row added mid-way lands after the pages read', async () => {
    const sameTime = new Date('2020-01-01T00:00:00.000Z');
    const tied = await Promise.all(
      [1, 2, 3, 4, 5].map((index) =>
        api.prisma.product.create({
          data: { workspaceId: api.workspaceB, handle: `tied-${index}`, title: `Tied ${index}`, createdAt: sameTime },
        }),
      ),
    );
    const keyB = await api.createKey(api.workspaceB, ['products:read']);
    const first = await api.call('GET', '/api/v1/products?limit=2', { key: keyB });
    await api.prisma.product.create({ data: { workspaceId: api.workspaceB, handle: 'late', title: 'Late arrival' } });
    const ids = first.body.data.map((product: { id: string }) => product.id);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await api.call('GET', `/api/v1/products?limit=2&cursor=${cursor}`, { key: keyB });
      ids.push(...page.body.data.map((product: { id: string }) => product.id));
      cursor = page.body.nextCursor;
    }
    const tiedIds = tied.map((product) => product.id).sort();
    expect(ids.slice(0, 5)).toEqual(tiedIds);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(await api.prisma.product.count({ where: { workspaceId: api.workspaceB } }));
  });

  it('narrows by q (words, part of a title, exact SKU) and by status', async () => {
    const words = await api.call('GET', '/api/v1/products?q=waterproof%20jacket', { key });
    expect(words.status).toBe(200);
    expect(words.body.data.map((product: { handle: string }) => product.handle)).toContain('alpine-rain-jacket');
    const partial = await api.call('GET', '/api/v1/products?q=Alpi', { key });
    expect(partial.body.data.map((product: { handle: string }) => product.handle)).toEqual(['alpine-rain-jacket']);
    const drafts = await api.call('GET', '/api/v1/products?status=draft', { key });
    expect(drafts.body.data.length).toBeGreaterThan(0);
    expect(drafts.body.data.every((product: { status: string }) => product.status === 'draft')).toBe(true);
    const wildcard = await api.call('GET', '/api/v1/products?q=%25', { key });
    expect(wildcard.body.data).toEqual([]);
  });

  it('rejects a bad limit or a forged cursor with 400 and a consistent error body', async () => {
    const tooMany = await api.call('GET', '/api/v1/products?limit=101', { key });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'invalid_request' });
    expect(tooMany.body.error.details[0].path).toBe('limit');
    const forged = await api.call('GET', '/api/v1/products?cursor=bm90LWEtY3Vyc29y', { key });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('invalid_cursor');
  });
});

describe('GET /api/v1/products/:id', () => {
  it('returns a product with its variants, drafts included, and 404 for unknown or malformed ids', async () => {
    const id = api.productIdsA.get('alpine-rain-jacket') as string;
    const found = await api.call('GET', `/api/v1/products/${id}`, { key });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id, handle: 'alpine-rain-jacket', minPriceCents: 12900 });
    expect(found.body.variants.map((variant: { title: string }) => variant.title)).toEqual(['M', 'L']);
    const draft = await api.call('GET', `/api/v1/products/${api.productIdsA.get('prototype-storm-jacket')}`, { key });
    expect(draft.body.status).toBe('draft');
    for (const missing of ['00000000-0000-7000-8000-000000000000', 'not-a-uuid', "'%20OR%201=1"]) {
      const response = await api.call('GET', `/api/v1/products/${missing}`, { key });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'not_found', message: 'No such product.' } });
    }
  });
});

describe('POST /api/v1/products', () => {
  it('creates a product, deriving a free handle and the workspace currency', async () => {
    const created = await api.call('POST', '/api/v1/products', { key, body: newProduct('a1') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      externalId: 'ext-a1',
      handle: 'trail-runner-a1',
      currency: 'USD',
      status: 'active',
      minPriceCents: 11900,
    });
    const again = await api.call('POST', '/api/v1/products', {
      key,
      body: { ...newProduct('a1'), externalId: 'ext-a1b' },
    });
    expect(again.status).toBe(201);
    expect(again.body.handle).toBe('trail-runner-a1-2');
    const minimal = await api.call('POST', '/api/v1/products', {
      key,
      body: { title: 'Minimal', variants: [{ priceCents: 500 }] },
    });
    expect(minimal.body).toMatchObject({ handle: 'minimal', externalId: null, description: '', tags: [] });
    expect(minimal.body.variants).toMatchObject([{ title: 'Default', options: {}, sku: null, inventory: null }]);
    // The assistant's search finds it: the search vector trigger ran.
    const search = await api.call('GET', '/api/v1/products?q=rocky%20trails', { key });
    expect(search.body.data.map((product: { id: string }) => product.id)).toContain(created.body.id);
  });

  it('answers 409 for a taken externalId or handle, and 400 with every problem for an invalid body', async () => {
    const taken = await api.call('POST', '/api/v1/products', {
      key,
      body: { ...newProduct('a2'), externalId: 'ext-a1' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'conflict', details: { field: 'externalId' } });
    const handle = await api.call('POST', '/api/v1/products', {
      key,
      body: { ...newProduct('a3'), handle: 'alpine-rain-jacket' },
    });
    expect(handle.status).toBe(409);
    expect(handle.body.error.details.field).toBe('handle');
    const invalid = await api.call('POST', '/api/v1/products', {
      key,
      body: { title: '', variants: [{ priceCents: -1 }], colour: 'red' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_request');
    const paths = invalid.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'variants.0.priceCents']));
    expect(JSON.stringify(invalid.body)).not.toMatch(/at .*\.ts/);
  });

  it('refuses malformed JSON, a non-JSON body and a body over the limit, without a stack trace', async () => {
    const malformed = await api.call('POST', '/api/v1/products', { key, rawBody: '{"title":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    const form = await api.call('POST', '/api/v1/products', {
      key,
      rawBody: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const huge = await api.call('POST', '/api/v1/products', {
      key,
      body: { ...newProduct('big'), description: 'x'.repeat(200_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    expect(huge.text).not.toContain('node_modules');
  });
});

describe('PATCH /api/v1/products/:id', () => {
  it('changes only the fields sent, and replaces variants keeping matched ones', async () => {
    const created = await api.call('POST', '/api/v1/products', { key, body: newProduct('p1') });
    const [v42, v43] = created.body.variants;
    const patched = await api.call('PATCH', `/api/v1/products/${created.body.id}`, {
      key,
      body: {
        title: 'Trail Runner Pro',
        category: null,
        variants: [
          { id: v43.id, priceCents: 9900, inventory: 2 },
          { sku: 'TR-p1-44', title: '44', priceCents: 13900 },
        ],
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      title: 'Trail Runner Pro',
      category: null,
      description: 'A light shoe for rocky trails.',
      minPriceCents: 9900,
    });
    expect(patched.body.variants.map((variant: { id: string; title: string }) => variant.title)).toEqual(['43', '44']);
    expect(patched.body.variants[0]).toMatchObject({ id: v43.id, sku: 'TR-p1-43', options: { Size: '43' } });
    expect(patched.body.variants[1]).toMatchObject({ title: '44', options: {} });
    expect(await api.prisma.variant.findUnique({ where: { id: v42.id } })).toBeNull();
  });

  it('answers 422 for another product’s variant id and 404 for an unknown product', async () => {
    const created = await api.call('POST', '/api/v1/products', { key, body: newProduct('p2') });
    const otherVariant = (
      await api.prisma.variant.findFirstOrThrow({
        where: { workspaceId: api.workspaceA, productId: { not: created.body.id } },
      })
    ).id;
    const foreign = await api.call('PATCH', `/api/v1/products/${created.body.id}`, {
      key,
      body: { variants: [{ id: otherVariant, priceCents: 100 }] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('invalid_product');
    const missing = await api.call('PATCH', '/api/v1/products/00000000-0000-7000-8000-000000000000', {
      key,
      body: { title: 'x' },
    });
    expect(missing.status).toBe(404);
  });
});

describe('POST /api/v1/products/bulk', () => {
  it('keeps the good rows and reports each bad row with its index and reason', async () => {
    const response = await api.call('POST', '/api/v1/products/bulk', {
      key,
      body: {
        products: [
          newProduct('b1'),
          { externalId: 'ext-b2', title: 'No variants yet' },
          { title: 'No way to match me', variants: [{ priceCents: 100 }] },
          { ...newProduct('b3'), variants: [{ priceCents: 'free' }] },
          'not even an object',
          { handle: 'alpine-rain-jacket', title: 'Alpine Waterproof Rain Jacket (2025)' },
          { ...newProduct('b4'), handle: 'summit-down-jacket', externalId: 'ext-b4' },
          { ...newProduct('b1'), title: 'Trail Runner b1, renamed' },
        ],
      },
    });
    expect(response.status).toBe(200);
    const summary = response.body.results.map((row: { index: number; status: string; error?: { code: string } }) => [
      row.index,
      row.status,
      row.error?.code,
    ]);
    expect(summary).toEqual([
      [0, 'created', undefined],
      [1, 'failed', 'invalid_row'],
      [2, 'failed', 'invalid_row'],
      [3, 'failed', 'invalid_row'],
      [4, 'failed', 'invalid_row'],
      [5, 'updated', undefined],
      [6, 'updated', undefined],
      [7, 'updated', undefined],
    ]);
    expect(response.body).toMatchObject({ created: 1, updated: 3, failed: 4 });
    expect(response.body.results[1].error.message).toMatch(/needs at least one variant/);
    expect(response.body.results[3].error.details[0].path).toBe('variants.0.priceCents');
    const jacket = await api.prisma.product.findUniqueOrThrow({
      where: { workspaceId_handle: { workspaceId: api.workspaceA, handle: 'alpine-rain-jacket' } },
      include: { variants: true },
    });
    expect(jacket.title).toBe('Alpine Waterproof Rain Jacket (2025)');
    expect(jacket.variants).toHaveLength(2);
    const b1 = await api.prisma.product.findUniqueOrThrow({
      where: { workspaceId_externalId: { workspaceId: api.workspaceA, externalId: 'ext-b1' } },
    });
    expect(b1.title).toBe('Trail Runner b1, renamed');
    // Matched by handle, the product without an externalId adopts the row's.
    const summit = await api.prisma.product.findUniqueOrThrow({
      where: { workspaceId_handle: { workspaceId: api.workspaceA, handle: 'summit-down-jacket' } },
    });
    expect(summit.externalId).toBe('ext-b4');
  });

  it('reports a row whose handle belongs to a product with another externalId as a conflict', async () => {
    const response = await api.call('POST', '/api/v1/products/bulk', {
      key,
      body: { products: [{ ...newProduct('c1'), externalId: 'ext-c1', handle: 'trail-runner-b1' }] },
    });
    expect(response.body.results[0]).toMatchObject({ status: 'failed', error: { code: 'conflict' } });
  });

  it('refuses an empty or oversized batch as a whole', async () => {
    const empty = await api.call('POST', '/api/v1/products/bulk', { key, body: { products: [] } });
    expect(empty.status).toBe(400);
    const tooMany = await api.call('POST', '/api/v1/products/bulk', {
      key,
      body: { products: Array.from({ length: 501 }, (_, index) => ({ handle: `h-${index}`, title: 't' })) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe('products');
  });
});
