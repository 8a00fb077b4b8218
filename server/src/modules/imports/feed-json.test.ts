import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutJsonElements, readJsonItems } from './feed-json';
import { mapJsonProducts } from './feed-products.mapper';
import { collect } from './imports.fixtures';

describe('JSON feeds', () => {
  it('cuts a top-level array or the "products" array of an object, strings with brackets included', () => {
    const products = [
      { title: 'A "quoted" [bracket] {brace}', price: 1 },
      { title: 'B\\', price: 2 },
    ];
    expect([...cutJsonElements(JSON.stringify(products))].map((slice) => JSON.parse(slice))).toEqual(products);
    const wrapped = JSON.stringify({ shop: { products: ['not these'] }, count: 2, products });
    expect([...cutJsonElements(`\uFEFF ${wrapped}`)].map((slice) => JSON.parse(slice))).toEqual(products);
    expect([...cutJsonElements('[]')]).toEqual([]);
  });

  it('cuts any array of JSON values back into the same values', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 10 }), (values) => {
        const text = JSON.stringify(values, null, values.length % 2 ? 2 : undefined);
        expect([...cutJsonElements(text)].map((slice) => JSON.parse(slice))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses what is not a feed and says where a cut-off file ends', () => {
    expect(() => [...cutJsonElements('{"items": []}')]).toThrow(/"products" array/);
    expect(() => [...cutJsonElements('"x"')]).toThrow(/"products" array/);
    expect(() => [...cutJsonElements('[{"title": "A"}, {"title": "B"')]).toThrow(
      'The file ends inside product 2; it looks cut off.',
    );
  });

  it('maps flat objects like the simple CSV and API-shaped products as they are, reporting bad elements', async () => {
    const feed = JSON.stringify([
      { title: 'Mug', price: 12.5, sku: 'MUG', tags: ['kitchen', 'gift'], imageUrl: 'https://x.example/m.jpg' },
      { handle: 'cup', title: 'Cup', status: 'draft', variants: [{ sku: 'CUP', priceCents: 900, inventory: 2 }] },
      { name: 'No price' },
      42,
      { title: 'Bad variant', variants: [{ priceCents: -1 }] },
    ]);
    const units = await collect(mapJsonProducts(readJsonItems(feed)));
    expect(units[0]?.value).toEqual({
      handle: 'mug',
      title: 'Mug',
      tags: ['kitchen', 'gift'],
      imageUrl: 'https://x.example/m.jpg',
      variants: [{ sku: 'MUG', title: 'Default', priceCents: 1250 }],
    });
    expect(units[1]?.value).toEqual({
      handle: 'cup',
      title: 'Cup',
      status: 'draft',
      variants: [{ sku: 'CUP', priceCents: 900, inventory: 2 }],
    });
    expect(units.slice(2).map((unit) => unit.errors)).toEqual([
      [{ row: 3, message: 'This product has no "price" (or "regular price", "unit price").' }],
      [{ row: 4, message: 'Each product must be a JSON object.' }],
      [{ row: 5, field: 'variants.0.priceCents', message: expect.stringMatching(/^variants\.0\.priceCents: /) }],
    ]);
  });
});
