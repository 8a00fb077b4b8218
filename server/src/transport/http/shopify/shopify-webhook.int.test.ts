import { createHmac, randomUUID } from 'node:crypto';
import type http from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShopifyAdminApi, handledTopics, type ShopifyAdminApi } from '../../../modules/shopify';
import {
  type FakeAdminGraphql,
  fakeApiCredentials,
  startFakeAdminGraphql,
} from '../../../modules/shopify/testing/fake-admin-graphql.server';
import { fakeProduct } from '../../../modules/shopify/testing/fake-shop.fixtures';
import { type Jobs, startJobs } from '../../../platform/jobs/jobs';
import { createLogger } from '../../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../../testing/test-database';
import { registerShopifyWebhookJobs } from '../../jobs/shopify.jobs';
import { errorHandler, notFoundHandler } from '../errors';
import { closeHttpServer, createHttpApp, listen } from '../http-server';
import { orderPayload, productPayload, shopA, shopB } from './shopify-webhook.fixtures';
import { shopifyWebhookRoutes } from './shopify-webhook.routes';

/**
 * Real signed deliveries (HMAC-SHA256 of the exact body bytes, base64, with
 * Shopify's header names) into a real server, queue and database. The worker
 * starts only after the first delivery, on a fresh job system, as it would
 * after a crash between receipt and processing. The worker reads what a
 * payload leaves out (an inventory item's total stock) from a fake Admin
 * GraphQL API that knows shop A only.
 */
const apiSecret = 'shpss_test_secret_0123456789';
const log = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

let database: TestDatabase;
let receivingJobs: Jobs;
let workerJobs: Jobs | undefined;
let server: http.Server;
let url: string;
let workspaceA: string;
let workspaceB: string;
let conversationA: string;
let conversationB: string;
let fakeShopify: FakeAdminGraphql;
let adminApi: ShopifyAdminApi;

beforeAll(async () => {
  database = await createTestDatabase();
  // Shop A's green tent has 17 in stock over all its locations.
  const tent = fakeProduct(1);
  tent.variants[0] = {
    ...(tent.variants[0] as (typeof tent.variants)[number]),
    inventoryQuantity: 17,
    inventoryItem: { id: 'gid://shopify/InventoryItem/44283412971574', tracked: true },
  };
  fakeShopify = await startFakeAdminGraphql({ [shopA]: { accessToken: 'shpat_x', products: [tent], orders: [] } });
  adminApi = createShopifyAdminApi(
    { ...fakeApiCredentials, fetch: fakeShopify.fetch },
    { prisma: database.prisma, log },
  );
  receivingJobs = await startJobs({ databaseUrl: database.url, log });
  const app = createHttpApp();
  app.use(shopifyWebhookRoutes({ prisma: database.prisma, jobs: receivingJobs, apiSecret, log }));
  app.use(express.json());
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  server = await listen(app, 0, '127.0.0.1');
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const prisma = database.prisma;
  workspaceA = (
    await prisma.workspace.create({ data: { name: 'A', slug: 'shop-a', shopDomain: shopA, currency: 'EUR' } })
  ).id;
  workspaceB = (
    await prisma.workspace.create({ data: { name: 'B', slug: 'shop-b', shopDomain: shopB, currency: 'EUR' } })
  ).id;
  for (const [workspaceId, shop] of [
    [workspaceA, shopA],
    [workspaceB, shopB],
  ] as const) {
    // The same shopper in both shops: redaction in one must not touch the other.
    const contact = await prisma.contact.create({
      data: { workspaceId, email: 'ana.silva@example.com', name: 'Ana Silva', source: 'widget' },
    });
    const conversation = await prisma.conversation.create({
      data: {
        workspaceId,
        visitorId: `visitor-${shop}`,
        contactId: contact.id,
        lastSeq: 2,
        summary: 'Ana asked about a tent for Lisbon.',
        messages: {
          create: [
            {
              workspaceId,
              seq: 1,
              role: 'shopper',
              text: 'Hi, I am Ana, ana.silva@example.com — is the green tent waterproof?',
            },
            { workspaceId, seq: 2, role: 'assistant', text: 'Yes, Ana: 3000 mm.' },
          ],
        },
      },
    });
    if (shop === shopA) conversationA = conversation.id;
    else conversationB = conversation.id;
    await prisma.shopifySession.create({
      data: { id: `offline_${shop}`, shop, state: 'x', accessToken: 'shpat_x', scope: 'read_products' },
    });
  }
});

