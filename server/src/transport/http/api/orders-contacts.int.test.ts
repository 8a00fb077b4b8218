import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestServer, startApiTestServer } from './api-test-server';

/** /api/v1/orders/bulk and /api/v1/contacts over real HTTP on a real database. */
let api: ApiTestServer;
let key: string;

beforeAll(async () => {
  api = await startApiTestServer();
  key = await api.createKey(api.workspaceA, ['orders:write', 'contacts:read', 'contacts:write', 'products:write']);
  // Give the catalog the ids an order system knows it by.
  const seeded = await api.call('POST', '/api/v1/products/bulk', {
    key,
    body: {
      products: [
        { handle: 'alpine-rain-jacket', externalId: 'P-ALPINE', title: 'Alpine Waterproof Rain Jacket' },
        {
          handle: 'merino-socks',
          externalId: 'P-SOCKS',
          title: 'Merino Wool Socks',
          variants: [{ title: 'One size', sku: 'SOCK-1', externalId: 'V-SOCK-1', priceCents: 1900 }],
        },
        {
          externalId: 'P-TEE',
          title: 'Harbor Cotton Tee',
          handle: 'harbor-tee',
          variants: [
            { title: 'S', sku: 'DUP', priceCents: 2500 },
            { title: 'M', sku: 'DUP', priceCents: 2500 },
          ],
        },
      ],
    },
  });
  expect(seeded.body.failed).toBe(0);
});
afterAll(async () => api.close());

const order = (externalId: string, lines: unknown[], extra: Record<string, unknown> = {}) => ({
  externalId,
  number: `#${externalId}`,
  email: 'Buyer@Example.com',
  placedAt: '2025-03-01T10:00:00+01:00',
  shipping: { city: 'Munich', region: 'Bavaria', country: 'de' },
  lines,
  ...extra,
});

