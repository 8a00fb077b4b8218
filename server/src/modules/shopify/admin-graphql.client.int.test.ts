import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createShopifyAdminApi, ShopifyAdminAccessError, ShopifyGraphqlError } from './admin-graphql.client';
import { shopCountsQuery } from './admin-graphql.queries';
import { type FakeAdminGraphql, fakeApiCredentials, startFakeAdminGraphql } from './testing/fake-admin-graphql.server';
import { fakeOrder, fakeProduct } from './testing/fake-shop.fixtures';

/** The real `@shopify/shopify-api` client, its fetch routed to a local fake Shopify, sessions from the database. */
const log = createLogger({ level: 'silent' });
const shop = 'shop-a.myshopify.com';
let database: TestDatabase;
let fake: FakeAdminGraphql;

beforeAll(async () => {
  database = await createTestDatabase();
  const product = fakeProduct(1);
  fake = await startFakeAdminGraphql({
    [shop]: { accessToken: 'shpat_a', products: [product, fakeProduct(2)], orders: [fakeOrder(1, product)] },
    'shop-b.myshopify.com': { accessToken: 'shpat_b', products: [], orders: [] },
    'shop-c.myshopify.com': {
      accessToken: 'shpat_c_old',
      products: [fakeProduct(3)],
      orders: [],
      refreshToken: 'shprt_c',
    },
  });
  await database.prisma.shopifySession.createMany({
    data: [
      { id: `offline_${shop}`, shop, state: '', accessToken: 'shpat_a', scope: 'read_products' },
      { id: 'offline_shop-b.myshopify.com', shop: 'shop-b.myshopify.com', state: '', accessToken: 'shpat_revoked' },
      {
        id: 'offline_shop-c.myshopify.com',
        shop: 'shop-c.myshopify.com',
        state: '',
        accessToken: 'shpat_c_old',
        // An expiring offline token one minute from its end: refreshed before use.
        expires: new Date(Date.now() + 60_000),
        refreshToken: 'shprt_c',
        refreshTokenExpires: new Date(Date.now() + 86_400_000),
      },
    ],
  });
});

afterAll(async () => {
  await fake.close();
  await database.drop();
});

function api() {
  return createShopifyAdminApi({ ...fakeApiCredentials, fetch: fake.fetch }, { prisma: database.prisma, log });
}

describe('the Admin GraphQL client', () => {
  it('queries the shop with its offline token at API version 2026-10', async () => {
    const data = await api().request<{ productsCount: { count: number }; ordersCount: { count: number } }>(
      shop,
      shopCountsQuery,
    );
    expect(data).toEqual({ productsCount: { count: 2 }, ordersCount: { count: 1 } });
    expect(fake.operations.at(-1)).toMatchObject({ shop, apiVersion: '2026-10', name: 'SyncCounts' });
  });

  it('refuses a shop without an offline session, and one whose token Shopify rejects, as access errors', async () => {
    await expect(api().request('shop-z.myshopify.com', shopCountsQuery)).rejects.toBeInstanceOf(
      ShopifyAdminAccessError,
    );
    const rejected = api().request('shop-b.myshopify.com', shopCountsQuery);
    await expect(rejected).rejects.toBeInstanceOf(ShopifyAdminAccessError);
    await expect(rejected).rejects.toThrow(/401/);
  });

  it('waits out a THROTTLED answer and retries', async () => {
    const before = fake.operations.length;
    fake.throttleNext = 2;
    const data = await api().request<{ productsCount: { count: number } }>(shop, shopCountsQuery);
    expect(data.productsCount.count).toBe(2);
    expect(fake.operations.length - before).toBe(3);
  });

  it('reports GraphQL errors with their codes (a query over the cost limit)', async () => {
    const query = `query TooBig { products(first: 250) { nodes { id variants(first: 250) { nodes { id } } } } }`;
    const error = await api()
      .request(shop, query)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShopifyGraphqlError);
    expect((error as ShopifyGraphqlError).codes).toEqual(['MAX_COST_EXCEEDED']);
  });

  it('refreshes an expiring offline token first and stores the new one', async () => {
    const data = await api().request<{ productsCount: { count: number } }>('shop-c.myshopify.com', shopCountsQuery);
    expect(data.productsCount.count).toBe(1);
    const session = await database.prisma.shopifySession.findUniqueOrThrow({
      where: { id: 'offline_shop-c.myshopify.com' },
    });
    const fakeShop = fake.shops.get('shop-c.myshopify.com');
    expect(session.accessToken).toBe(fakeShop?.accessToken);
    expect(session.accessToken).not.toBe('shpat_c_old');
    expect(session.refreshToken).toBe(fakeShop?.refreshToken);
    expect(session.expires?.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    // The fresh token is used as is, without another refresh.
    const refreshedToken = session.accessToken;
    await api().request('shop-c.myshopify.com', shopCountsQuery);
    expect(fakeShop?.accessToken).toBe(refreshedToken);
  });
});
