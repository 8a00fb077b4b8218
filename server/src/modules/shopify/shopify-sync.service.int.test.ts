import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { registerShopifySyncJobs } from '../../transport/jobs/shopify.jobs';
import { cancelImport, listRecentImports } from '../imports';
import { createShopifyAdminApi, ShopifyAdminAccessError, type ShopifyAdminApi } from './admin-graphql.client';
import { type ShopifySyncDeps, syncShop } from './shopify-sync.service';
import {
  type FakeAdminGraphql,
  type FakeShop,
  fakeApiCredentials,
  startFakeAdminGraphql,
} from './testing/fake-admin-graphql.server';
import { fakeOrder, fakeProduct } from './testing/fake-shop.fixtures';

/**
 * The sync against a fake Shopify over real HTTP, through the real
 * `@shopify/shopify-api` client, into a real database. Shop A is small
 * (paginated queries), shop B large (a bulk operation); both hold products
 * with the same Shopify ids, as two real shops can.
 */
const log = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const shopA = 'shop-a.myshopify.com';
const shopB = 'shop-b.myshopify.com';
let database: TestDatabase;
let fake: FakeAdminGraphql;
let adminApi: ShopifyAdminApi;
let workspaceA: string;
let workspaceB: string;
let conversationA: string;

function shopData(products: number, orders: number, token: string): FakeShop {
  const list = Array.from({ length: products }, (_, index) => fakeProduct(index + 1));
  return {
    accessToken: token,
    products: list,
    orders: Array.from({ length: orders }, (_, index) =>
      fakeOrder(index + 1, list[index % products] ?? fakeProduct(1)),
    ),
  };
}

function deps(overrides: Partial<ShopifySyncDeps> = {}): ShopifySyncDeps {
  return {
    prisma: database.prisma,
    adminApi,
    log,
    bulkThreshold: 4,
    pageSize: 2,
    childrenPageSize: 1,
    pollIntervalMs: 5,
    ...overrides,
  };
}