afterAll(async () => {
  await fakeShopify.close();
  await closeHttpServer(server);
  await workerJobs?.stop(1_000);
  await receivingJobs.stop(1_000);
  await database.drop();
});

interface Delivery {
  status: number;
  body: { ok?: boolean; duplicate?: boolean; error?: { code: string } };
  webhookId: string;
}

async function deliver(
  topic: string,
  shop: string,
  payload: unknown,
  options: { webhookId?: string; secret?: string; hmac?: string | null } = {},
): Promise<Delivery> {
  const webhookId = options.webhookId ?? randomUUID();
  const raw = Buffer.from(JSON.stringify(payload), 'utf8');
  const hmac = createHmac('sha256', options.secret ?? apiSecret)
    .update(raw)
    .digest('base64');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': shop,
    'x-shopify-webhook-id': webhookId,
    'x-shopify-event-id': randomUUID(),
    'x-shopify-triggered-at': new Date().toISOString(),
    'x-shopify-api-version': '2026-10',
  };
  if (options.hmac !== null) headers['x-shopify-hmac-sha256'] = options.hmac ?? hmac;
  const response = await fetch(`${url}/app/webhooks`, { method: 'POST', headers, body: raw });
  return { status: response.status, body: (await response.json()) as Delivery['body'], webhookId };
}

async function settled(webhookId: string) {
  await expect
    .poll(
      async () =>
        (
          await database.prisma.webhookEvent.findUnique({
            where: { source_deliveryId: { source: 'shopify', deliveryId: webhookId } },
          })
        )?.status,
      { timeout: 15_000, interval: 100 },
    )
    .toMatch(/processed|failed/);
  return database.prisma.webhookEvent.findUniqueOrThrow({
    where: { source_deliveryId: { source: 'shopify', deliveryId: webhookId } },
  });
}

async function deliverAndSettle(topic: string, shop: string, payload: unknown) {
  const delivery = await deliver(topic, shop, payload);
  expect(delivery.status).toBe(200);
  return settled(delivery.webhookId);
}

async function shopifyJobs(): Promise<Array<{ state: string }>> {
  const { rows } = await database.pool.query(
    `SELECT state FROM pgboss.job WHERE name = 'shopify.webhook' ORDER BY created_on`,
  );
  return rows;
}

