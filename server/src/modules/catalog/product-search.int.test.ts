import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { outdoorStore, seedStore } from './catalog.fixtures';
import { InvalidProductSearchError, type ProductHit, parseShoppingQuery, searchProducts, toProductCard } from './index';

let database: TestDatabase;
let shopA: string;
let shopB: string;
let idsA: Map<string, string>;
let idsB: Map<string, string>;

const titles = (hits: ProductHit[]) => hits.map((hit) => hit.title);
const search = (workspaceId: string, input: Parameters<typeof searchProducts>[2]) =>
  searchProducts(database.prisma, workspaceId, input);

beforeAll(async () => {
  database = await createTestDatabase();
  ({ workspaceId: shopA, productIds: idsA } = await seedStore(database.prisma, 'shop-a'));
  // Shop B sells the same things, plus one product only it has.
  ({ workspaceId: shopB, productIds: idsB } = await seedStore(database.prisma, 'shop-b', [
    ...outdoorStore,
    {
      handle: 'glacier-parka',
      title: 'Glacier Expedition Parka',
      category: 'Parkas',
      variants: [{ title: 'L', priceCents: 39900, inventory: 2 }],
    },
  ]));
  await database.prisma.product.createMany({
    data: Array.from({ length: 25 }, (_unused, index) => ({
      workspaceId: shopA,
      handle: `basic-tee-${index}`,
      title: `Basic Organic Tee ${index + 1}`,
      category: 'Tees',
      // Without tags the init migration's trigger leaves searchVector NULL (reported; see the module README).
      tags: [],
    })),
  });
});
afterAll(async () => {
  await database.drop();
});

