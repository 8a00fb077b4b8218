import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestServer, startApiTestServer } from './api-test-server';

/**
 * Workspace isolation: a key of workspace B, holding every scope, never reads
 * or changes a row of workspace A — A's ids are "not found", A's rows never
 * appear in B's lists, and A's externalIds, emails and idempotency keys mean
 * nothing in B. Both workspaces have the same kinds of products, so a leak
 * would show plausible rows and fail on their ids, not pass by luck.
 */
let api: ApiTestServer;
let keyA: string;
let keyB: string;
let conversationA: string;
let productA: string;

beforeAll(async () => {
  api = await startApiTestServer();
  keyA = await api.createKey(api.workspaceA);
  keyB = await api.createKey(api.workspaceB);
  const created = await api.call('POST', '/api/v1/products', {
    key: keyA,
    body: {
      externalId: 'A-ONLY',
      title: 'Glacier Expedition Parka',
      variants: [{ sku: 'GLACIER-1', priceCents: 39900 }],
    },
  });
  productA = created.body.id;
  await api.call('POST', '/api/v1/contacts', {
    key: keyA,
    body: { email: 'shared@example.com', name: 'Customer of A' },
  });
  conversationA = (
    await api.prisma.conversation.create({
      data: { workspaceId: api.workspaceA, visitorId: 'visitor-a', status: 'waiting' },
    })
  ).id;
  await api.prisma.conversation.create({ data: { workspaceId: api.workspaceB, visitorId: 'visitor-b' } });
});
afterAll(async () => api.close());

async function listAll(path: string, key: string): Promise<Array<{ id: string }>> {
  const rows: Array<{ id: string }> = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await api.call('GET', `${path}${separator}limit=3${cursor ? `&cursor=${cursor}` : ''}`, { key });
    expect(response.status).toBe(200);
    rows.push(...response.body.data);
    cursor = response.body.nextCursor;
  } while (cursor);
  return rows;
}

describe('a key of workspace B', () => {
  it('gets 404 for A’s product and conversation ids, and cannot change A’s product', async () => {
    for (const path of [
      `/api/v1/products/${productA}`,
      `/api/v1/products/${api.productIdsA.get('alpine-rain-jacket')}`,
      `/api/v1/conversations/${conversationA}`,
    ]) {
      const response = await api.call('GET', path, { key: keyB });
      expect(response.status, path).toBe(404);
    }
    const patch = await api.call('PATCH', `/api/v1/products/${productA}`, { key: keyB, body: { title: 'Taken over' } });
    expect(patch.status).toBe(404);
    expect((await api.prisma.product.findUniqueOrThrow({ where: { id: productA } })).title).toBe(
      'Glacier Expedition Parka',
    );
  });

  it('never sees A’s rows in its lists, whatever it asks for', async () => {
    const idsOfA = new Set(
      [
        ...(await api.prisma.product.findMany({ where: { workspaceId: api.workspaceA }, select: { id: true } })),
        ...(await api.prisma.contact.findMany({ where: { workspaceId: api.workspaceA }, select: { id: true } })),
        ...(await api.prisma.conversation.findMany({ where: { workspaceId: api.workspaceA }, select: { id: true } })),
      ].map((row) => row.id),
    );
    const lists = [
      '/api/v1/products',
      `/api/v1/products?q=Glacier&workspaceId=${api.workspaceA}`,
      '/api/v1/products?q=GLACIER-1',
      '/api/v1/products?q=A-ONLY',
      '/api/v1/contacts',
      '/api/v1/contacts?email=shared@example.com',
      '/api/v1/conversations',
      '/api/v1/conversations?status=waiting',
    ];
    for (const path of lists) {
      const rows = await listAll(path, keyB);
      expect(
        rows.filter((row) => idsOfA.has(row.id)),
        path,
      ).toEqual([]);
    }
    expect(await listAll('/api/v1/products', keyB)).toHaveLength(
      await api.prisma.product.count({ where: { workspaceId: api.workspaceB } }),
    );
  });

  it('cannot name a workspace in the body, and A’s externalIds and emails are new in B', async () => {
    const smuggled = await api.call('POST', '/api/v1/products', {
      key: keyB,
      body: { workspaceId: api.workspaceA, title: 'Smuggled', variants: [{ priceCents: 1 }] },
    });
    expect(smuggled.status).toBe(400);

    const bulk = await api.call('POST', '/api/v1/products/bulk', {
      key: keyB,
      body: { products: [{ externalId: 'A-ONLY', title: 'B’s own parka', variants: [{ priceCents: 100 }] }] },
    });
    expect(bulk.body.results[0].status).toBe('created');
    expect(bulk.body.results[0].id).not.toBe(productA);
    expect((await api.prisma.product.findUniqueOrThrow({ where: { id: productA } })).title).toBe(
      'Glacier Expedition Parka',
    );

    const orders = await api.call('POST', '/api/v1/orders/bulk', {
      key: keyB,
      body: {
        orders: [
          {
            externalId: 'o-1',
            number: '1',
            placedAt: '2025-01-01T00:00:00Z',
            lines: [{ sku: 'GLACIER-1', quantity: 1, unitPriceCents: 39900 }],
          },
        ],
      },
    });
    expect(orders.body.results[0].error.code).toBe('unknown_reference');

    const contact = await api.call('POST', '/api/v1/contacts', { key: keyB, body: { email: 'shared@example.com' } });
    expect(contact.status).toBe(201);
    expect(contact.body.name).toBeNull();
  });

  it('has its own idempotency keys: A’s key replays nothing in B', async () => {
    const idempotencyKey = randomUUID();
    const body = { email: 'idem-tenancy@example.com' };
    const inA = await api.call('POST', '/api/v1/contacts', {
      key: keyA,
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
    const inB = await api.call('POST', '/api/v1/contacts', {
      key: keyB,
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inB.headers.get('idempotent-replayed')).toBeNull();
    expect(inB.body.id).not.toBe(inA.body.id);
  });
});