describe('receiving Shopify webhooks', () => {
  it('refuses a bad, missing or foreign-secret HMAC with 401 and records nothing', async () => {
    const payload = productPayload();
    const tampered = await deliver('products/create', shopA, payload, {
      hmac: createHmac('sha256', apiSecret).update('{"id":1}').digest('base64'),
    });
    expect(tampered).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
    expect((await deliver('products/create', shopA, payload, { hmac: null })).status).toBe(401);
    expect((await deliver('products/create', shopA, payload, { secret: 'another-app' })).status).toBe(401);
    expect(await database.prisma.webhookEvent.count()).toBe(0);
  });

  it('refuses a shop domain outside myshopify.com', async () => {
    const delivery = await deliver('products/create', 'evil.example.com', productPayload());
    expect(delivery.status).toBe(400);
  });

  it('keeps a delivery received before a crash and processes it once when a worker starts later', async () => {
    const first = await deliver('products/create', shopA, productPayload());
    expect(first).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
    const event = await database.prisma.webhookEvent.findUniqueOrThrow({
      where: { source_deliveryId: { source: 'shopify', deliveryId: first.webhookId } },
    });
    expect(event).toMatchObject({ status: 'received', workspaceId: workspaceA, topic: 'products/create' });
    expect(await shopifyJobs()).toEqual([{ state: 'created' }]);

    // Shopify retries the same delivery (same webhook id): acknowledged, not queued twice.
    const retry = await deliver('products/create', shopA, productPayload(), { webhookId: first.webhookId });
    expect(retry).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    expect(await shopifyJobs()).toHaveLength(1);
    expect(await database.prisma.product.count()).toBe(0);

    // The process that received it "crashed"; a new one starts the worker.
    workerJobs = await startJobs({ databaseUrl: database.url, log });
    await registerShopifyWebhookJobs(
      { jobs: workerJobs, prisma: database.prisma, log, adminApi },
      { pollingIntervalSeconds: 0.5 },
    );
    expect((await settled(first.webhookId)).status).toBe('processed');
    await expect.poll(shopifyJobs, { timeout: 10_000 }).toEqual([{ state: 'completed' }]);

    const products = await database.prisma.product.findMany({
      include: { variants: { orderBy: { position: 'asc' } } },
    });
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({
      workspaceId: workspaceA,
      externalId: 'gid://shopify/Product/7421937451062',
      handle: 'trailhead-2-tent',
      title: 'Trailhead 2 Tent',
      description: 'A two-person tent for three seasons.',
      category: 'Tents',
      tags: ['backpacking', 'camping'],
      currency: 'EUR',
      minPriceCents: 23900,
      url: `https://${shopA}/products/trailhead-2-tent`,
    });
    expect(
      products[0]?.variants.map((variant) => [
        variant.sku,
        variant.priceCents,
        variant.compareAtPriceCents,
        variant.inventory,
        variant.options,
      ]),
    ).toEqual([
      ['TH2-GRN', 24900, 27900, 12, { Colour: 'Green' }],
      ['TH2-SND', 23900, null, 0, { Colour: 'Sand' }],
    ]);
  });

  it('products/update replaces fields and drops variants Shopify no longer lists', async () => {
    const original = productPayload();
    const updated = productPayload({
      title: 'Trailhead 2 Tent (2026)',
      variants: [{ ...original.variants[0], price: '229.00', inventory_quantity: 7 }],
    });
    const event = await deliverAndSettle('products/update', shopA, updated);
    expect(event.status).toBe('processed');
    const product = await database.prisma.product.findFirstOrThrow({
      where: { workspaceId: workspaceA },
      include: { variants: true },
    });
    expect(product.title).toBe('Trailhead 2 Tent (2026)');
    expect(product.variants.map((variant) => [variant.sku, variant.priceCents, variant.inventory])).toEqual([
      ['TH2-GRN', 22900, 7],
    ]);
  });

  it('keeps shops apart: shop B’s product with the same Shopify id and a delete from B leave A alone', async () => {
    await deliverAndSettle('products/create', shopB, productPayload({ title: 'B’s tent' }));
    const deleted = await deliverAndSettle('products/delete', shopB, { id: 7421937451062 });
    expect(deleted.status).toBe('processed');
    const a = await database.prisma.product.findFirstOrThrow({ where: { workspaceId: workspaceA } });
    const b = await database.prisma.product.findFirstOrThrow({ where: { workspaceId: workspaceB } });
    expect(a).toMatchObject({ status: 'active', title: 'Trailhead 2 Tent (2026)' });
    expect(b).toMatchObject({ status: 'archived', title: 'B’s tent' });
  });

  it('orders/create records the order, its lines, the shipping place and the assisting conversation', async () => {
    const event = await deliverAndSettle(
      'orders/create',
      shopA,
      orderPayload({ note_attributes: [{ name: '_closer_conversation', value: conversationA }] }),
    );
    expect(event.status).toBe('processed');
    const order = await database.prisma.order.findFirstOrThrow({
      where: { workspaceId: workspaceA },
      include: { lines: { orderBy: { unitPriceCents: 'desc' } }, contact: true },
    });
    expect(order).toMatchObject({
      externalId: 'gid://shopify/Order/5934412988726',
      number: '#1042',
      email: 'ana.silva@example.com',
      status: 'paid',
      currency: 'EUR',
      subtotalCents: 26090,
      discountCents: 2490,
      totalCents: 23600,
      shippingCity: 'Lisbon',
      shippingRegion: 'Lisboa',
      shippingCountry: 'PT',
      conversationId: conversationA,
    });
    expect(order.contact).toMatchObject({
      email: 'ana.silva@example.com',
      externalId: 'gid://shopify/Customer/6998021062710',
    });
    const product = await database.prisma.product.findFirstOrThrow({
      where: { workspaceId: workspaceA },
      include: { variants: true },
    });
    expect(
      order.lines.map((line) => [line.title, line.quantity, line.unitPriceCents, line.productId, line.variantId]),
    ).toEqual([
      ['Trailhead 2 Tent', 1, 24900, product.id, product.variants[0]?.id],
      ['Gift wrap', 1, 1190, null, null],
    ]);
  });

  it('orders/updated updates status and tracking without duplicating lines', async () => {
    const event = await deliverAndSettle(
      'orders/updated',
      shopA,
      orderPayload({
        fulfillment_status: 'fulfilled',
        note_attributes: [],
        fulfillments: [
          { tracking_company: 'CTT', tracking_number: 'RR123456785PT', tracking_url: 'https://ctt.pt/t/RR123456785PT' },
        ],
      }),
    );
    expect(event.status).toBe('processed');
    const orders = await database.prisma.order.findMany({
      where: { workspaceId: workspaceA },
      include: { lines: true },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      status: 'fulfilled',
      trackingNumber: 'RR123456785PT',
      conversationId: conversationA,
    });
    expect(orders[0]?.lines).toHaveLength(2);
  });

  it('never attributes an order to another shop’s conversation', async () => {
    await deliverAndSettle(
      'orders/create',
      shopB,
      orderPayload({ note_attributes: [{ name: '_closer_conversation', value: conversationA }] }),
    );
    const order = await database.prisma.order.findFirstOrThrow({ where: { workspaceId: workspaceB } });
    expect(order.conversationId).toBeNull();
    expect(await database.prisma.order.count({ where: { workspaceId: workspaceA } })).toBe(1);
  });

  it('orders/updated delivered out of order never overwrites a newer version', async () => {
    const newer = await deliverAndSettle(
      'orders/updated',
      shopA,
      orderPayload({ updated_at: '2026-11-22T10:00:00-05:00', fulfillment_status: 'fulfilled', note_attributes: [] }),
    );
    expect(newer).toMatchObject({ status: 'processed', error: null });
    const older = await deliverAndSettle(
      'orders/updated',
      shopA,
      orderPayload({ updated_at: '2026-11-21T09:00:00-05:00', financial_status: 'refunded', note_attributes: [] }),
    );
    expect(older.status).toBe('processed');
    expect(older.error).toMatch(/ignored: the stored order is newer/);
    const order = await database.prisma.order.findFirstOrThrow({ where: { workspaceId: workspaceA } });
    expect(order).toMatchObject({
      status: 'fulfilled',
      sourceUpdatedAt: new Date('2026-11-22T15:00:00Z'),
      conversationId: conversationA,
    });
  });

  it('inventory_levels/update sets the variant’s stock to its total over all locations, read from Shopify', async () => {
    const event = await deliverAndSettle('inventory_levels/update', shopA, {
      inventory_item_id: 44283412971574,
      location_id: 68479131702,
      available: 3,
      updated_at: '2026-11-21T08:00:00-05:00',
      admin_graphql_api_id: 'gid://shopify/InventoryLevel/68479131702?inventory_item_id=44283412971574',
    });
    expect(event).toMatchObject({ status: 'processed', error: null });
    expect(fakeShopify.operations.at(-1)).toMatchObject({
      name: 'InventoryItemTotal',
      variables: { id: 'gid://shopify/InventoryItem/44283412971574' },
    });
    const variant = await database.prisma.variant.findFirstOrThrow({
      where: { workspaceId: workspaceA, sku: 'TH2-GRN' },
    });
    expect(variant).toMatchObject({ inventory: 17, inventoryItemId: 'gid://shopify/InventoryItem/44283412971574' });
    // Shop B's variant with the same inventory item id is another shop's stock.
    const variantB = await database.prisma.variant.findFirstOrThrow({
      where: { workspaceId: workspaceB, sku: 'TH2-GRN' },
    });
    expect(variantB.inventory).toBe(12);
  });

  it('inventory_levels/update takes the location’s available quantity when Shopify cannot be asked', async () => {
    // The fake Shopify does not know shop B: the read fails and the payload is used.
    const event = await deliverAndSettle('inventory_levels/update', shopB, {
      inventory_item_id: 44283412971574,
      location_id: 68479131702,
      available: 3,
      updated_at: '2026-11-21T08:00:00-05:00',
    });
    expect(event.status).toBe('processed');
    expect(event.error).toMatch(/applied the location’s available quantity/);
    const variantB = await database.prisma.variant.findFirstOrThrow({
      where: { workspaceId: workspaceB, sku: 'TH2-GRN' },
    });
    expect(variantB.inventory).toBe(3);
    const unknown = await deliverAndSettle('inventory_levels/update', shopB, {
      inventory_item_id: 1,
      location_id: 68479131702,
      available: 3,
    });
    expect(unknown.error).toMatch(/ignored: no tracked variant/);
  });

  it('app/scopes_update records the change and updates the shop’s sessions only', async () => {
    const event = await deliverAndSettle('app/scopes_update', shopA, {
      id: 1,
      previous: ['read_products'],
      current: ['read_products', 'read_orders'],
      updated_at: '2026-11-21T08:00:00-05:00',
    });
    expect(event.status).toBe('processed');
    expect(await database.prisma.shopifySession.findUnique({ where: { id: `offline_${shopA}` } })).toMatchObject({
      scope: 'read_products,read_orders',
    });
    expect(await database.prisma.shopifySession.findUnique({ where: { id: `offline_${shopB}` } })).toMatchObject({
      scope: 'read_products',
    });
    expect(await database.prisma.workspace.findUnique({ where: { id: workspaceA } })).toMatchObject({
      shopifyScopes: 'read_products,read_orders',
    });
    expect(
      await database.prisma.auditLog.count({ where: { workspaceId: workspaceA, action: 'shopify.scopes_updated' } }),
    ).toBe(1);
  });

  it('acknowledges an unknown topic, records it as ignored and queues nothing', async () => {
    const before = (await shopifyJobs()).length;
    const event = await deliverAndSettle('carts/update', shopA, { id: 'c1' });
    expect(event).toMatchObject({ status: 'processed', error: 'ignored: unhandled topic' });
    expect(await shopifyJobs()).toHaveLength(before);
  });

  it('marks a catalog webhook for a shop without a workspace failed, without retrying', async () => {
    const event = await deliverAndSettle('products/create', 'shop-c.myshopify.com', productPayload());
    expect(event).toMatchObject({ status: 'failed', workspaceId: null });
    expect(event.error).toMatch(/No workspace/);
    expect(
      await database.prisma.product.count({
        where: { title: 'Trailhead 2 Tent', workspaceId: { notIn: [workspaceA, workspaceB] } },
      }),
    ).toBe(0);
  });
});