describe('searchProducts', () => {
  it('finds products by the words of their title, with variants and a score', async () => {
    const hits = await search(shopA, { query: 'rain jacket' });
    expect(hits[0]).toMatchObject({ title: 'Alpine Waterproof Rain Jacket', id: idsA.get('alpine-rain-jacket') });
    expect(hits[0]?.variants.map((variant) => variant.title)).toEqual(['M', 'L']);
    expect(hits[0]?.variants[0]?.createdAt).toBeInstanceOf(Date);
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it('tolerates typos: swapped letters, a missing letter, a cut-off word', async () => {
    expect(titles(await search(shopA, { query: 'jakcet' }))).toEqual(
      expect.arrayContaining(['Alpine Waterproof Rain Jacket', 'Summit Insulated Down Jacket']),
    );
    expect(titles(await search(shopA, { query: 'waterprof' }))[0]).toBe('Alpine Waterproof Rain Jacket');
    expect(titles(await search(shopA, { query: 'windbraker' }))[0]).toBe('Coastal Windbreaker');
    expect(titles(await search(shopA, { query: 'waterproof jakcet' }))[0]).toBe('Alpine Waterproof Rain Jacket');
  });

  it('ranks a title match above a description match', async () => {
    // The dry bag says "poncho" twice, but only in its description.
    expect(titles(await search(shopA, { query: 'poncho' }))).toEqual(['Packable Poncho', 'Roll-Top Dry Bag']);
  });

  it('falls back to most of the words when no product has them all', async () => {
    const hits = await search(shopA, { query: 'warm waterproof jacket for hiking' });
    expect(hits[0]?.title).toBe('Alpine Waterproof Rain Jacket');
    expect(titles(hits)).toContain('Summit Insulated Down Jacket');
    // A word no product has does not sink the others.
    const mixed = await search(shopA, { query: 'waterproof boots scotland' });
    expect(mixed[0]?.title).toBe('Trail Hiking Boots');
  });

  it('filters on variant prices and shows the matching price', async () => {
    const underBudget = await search(shopA, { query: 'jacket', maxPriceCents: 13000 });
    expect(underBudget[0]).toMatchObject({ title: 'Alpine Waterproof Rain Jacket', matchingPriceCents: 12900 });
    expect(titles(underBudget)).not.toContain('Summit Insulated Down Jacket');
    const band = await search(shopA, { query: 'jacket', minPriceCents: 13000, maxPriceCents: 14000 });
    expect(band.map((hit) => [hit.title, hit.matchingPriceCents])).toEqual([['Alpine Waterproof Rain Jacket', 13900]]);
    expect(toProductCard(band[0] as ProductHit).price).toBe('139.00');
    expect(await search(shopA, { query: 'boots', maxPriceCents: 10000 })).toEqual([]);
  });

  it('keeps only products with a variant in stock when asked (untracked stock counts as in stock)', async () => {
    expect(titles(await search(shopA, { query: 'harbor tee' }))[0]).toBe('Harbor Cotton Tee');
    expect(titles(await search(shopA, { query: 'harbor tee', inStockOnly: true }))).not.toContain('Harbor Cotton Tee');
    expect(titles(await search(shopA, { query: 'down jacket', inStockOnly: true }))[0]).toBe(
      'Summit Insulated Down Jacket',
    );
    // The rain jacket's size M is in stock but under $130; its size L is $139 but sold out.
    const hits = await search(shopA, { query: 'rain jacket', inStockOnly: true, minPriceCents: 13000 });
    expect(titles(hits)).not.toContain('Alpine Waterproof Rain Jacket');
  });

  it('filters by category, ignoring case', async () => {
    expect(titles(await search(shopA, { query: 'waterproof', category: 'footwear' }))).toEqual(['Trail Hiking Boots']);
    const jackets = await search(shopA, { category: 'Jackets', limit: 20 });
    expect(titles(jackets).sort()).toEqual([
      'Alpine Waterproof Rain Jacket',
      'Coastal Windbreaker',
      'Summit Insulated Down Jacket',
    ]);
  });

  it('returns 5 results by default and never more than 20', async () => {
    expect(await search(shopA, { query: 'organic tee' })).toHaveLength(5);
    expect(await search(shopA, { query: 'organic tee', limit: 50 })).toHaveLength(20);
    expect(await search(shopA, { query: 'organic tee', limit: 2 })).toHaveLength(2);
    expect(await search(shopA, {})).toHaveLength(5);
  });

  it('never returns drafts or archived products', async () => {
    const hits = await search(shopA, { query: 'storm jacket prototype', limit: 20 });
    expect(titles(hits)).not.toContain('Prototype Waterproof Storm Jacket');
  });

  it('takes shopper text through parseShoppingQuery', async () => {
    const hits = await search(shopA, parseShoppingQuery('Do you have a waterproof jacket under $150 in stock?'));
    expect(hits[0]).toMatchObject({ title: 'Alpine Waterproof Rain Jacket', matchingPriceCents: 12900 });
    expect(titles(hits)).not.toContain('Trail Hiking Boots');
  });

  it('rejects impossible filters and treats hostile text as words', async () => {
    await expect(search(shopA, { query: 'jacket', minPriceCents: 500, maxPriceCents: 100 })).rejects.toThrow(
      InvalidProductSearchError,
    );
    for (const query of ['\'; DROP TABLE "Product"; --', 'jacket & !boots | (', '"unclosed', '-', '!!!', '日本語']) {
      await expect(search(shopA, { query })).resolves.toBeInstanceOf(Array);
    }
    expect(await database.prisma.product.count({ where: { workspaceId: shopA } })).toBe(outdoorStore.length + 25);
  });

  it('never returns another workspace’s products or variants', async () => {
    const productsOfB = new Set(idsB.values());
    const variantsOfB = new Set(
      (await database.prisma.variant.findMany({ where: { workspaceId: shopB } })).map((variant) => variant.id),
    );
    for (const query of ['jacket', 'jakcet', 'parka', 'glacier expedition parka', 'warm waterproof', '', 'poncho']) {
      for (const hit of await search(shopA, { query, limit: 20 })) {
        expect(hit.workspaceId).toBe(shopA);
        expect(productsOfB.has(hit.id)).toBe(false);
        for (const variant of hit.variants) expect(variantsOfB.has(variant.id)).toBe(false);
      }
    }
    expect(titles(await search(shopB, { query: 'parka' }))).toEqual(['Glacier Expedition Parka']);
    expect(await search(shopA, { query: 'glacier expedition parka' })).toEqual([]);
  });
});