describe('POST /api/v1/orders/bulk', () => {
  it('stores good orders with lines resolved by product externalId, variant externalId or SKU, and reports bad rows', async () => {
    const response = await api.call('POST', '/api/v1/orders/bulk', {
      key,
      body: {
        orders: [
          order('1001', [
            { productExternalId: 'P-ALPINE', quantity: 1, unitPriceCents: 12900 },
            { sku: 'SOCK-1', quantity: 3, unitPriceCents: 1900 },
            { title: 'Gift wrap', quantity: 1, unitPriceCents: 500 },
          ]),
          order('1002', [{ productExternalId: 'P-NOPE', quantity: 1, unitPriceCents: 100 }]),
          order('1003', [{ sku: 'DUP', quantity: 1, unitPriceCents: 2500 }]),
          order('1004', [{ quantity: 1, unitPriceCents: 100 }]),
          order('1005', [{ productExternalId: 'P-SOCKS', quantity: 0, unitPriceCents: 100 }]),
          { ...order('1006', [{ variantExternalId: 'V-SOCK-1', quantity: 2, unitPriceCents: 1900 }]), email: null },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(
      response.body.results.map((row: { status: string; error?: { code: string } }) => [row.status, row.error?.code]),
    ).toEqual([
      ['created', undefined],
      ['failed', 'unknown_reference'],
      ['failed', 'unknown_reference'],
      ['failed', 'invalid_row'],
      ['failed', 'invalid_row'],
      ['created', undefined],
    ]);
    expect(response.body.results[1].error.details[0].path).toBe('lines.0.productExternalId');
    expect(response.body.results[2].error.message).toMatch(/names 2 variants/);
    expect(response.body.results[3].error.details[0].path).toBe('lines.0.title');
    expect(response.body.results[4].error.details[0].path).toBe('lines.0.quantity');

    const stored = await api.prisma.order.findUniqueOrThrow({
      where: { workspaceId_externalId: { workspaceId: api.workspaceA, externalId: '1001' } },
      include: { lines: { orderBy: { title: 'asc' } }, contact: true },
    });
    expect(stored).toMatchObject({
      number: '#1001',
      email: 'buyer@example.com',
      status: 'paid',
      currency: 'USD',
      subtotalCents: 12900 + 3 * 1900 + 500,
      totalCents: 12900 + 3 * 1900 + 500,
      shippingCity: 'Munich',
      shippingRegion: 'Bavaria',
      shippingCountry: 'DE',
    });
    expect(stored.placedAt.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    expect(stored.contact).toMatchObject({ email: 'buyer@example.com', source: 'api' });
    const socks = api.productIdsA.get('merino-socks');
    expect(stored.lines.map((line) => [line.title, line.productId !== null, line.variantId !== null])).toEqual([
      ['Alpine Waterproof Rain Jacket', true, false],
      ['Gift wrap', false, false],
      ['Merino Wool Socks', true, true],
    ]);
    expect(stored.lines.find((line) => line.sku === 'SOCK-1')?.productId).toBe(socks);
  });

  it('replaces an order sent again, lines included, keeping its attribution', async () => {
    const first = await api.call('POST', '/api/v1/orders/bulk', {
      key,
      body: { orders: [order('2001', [{ productExternalId: 'P-ALPINE', quantity: 1, unitPriceCents: 12900 }])] },
    });
    const id = first.body.results[0].id;
    const conversation = await api.prisma.conversation.create({
      data: { workspaceId: api.workspaceA, visitorId: 'visitor-attribution' },
    });
    await api.prisma.order.update({ where: { id }, data: { conversationId: conversation.id } });
    const again = await api.call('POST', '/api/v1/orders/bulk', {
      key,
      body: {
        orders: [
          order('2001', [{ sku: 'SOCK-1', quantity: 2, unitPriceCents: 1900 }], {
            status: 'fulfilled',
            discountCents: 800,
            tracking: { company: 'DHL', number: '123', url: 'https://track.example/123' },
          }),
        ],
      },
    });
    expect(again.body.results[0]).toMatchObject({ status: 'updated', id });
    const stored = await api.prisma.order.findUniqueOrThrow({ where: { id }, include: { lines: true } });
    expect(stored).toMatchObject({ status: 'fulfilled', subtotalCents: 3800, discountCents: 800, totalCents: 3000 });
    expect(stored.trackingNumber).toBe('123');
    expect(stored.conversationId).toBe(conversation.id);
    expect(stored.lines.map((line) => line.sku)).toEqual(['SOCK-1']);
  });
});

describe('/api/v1/contacts', () => {
  it('creates a contact (201), then updates only the fields sent (200), matching the email case-insensitively', async () => {
    const created = await api.call('POST', '/api/v1/contacts', {
      key,
      body: { email: 'Ada@Example.com', name: 'Ada', marketingOptIn: true, externalId: 'C-1' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ada@example.com', name: 'Ada', marketingOptIn: true, source: 'api' });
    const updated = await api.call('POST', '/api/v1/contacts', {
      key,
      body: { email: 'ADA@example.com', phone: '+49 30 1234567' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: created.body.id,
      name: 'Ada',
      marketingOptIn: true,
      phone: '+49 30 1234567',
    });
  });

  it('answers 409 when another contact has the externalId, and 400 for a bad email', async () => {
    const conflict = await api.call('POST', '/api/v1/contacts', {
      key,
      body: { email: 'bob@example.com', externalId: 'C-1' },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('conflict');
    const invalid = await api.call('POST', '/api/v1/contacts', { key, body: { email: 'not-an-email' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toBe('email');
  });

  it('lists contacts page by page without duplicates or gaps, and filters by email', async () => {
    for (const index of [1, 2, 3, 4, 5, 6, 7]) {
      await api.call('POST', '/api/v1/contacts', { key, body: { email: `page${index}@example.com` } });
    }
    const all = await api.prisma.contact.findMany({
      where: { workspaceId: api.workspaceA },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.call('GET', `/api/v1/contacts?limit=4${cursor ? `&cursor=${cursor}` : ''}`, { key });
      expect(response.status).toBe(200);
      seen.push(...response.body.data.map((contact: { id: string }) => contact.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((contact) => contact.id));
    const one = await api.call('GET', '/api/v1/contacts?email=PAGE3@example.com', { key });
    expect(one.body.data.map((contact: { email: string }) => contact.email)).toEqual(['page3@example.com']);
    expect(one.body.nextCursor).toBeNull();
  });
});