describe('every topic Shopify sends us', () => {
  const shopM = 'shop-m.myshopify.com';
  const customer = { id: 6998021062710, email: 'ana.silva@example.com', phone: null };
  // In this order, so shop/redact comes last and finds the rest done.
  const deliveries: Array<[string, unknown]> = [
    ['app/scopes_update', { id: 3, previous: ['read_products'], current: ['read_products', 'read_orders'] }],
    ['products/create', productPayload()],
    ['products/update', productPayload({ title: 'Tent, updated' })],
    ['orders/create', orderPayload({ note_attributes: [] })],
    ['orders/updated', orderPayload({ note_attributes: [], updated_at: '2026-11-22T10:00:00-05:00' })],
    ['inventory_levels/update', { inventory_item_id: 44283412971574, location_id: 1, available: 4 }],
    ['products/delete', { id: 7421937451062 }],
    ['customers/data_request', { shop_domain: shopM, customer, orders_requested: [], data_request: { id: 1 } }],
    ['customers/redact', { shop_domain: shopM, customer, orders_to_redact: [5934412988726] }],
    ['app/uninstalled', { id: 4, domain: shopM, myshopify_domain: shopM }],
    ['shop/redact', { shop_id: 4, shop_domain: shopM }],
  ];

  beforeAll(async () => {
    await database.prisma.workspace.create({ data: { name: 'M', slug: 'shop-m', shopDomain: shopM } });
  });

  it('covers every topic the app subscribes to', () => {
    expect(deliveries.map(([topic]) => topic).sort()).toEqual([...handledTopics].sort());
  });

  it.each(deliveries)(
    '%s: a bad signature is refused, a delivery is processed once, a redelivery is only acknowledged',
    async (topic, payload) => {
      const webhookId = randomUUID();
      const forged = await deliver(topic, shopM, payload, { webhookId, secret: 'not-the-app-secret' });
      expect(forged.status).toBe(401);
      const recorded = () =>
        database.prisma.webhookEvent.count({ where: { source: 'shopify', deliveryId: webhookId } });
      expect(await recorded()).toBe(0);

      expect(await deliver(topic, shopM, payload, { webhookId })).toMatchObject({
        status: 200,
        body: { ok: true, duplicate: false },
      });
      expect(await deliver(topic, shopM, payload, { webhookId })).toMatchObject({
        status: 200,
        body: { ok: true, duplicate: true },
      });
      const event = await settled(webhookId);
      expect(event).toMatchObject({ topic, status: 'processed' });
      expect(await recorded()).toBe(1);
      const { rows } = await database.pool.query(
        "SELECT state FROM pgboss.job WHERE name = 'shopify.webhook' AND data->>'eventId' = $1",
        [event.id],
      );
      expect(rows).toEqual([{ state: 'completed' }]);
    },
  );

  it('left nothing of shop M behind once shop/redact ran', async () => {
    expect(await database.prisma.workspace.count({ where: { shopDomain: shopM } })).toBe(0);
    expect(
      (await database.prisma.webhookEvent.findMany({ where: { shopDomain: shopM } })).map((row) => row.topic),
    ).toEqual(['shop/redact']);
  });
});

