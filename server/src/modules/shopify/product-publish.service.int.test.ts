import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createShopifyAdminApi, type ShopifyAdminApi } from './admin-graphql.client';
import { isPermanentPublishFailure, publishProductContent, ShopifyPublishError } from './product-publish.service';
import { type FakeAdminGraphql, fakeApiCredentials, startFakeAdminGraphql } from './testing/fake-admin-graphql.server';
import { fakeProduct } from './testing/fake-shop.fixtures';

/** `productUpdate` through the real client against the fake Shopify, for products stored in the database. */
const log = createLogger({ level: 'silent' });
const shop = 'shop-a.myshopify.com';
let database: TestDatabase;
let fake: FakeAdminGraphql;
let adminApi: ShopifyAdminApi;
let workspaceId: string;
let otherWorkspaceId: string;
const productIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeAdminGraphql({
    [shop]: { accessToken: 'shpat_a', products: [fakeProduct(1), fakeProduct(2)], orders: [] },
  });
  adminApi = createShopifyAdminApi({ ...fakeApiCredentials, fetch: fake.fetch }, { prisma: database.prisma, log });
  const prisma = database.prisma;
  workspaceId = (await prisma.workspace.create({ data: { name: 'A', slug: 'a', shopDomain: shop } })).id;
  otherWorkspaceId = (await prisma.workspace.create({ data: { name: 'Portal team', slug: 'team' } })).id;
  await prisma.shopifySession.create({ data: { id: `offline_${shop}`, shop, state: '', accessToken: 'shpat_a' } });
  for (const [key, data] of Object.entries({
    tent: { workspaceId, handle: 'product-1', title: 'Tent', externalId: 'gid://shopify/Product/1001' },
    stove: { workspaceId, handle: 'product-2', title: 'Stove', externalId: 'gid://shopify/Product/1002' },
    local: { workspaceId, handle: 'local', title: 'Imported from CSV', externalId: 'local-1' },
    foreign: { workspaceId: otherWorkspaceId, handle: 'x', title: 'X', externalId: 'gid://shopify/Product/1001' },
  })) {
    productIds[key] = (await prisma.product.create({ data: data })).id;
  }
});

afterAll(async () => {
  await fake.close();
  await database.drop();
});

const deps = () => ({ prisma: database.prisma, adminApi });

describe('publishProductContent', () => {
  it('writes the description and SEO to the Shopify product with one productUpdate', async () => {
    const result = await publishProductContent(deps(), workspaceId, productIds.tent as string, {
      descriptionHtml: '<p>A light tent.</p>',
      seoTitle: 'Trailhead 2 Tent',
      seoDescription: 'Two people, three seasons.',
    });
    expect(result).toEqual({ shopifyProductId: 'gid://shopify/Product/1001' });
    expect(fake.productUpdates).toEqual([
      {
        shop,
        input: {
          id: 'gid://shopify/Product/1001',
          descriptionHtml: '<p>A light tent.</p>',
          seo: { title: 'Trailhead 2 Tent', description: 'Two people, three seasons.' },
        },
      },
    ]);
    const stored = fake.shops.get(shop)?.products[0];
    expect(stored).toMatchObject({
      descriptionHtml: '<p>A light tent.</p>',
      seo: { title: 'Trailhead 2 Tent', description: 'Two people, three seasons.' },
    });
    expect(fake.operations.at(-1)).toMatchObject({ name: 'PublishProductContent', apiVersion: '2026-10' });
  });

  it('sends only what is published: an SEO title leaves the description alone', async () => {
    await publishProductContent(deps(), workspaceId, productIds.stove as string, { seoTitle: 'Camp stove' });
    expect(fake.productUpdates.at(-1)?.input).toEqual({
      id: 'gid://shopify/Product/1002',
      seo: { title: 'Camp stove' },
    });
    expect(fake.shops.get(shop)?.products[1]?.descriptionHtml).toBe('<p>The <strong>2th</strong> product.</p>');
  });

  it('turns Shopify’s userErrors into a ShopifyPublishError with their messages', async () => {
    fake.productUpdateErrors.set('gid://shopify/Product/1002', [
      { field: ['seo', 'title'], message: 'SEO title is too long (maximum is 70 characters)' },
    ]);
    const error = await publishProductContent(deps(), workspaceId, productIds.stove as string, {
      seoTitle: 'x'.repeat(90),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShopifyPublishError);
    expect((error as ShopifyPublishError).message).toContain('SEO title is too long (maximum is 70 characters)');
    expect((error as ShopifyPublishError).userErrors).toEqual([
      { field: ['seo', 'title'], message: 'SEO title is too long (maximum is 70 characters)' },
    ]);
    expect(isPermanentPublishFailure(error)).toBe(true);
  });

  it('refuses products that are not this workspace’s Shopify products, without calling Shopify', async () => {
    const calls = fake.productUpdates.length;
    for (const [workspace, product] of [
      [workspaceId, productIds.local],
      [workspaceId, productIds.foreign],
      [otherWorkspaceId, productIds.foreign],
    ] as const) {
      await expect(
        publishProductContent(deps(), workspace, product as string, { descriptionHtml: '<p>x</p>' }),
      ).rejects.toBeInstanceOf(ShopifyPublishError);
    }
    expect(fake.productUpdates).toHaveLength(calls);
  });
});
