import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { outdoorStore, seedStore } from './catalog.fixtures';
import { getProduct, getProductByHandle, listCategories, ProductNotFoundError, toProductCard } from './index';

let database: TestDatabase;
let shopA: string;
let shopB: string;
let idsA: Map<string, string>;
let idsB: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ workspaceId: shopA, productIds: idsA } = await seedStore(database.prisma, 'shop-a'));
  ({ workspaceId: shopB, productIds: idsB } = await seedStore(database.prisma, 'shop-b', [
    ...outdoorStore,
    { handle: 'glacier-parka', title: 'Glacier Expedition Parka', category: 'Parkas', variants: [] },
  ]));
});
afterAll(async () => {
  await database.drop();
});

describe('product lookups', () => {
  it('gets a product with its variants in the store’s order', async () => {
    const product = await getProduct(database.prisma, shopA, idsA.get('alpine-rain-jacket') as string);
    expect(product).toMatchObject({ title: 'Alpine Waterproof Rain Jacket', workspaceId: shopA });
    expect(product.variants.map((variant) => [variant.title, variant.priceCents])).toEqual([
      ['M', 12900],
      ['L', 13900],
    ]);
    const byHandle = await getProductByHandle(database.prisma, shopA, 'alpine-rain-jacket');
    expect(byHandle.id).toBe(product.id);
  });

  it('treats another workspace’s product as not found, by id or by handle', async () => {
    const idOfB = idsB.get('alpine-rain-jacket') as string;
    await expect(getProduct(database.prisma, shopA, idOfB)).rejects.toThrow(ProductNotFoundError);
    await expect(getProductByHandle(database.prisma, shopA, 'glacier-parka')).rejects.toThrow(ProductNotFoundError);
    await expect(getProduct(database.prisma, shopB, idOfB)).resolves.toMatchObject({ workspaceId: shopB });
  });

  it('hides drafts unless asked, and answers malformed ids with not found', async () => {
    const draftId = idsA.get('prototype-storm-jacket') as string;
    await expect(getProduct(database.prisma, shopA, draftId)).rejects.toThrow(ProductNotFoundError);
    await expect(getProduct(database.prisma, shopA, draftId, { includeInactive: true })).resolves.toMatchObject({
      status: 'draft',
    });
    await expect(getProduct(database.prisma, shopA, 'not-a-uuid')).rejects.toThrow(ProductNotFoundError);
    await expect(getProduct(database.prisma, shopA, "' OR 1=1 --")).rejects.toThrow(ProductNotFoundError);
  });

  it('lists the categories of active products, biggest first, per workspace', async () => {
    const categories = await listCategories(database.prisma, shopA);
    expect(categories[0]).toEqual({ name: 'Jackets', productCount: 3 });
    expect(categories.map((category) => category.name)).toEqual(
      expect.arrayContaining(['Footwear', 'Socks', 'Tees', 'Rainwear', 'Bags']),
    );
    expect(categories.map((category) => category.name)).not.toContain('Parkas');
    expect((await listCategories(database.prisma, shopB)).map((category) => category.name)).toContain('Parkas');
  });

  it('turns a stored product into the widget’s card', async () => {
    const product = await getProduct(database.prisma, shopA, idsA.get('alpine-rain-jacket') as string);
    const card = toProductCard(product, { currency: 'USD', baseUrl: 'https://shop-a.example' });
    expect(card).toEqual({
      id: product.id,
      title: 'Alpine Waterproof Rain Jacket',
      price: '129.00',
      compareAtPrice: '159.00',
      currency: 'USD',
      url: 'https://shop-a.example/products/alpine-rain-jacket',
      imageUrl: null,
      available: true,
      variants: [
        {
          id: product.variants[0]?.id,
          externalId: 'shop-a-4401',
          title: 'M',
          price: '129.00',
          available: true,
          options: { Size: 'M' },
        },
        {
          id: product.variants[1]?.id,
          externalId: 'shop-a-4402',
          title: 'L',
          price: '139.00',
          available: false,
          options: { Size: 'L' },
        },
      ],
    });
  });
});