describe('privacy webhooks', () => {
  const customer = { id: 6998021062710, email: 'ana.silva@example.com', phone: '+351912345678' };

  it('customers/data_request stores an export of the customer’s contact, orders and conversations', async () => {
    const event = await deliverAndSettle('customers/data_request', shopA, {
      shop_id: 954889,
      shop_domain: shopA,
      orders_requested: [5934412988726],
      customer,
      data_request: { id: 9999 },
    });
    expect(event.status).toBe('processed');
    const exported = await database.prisma.auditLog.findFirstOrThrow({
      where: { workspaceId: workspaceA, action: 'shopify.customer_data_request' },
    });
    expect(event.error).toBe(`export stored in AuditLog ${exported.id}`);
    const data = exported.data as {
      dataRequestId: number;
      contacts: Array<{ email: string }>;
      orders: Array<{ number: string; lines: unknown[] }>;
      conversations: Array<{ id: string; messages: Array<{ text: string }> }>;
    };
    expect(data.dataRequestId).toBe(9999);
    expect(data.contacts.map((contact) => contact.email)).toEqual(['ana.silva@example.com']);
    expect(data.orders.map((order) => [order.number, order.lines.length])).toEqual([['#1042', 2]]);
    expect(data.conversations.map((conversation) => conversation.id)).toEqual([conversationA]);
    expect(data.conversations[0]?.messages[0]?.text).toContain('is the green tent waterproof');
    // The request itself no longer carries the email once handled.
    expect(JSON.stringify(event.payload)).not.toContain('ana.silva');
  });

  it('customers/redact removes the customer from shop A and leaves shop B untouched', async () => {
    const event = await deliverAndSettle('customers/redact', shopA, {
      shop_id: 954889,
      shop_domain: shopA,
      customer,
      orders_to_redact: [5934412988726],
    });
    expect(event.status).toBe('processed');
    const prisma = database.prisma;

    expect(await prisma.contact.count({ where: { workspaceId: workspaceA } })).toBe(0);
    const messagesA = await prisma.message.findMany({ where: { conversationId: conversationA } });
    expect(messagesA.map((message) => message.text)).toEqual(['[redacted]', '[redacted]']);
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationA } });
    expect(conversation).toMatchObject({ contactId: null, summary: null });
    expect(conversation.visitorId).not.toBe(`visitor-${shopA}`);
    const order = await prisma.order.findFirstOrThrow({ where: { workspaceId: workspaceA } });
    expect(order).toMatchObject({
      email: null,
      contactId: null,
      trackingNumber: null,
      shippingCity: 'Lisbon',
      shippingCountry: 'PT',
      totalCents: 23600,
      conversationId: conversationA,
    });
    expect(
      await prisma.auditLog.count({ where: { workspaceId: workspaceA, action: 'shopify.customer_data_request' } }),
    ).toBe(0);
    const stored = await prisma.webhookEvent.findMany({ where: { shopDomain: shopA } });
    expect(JSON.stringify(stored.map((row) => row.payload))).not.toMatch(/ana\.silva|Silva/);

    // Shop B: same email, untouched.
    expect(await prisma.contact.count({ where: { workspaceId: workspaceB, email: 'ana.silva@example.com' } })).toBe(1);
    const messagesB = await prisma.message.findMany({
      where: { conversationId: conversationB },
      orderBy: { seq: 'asc' },
    });
    expect(messagesB[0]?.text).toContain('ana.silva@example.com');
    expect(await prisma.order.findFirstOrThrow({ where: { workspaceId: workspaceB } })).toMatchObject({
      email: 'ana.silva@example.com',
    });
    const storedB = await prisma.webhookEvent.findMany({ where: { shopDomain: shopB, topic: 'orders/create' } });
    expect(JSON.stringify(storedB[0]?.payload)).toContain('ana.silva@example.com');
  });

  it('app/uninstalled deletes the shop’s sessions and records the uninstall', async () => {
    const event = await deliverAndSettle('app/uninstalled', shopA, {
      id: 954889,
      name: 'Shop A',
      domain: shopA,
      myshopify_domain: shopA,
    });
    expect(event.status).toBe('processed');
    expect(await database.prisma.shopifySession.count({ where: { shop: shopA } })).toBe(0);
    expect(await database.prisma.shopifySession.count({ where: { shop: shopB } })).toBe(1);
    expect(
      await database.prisma.auditLog.count({ where: { workspaceId: workspaceA, action: 'shopify.app_uninstalled' } }),
    ).toBe(1);
    // Marked uninstalled; the data stays until shop/redact.
    const workspace = await database.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceA } });
    expect(workspace.shopifyUninstalledAt).toEqual(event.receivedAt);
    expect(await database.prisma.product.count({ where: { workspaceId: workspaceA } })).toBe(1);
  });

  it('app/uninstalled arriving after the shop installed the app again is ignored', async () => {
    await database.prisma.workspace.update({
      where: { id: workspaceB },
      data: { shopifyInstalledAt: new Date(Date.now() + 60_000), shopifyUninstalledAt: null },
    });
    const event = await deliverAndSettle('app/uninstalled', shopB, { id: 2, domain: shopB, myshopify_domain: shopB });
    expect(event).toMatchObject({ status: 'processed', error: 'ignored: the app was installed again since' });
    expect(await database.prisma.shopifySession.count({ where: { shop: shopB } })).toBe(1);
    expect(
      (await database.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceB } })).shopifyUninstalledAt,
    ).toBeNull();
  });

  it('shop/redact deletes shop A’s workspace and webhook history, and nothing of shop B', async () => {
    const event = await deliverAndSettle('shop/redact', shopA, { shop_id: 954889, shop_domain: shopA });
    expect(event).toMatchObject({ status: 'processed', workspaceId: null });
    const prisma = database.prisma;
    expect(await prisma.workspace.findUnique({ where: { id: workspaceA } })).toBeNull();
    for (const count of await Promise.all([
      prisma.product.count({ where: { workspaceId: workspaceA } }),
      prisma.order.count({ where: { workspaceId: workspaceA } }),
      prisma.conversation.count({ where: { workspaceId: workspaceA } }),
      prisma.message.count({ where: { workspaceId: workspaceA } }),
      prisma.auditLog.count({ where: { workspaceId: workspaceA } }),
    ])) {
      expect(count).toBe(0);
    }
    expect((await prisma.webhookEvent.findMany({ where: { shopDomain: shopA } })).map((row) => row.topic)).toEqual([
      'shop/redact',
    ]);

    expect(await prisma.workspace.findUnique({ where: { id: workspaceB } })).not.toBeNull();
    expect(await prisma.product.count({ where: { workspaceId: workspaceB } })).toBe(1);
    expect(await prisma.order.count({ where: { workspaceId: workspaceB } })).toBe(1);
    expect(await prisma.message.count({ where: { workspaceId: workspaceB } })).toBe(2);
    expect(await prisma.webhookEvent.count({ where: { shopDomain: shopB } })).toBeGreaterThan(0);
  });

  it('processed every delivery exactly once', async () => {
    const jobs = await shopifyJobs();
    expect(jobs.every((job) => job.state === 'completed')).toBe(true);
    expect(await database.prisma.webhookEvent.count({ where: { status: 'received' } })).toBe(0);
  });
});