async function syncRuns(workspaceId: string) {
  return database.prisma.importRun.findMany({
    where: { workspaceId, format: 'shopify_sync' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeAdminGraphql({ [shopA]: shopData(3, 2, 'shpat_a'), [shopB]: shopData(6, 3, 'shpat_b') });
  adminApi = createShopifyAdminApi({ ...fakeApiCredentials, fetch: fake.fetch }, { prisma: database.prisma, log });
  const prisma = database.prisma;
  workspaceA = (await prisma.workspace.create({ data: { name: 'A', slug: 'a', shopDomain: shopA, currency: 'EUR' } }))
    .id;
  workspaceB = (await prisma.workspace.create({ data: { name: 'B', slug: 'b', shopDomain: shopB, currency: 'EUR' } }))
    .id;
  await prisma.shopifySession.createMany({
    data: [
      { id: `offline_${shopA}`, shop: shopA, state: '', accessToken: 'shpat_a' },
      { id: `offline_${shopB}`, shop: shopB, state: '', accessToken: 'shpat_b' },
    ],
  });
  conversationA = (await prisma.conversation.create({ data: { workspaceId: workspaceA, visitorId: 'v-a' } })).id;
  // The widget's cart attribute on shop A's first order: the sale it assisted.
  const firstOrder = fake.shops.get(shopA)?.orders[0];
  if (firstOrder) firstOrder.customAttributes = [{ key: '_closer_conversation', value: conversationA }];
});

afterAll(async () => {
  await fake.close();
  await database.drop();
});

beforeEach(() => {
  fake.interceptor = undefined;
});

describe('syncing a small shop page by page', () => {
  it('imports every product with all its variants and every order, and records progress', async () => {
    const outcomes = await syncShop(deps(), { workspaceId: workspaceA, shop: shopA });
    expect(outcomes).toEqual({ products: 'succeeded', orders: 'succeeded' });

    const names = fake.operations.filter((operation) => operation.shop === shopA).map((operation) => operation.name);
    expect(names.filter((name) => name === 'SyncProducts')).toHaveLength(2);
    // One variant per page: the second variant of each product comes from a follow-up query.
    expect(names.filter((name) => name === 'SyncProductVariants')).toHaveLength(3);
    expect(names.filter((name) => name === 'SyncOrders')).toHaveLength(1);
    expect(names).not.toContain('SyncRunBulkQuery');

    const products = await database.prisma.product.findMany({
      where: { workspaceId: workspaceA },
      include: { variants: { orderBy: { position: 'asc' } } },
      orderBy: { handle: 'asc' },
    });
    expect(products.map((product) => product.handle)).toEqual(['product-1', 'product-2', 'product-3']);
    expect(products[0]).toMatchObject({
      externalId: 'gid://shopify/Product/1001',
      title: 'Product 1',
      description: 'The 1th product.',
      category: 'Tents',
      vendor: 'Northwind',
      tags: ['camping', 'tag-1'],
      status: 'active',
      currency: 'EUR',
      imageUrl: 'https://cdn.shopify.com/s/files/1/product-1.jpg',
      url: `https://${shopA}/products/product-1`,
      minPriceCents: 2190,
    });
    expect(
      products[0]?.variants.map((variant) => [
        variant.externalId,
        variant.sku,
        variant.priceCents,
        variant.compareAtPriceCents,
        variant.inventory,
        variant.inventoryItemId,
        variant.options,
      ]),
    ).toEqual([
      [
        'gid://shopify/ProductVariant/100101',
        'SKU-1-1',
        2190,
        3100,
        5,
        'gid://shopify/InventoryItem/100101',
        { Colour: 'Green' },
      ],
      [
        'gid://shopify/ProductVariant/100102',
        'SKU-1-2',
        2190,
        null,
        null,
        'gid://shopify/InventoryItem/100102',
        {
          Colour: 'Sand',
        },
      ],
    ]);

    const orders = await database.prisma.order.findMany({
      where: { workspaceId: workspaceA },
      include: { lines: { orderBy: { unitPriceCents: 'desc' } }, contact: true },
      orderBy: { number: 'asc' },
    });
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({
      externalId: 'gid://shopify/Order/5001',
      number: '#1001',
      email: 'buyer1@example.com',
      status: 'paid',
      currency: 'EUR',
      subtotalCents: 26090,
      discountCents: 2490,
      totalCents: 23600,
      shippingCity: 'Lisbon',
      shippingRegion: 'Lisboa',
      shippingCountry: 'PT',
      conversationId: conversationA,
      sourceUpdatedAt: new Date('2026-11-21T08:00:00Z'),
    });
    expect(orders[1]?.conversationId).toBeNull();
    expect(orders[0]?.contact).toMatchObject({ externalId: 'gid://shopify/Customer/7001', name: 'Ana Buyer 1' });
    const variant = products[0]?.variants[0];
    expect(orders[0]?.lines.map((line) => [line.title, line.quantity, line.unitPriceCents, line.variantId])).toEqual([
      ['Product 1', 2, 2190, variant?.id],
      ['Gift wrap', 1, 1190, null],
    ]);

    const runs = await syncRuns(workspaceA);
    expect(
      runs.map((run) => [run.kind, run.status, run.totalRows, run.processedRows, run.importedRows, run.failedRows]),
    ).toEqual([
      ['products', 'succeeded', 3, 3, 3, 0],
      ['orders', 'succeeded', 2, 2, 2, 0],
    ]);
    expect(runs.every((run) => run.source === null && run.finishedAt !== null)).toBe(true);
    // The catalog and orders pages list the sync beside file imports.
    const listed = await listRecentImports(database.prisma, workspaceA, 'products');
    expect(listed[0]).toMatchObject({ format: 'shopify_sync', status: 'succeeded', processedRows: 3 });
  });

  it('is idempotent: a second sync leaves one copy of everything', async () => {
    const before = {
      products: await database.prisma.product.count({ where: { workspaceId: workspaceA } }),
      variants: await database.prisma.variant.count({ where: { workspaceId: workspaceA } }),
      orders: await database.prisma.order.count({ where: { workspaceId: workspaceA } }),
      lines: await database.prisma.orderLine.count({ where: { workspaceId: workspaceA } }),
      contacts: await database.prisma.contact.count({ where: { workspaceId: workspaceA } }),
    };
    expect(await syncShop(deps(), { workspaceId: workspaceA, shop: shopA })).toEqual({
      products: 'succeeded',
      orders: 'succeeded',
    });
    expect({
      products: await database.prisma.product.count({ where: { workspaceId: workspaceA } }),
      variants: await database.prisma.variant.count({ where: { workspaceId: workspaceA } }),
      orders: await database.prisma.order.count({ where: { workspaceId: workspaceA } }),
      lines: await database.prisma.orderLine.count({ where: { workspaceId: workspaceA } }),
      contacts: await database.prisma.contact.count({ where: { workspaceId: workspaceA } }),
    }).toEqual(before);
    expect((await syncRuns(workspaceA)).map((run) => run.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
  });

  it('keeps an order a webhook stored with a newer update time', async () => {
    await database.prisma.order.update({
      where: { workspaceId_externalId: { workspaceId: workspaceA, externalId: 'gid://shopify/Order/5002' } },
      data: { status: 'fulfilled', sourceUpdatedAt: new Date('2026-11-22T00:00:00Z') },
    });
    await syncShop(deps(), { workspaceId: workspaceA, shop: shopA });
    const order = await database.prisma.order.findFirstOrThrow({
      where: { workspaceId: workspaceA, externalId: 'gid://shopify/Order/5002' },
    });
    expect(order).toMatchObject({ status: 'fulfilled', sourceUpdatedAt: new Date('2026-11-22T00:00:00Z') });
  });

  it('resumes after a failed attempt from the page it had reached', async () => {
    const prisma = database.prisma;
    let productPages = 0;
    fake.interceptor = (operation) =>
      operation.shop === shopA && operation.name === 'SyncProducts' && ++productPages === 2 ? 500 : undefined;
    await expect(syncShop(deps(), { workspaceId: workspaceA, shop: shopA })).rejects.toThrow();
    const [products, orders] = (await syncRuns(workspaceA)).slice(-2);
    expect(products).toMatchObject({ status: 'running', processedRows: 2, importedRows: 2 });
    expect(orders).toMatchObject({ status: 'queued' });

    fake.interceptor = undefined;
    const before = fake.operations.length;
    expect(await syncShop(deps(), { workspaceId: workspaceA, shop: shopA })).toEqual({
      products: 'succeeded',
      orders: 'succeeded',
    });
    const resumed = fake.operations.slice(before).find((operation) => operation.name === 'SyncProducts');
    expect(resumed?.variables.after).toBe('cursor:1');
    // The retry finished the same runs rather than starting new ones.
    const runs = await syncRuns(workspaceA);
    expect(runs).toHaveLength(8);
    expect(runs.slice(-2).map((run) => [run.status, run.processedRows, run.importedRows])).toEqual([
      ['succeeded', 3, 3],
      ['succeeded', 2, 2],
    ]);
    expect(await prisma.product.count({ where: { workspaceId: workspaceA } })).toBe(3);
  });
});

describe('syncing a large shop with a bulk operation', () => {
  it('writes only shop B’s workspace, reading the JSONL file Shopify produced', async () => {
    const aBefore = await database.prisma.product.findMany({
      where: { workspaceId: workspaceA },
      orderBy: { id: 'asc' },
    });
    const outcomes = await syncShop(deps(), { workspaceId: workspaceB, shop: shopB });
    expect(outcomes).toEqual({ products: 'succeeded', orders: 'succeeded' });

    const bulk = fake.bulkOperations.filter((operation) => operation.shop === shopB);
    // 6 products > threshold 4 → bulk; 3 orders ≤ 4 → pages.
    expect(bulk).toHaveLength(1);
    expect(bulk[0]).toMatchObject({ groupObjects: true, status: 'COMPLETED', rootObjectCount: 6, objectCount: 18 });
    const names = fake.operations.filter((operation) => operation.shop === shopB).map((operation) => operation.name);
    expect(names).not.toContain('SyncProducts');
    expect(names).toContain('SyncOrders');

    const products = await database.prisma.product.findMany({
      where: { workspaceId: workspaceB },
      include: { variants: true },
    });
    expect(products).toHaveLength(6);
    expect(products.every((product) => product.variants.length === 2)).toBe(true);
    expect(await database.prisma.order.count({ where: { workspaceId: workspaceB } })).toBe(3);
    const [productRun] = await syncRuns(workspaceB);
    expect(productRun).toMatchObject({ status: 'succeeded', totalRows: 6, processedRows: 6, importedRows: 6 });

    // Same Shopify ids in both shops: A's rows are untouched, B's are its own.
    expect(
      await database.prisma.product.findMany({ where: { workspaceId: workspaceA }, orderBy: { id: 'asc' } }),
    ).toEqual(aBefore);
    const shared = await database.prisma.product.findMany({ where: { externalId: 'gid://shopify/Product/1001' } });
    expect(shared.map((product) => product.workspaceId).sort()).toEqual([workspaceA, workspaceB].sort());
  });

  it('resumes polling the bulk operation it started instead of starting another', async () => {
    let polls = 0;
    fake.interceptor = (operation) =>
      operation.shop === shopB && operation.name === 'SyncBulkOperation' && ++polls === 1 ? 500 : undefined;
    await expect(syncShop(deps(), { workspaceId: workspaceB, shop: shopB })).rejects.toThrow();
    expect(fake.bulkOperations.filter((operation) => operation.shop === shopB)).toHaveLength(2);
    fake.interceptor = undefined;
    expect(await syncShop(deps(), { workspaceId: workspaceB, shop: shopB })).toEqual({
      products: 'succeeded',
      orders: 'succeeded',
    });
    expect(fake.bulkOperations.filter((operation) => operation.shop === shopB)).toHaveLength(2);
    expect(await database.prisma.product.count({ where: { workspaceId: workspaceB } })).toBe(6);
  });

  it('starts a new bulk operation when Shopify’s failed', async () => {
    fake.failNextBulkWith = 'INTERNAL_SERVER_ERROR';
    await expect(syncShop(deps(), { workspaceId: workspaceB, shop: shopB })).rejects.toThrow(/ended FAILED/);
    expect(await syncShop(deps(), { workspaceId: workspaceB, shop: shopB })).toMatchObject({ products: 'succeeded' });
    const bulk = fake.bulkOperations.filter((operation) => operation.shop === shopB);
    expect(bulk.map((operation) => operation.status)).toEqual(['COMPLETED', 'COMPLETED', 'FAILED', 'COMPLETED']);
  });
});

describe('when the sync cannot go on', () => {
  it('stops a run cancelled from the admin between batches', async () => {
    let pages = 0;
    fake.interceptor = async (operation) => {
      if (operation.shop === shopA && operation.name === 'SyncProducts' && ++pages === 2) {
        // The merchant presses cancel while the second page is on its way.
        const run = await database.prisma.importRun.findFirstOrThrow({
          where: { workspaceId: workspaceA, kind: 'products', status: 'running' },
        });
        await cancelImport(database.prisma, workspaceA, run.id);
      }
      return undefined;
    };
    const outcomes = await syncShop(deps({ pageSize: 1 }), { workspaceId: workspaceA, shop: shopA });
    expect(outcomes.products).toBe('cancelled');
    expect(outcomes.orders).toBe('succeeded');
    const [products] = (await syncRuns(workspaceA)).slice(-2);
    expect(products?.status).toBe('cancelled');
  });

  it('marks the runs failed when Shopify refuses the token, without retrying', async () => {
    await database.prisma.shopifySession.update({
      where: { id: `offline_${shopB}` },
      data: { accessToken: 'revoked' },
    });
    await expect(syncShop(deps(), { workspaceId: workspaceB, shop: shopB })).rejects.toBeInstanceOf(
      ShopifyAdminAccessError,
    );
    const runs = (await syncRuns(workspaceB)).slice(-2);
    expect(runs.map((run) => run.status)).toEqual(['failed', 'failed']);
    expect(runs[0]?.error).toMatch(/refused access/);
    await database.prisma.shopifySession.update({
      where: { id: `offline_${shopB}` },
      data: { accessToken: 'shpat_b' },
    });
  });

  it('refuses a job whose shop is not the workspace’s shop', async () => {
    await expect(syncShop(deps(), { workspaceId: workspaceA, shop: shopB })).rejects.toThrow(/not the workspace/);
  });
});

describe('the shopify.sync job', () => {
  let jobs: Jobs;

  afterAll(async () => {
    await jobs?.stop(1_000);
  });

  it('runs a queued sync to the end on a real worker', async () => {
    jobs = await startJobs({ databaseUrl: database.url, log });
    await registerShopifySyncJobs(
      { jobs, prisma: database.prisma, log, adminApi, bulkThreshold: 4, pollIntervalMs: 5 },
      { pollingIntervalSeconds: 0.5 },
    );
    const runsBefore = (await syncRuns(workspaceB)).length;
    await jobs.send('shopify.sync', { workspaceId: workspaceB, shop: shopB });

    await expect
      .poll(async () => (await syncRuns(workspaceB)).slice(runsBefore).map((run) => run.status), { timeout: 15_000 })
      .toEqual(['succeeded', 'succeeded']);
    await expect
      .poll(async () => {
        const { rows } = await database.pool.query("SELECT state FROM pgboss.job WHERE name = 'shopify.sync'");
        return rows.map((row) => row.state);
      })
      .toEqual(['completed']);
  });
});
