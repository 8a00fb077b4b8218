import type { Variant } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import type { ProductWithVariants } from './catalog.model';
import { formatMinorUnits } from './money';
import { toProductCard } from './product-card.mapper';

const at = new Date('2026-01-01T00:00:00Z');

function variant(overrides: Partial<Variant>): Variant {
  return {
    id: 'v1',
    workspaceId: 'w',
    productId: 'p',
    externalId: null,
    sku: null,
    title: 'Default Title',
    options: {},
    priceCents: 1000,
    compareAtPriceCents: null,
    inventory: null,
    inventoryItemId: null,
    position: 0,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function product(variants: Variant[], overrides: Partial<ProductWithVariants> = {}): ProductWithVariants {
  return {
    id: 'p',
    workspaceId: 'w',
    externalId: null,
    handle: 'tent',
    title: 'Two-Person Tent',
    description: '',
    category: 'Camping',
    vendor: null,
    tags: [],
    imageUrl: 'https://cdn.example/tent.jpg',
    url: '/products/tent',
    status: 'active',
    currency: 'usd',
    minPriceCents: null,
    sourceCreatedAt: null,
    createdAt: at,
    updatedAt: at,
    variants,
    ...overrides,
  };
}

describe('toProductCard', () => {
  it('formats cents as decimal strings and takes the cheapest variant that can be bought', () => {
    const card = toProductCard(
      product([
        variant({ id: 'a', title: 'Green', priceCents: 9900, inventory: 0, options: { Colour: 'Green', Capacity: 2 } }),
        variant({
          id: 'b',
          title: 'Blue',
          priceCents: 12950,
          compareAtPriceCents: 15000,
          inventory: 3,
          externalId: '77',
        }),
      ]),
    );
    expect(card).toMatchObject({ price: '129.50', compareAtPrice: '150.00', currency: 'USD', available: true });
    expect(card.url).toBe('/products/tent');
    expect(card.variants).toEqual([
      {
        id: 'a',
        externalId: null,
        title: 'Green',
        price: '99.00',
        available: false,
        options: { Colour: 'Green', Capacity: '2' },
      },
      { id: 'b', externalId: '77', title: 'Blue', price: '129.50', available: true, options: {} },
    ]);
  });

  it('shows the price that matched a search filter', () => {
    const variants = [
      variant({ id: 'a', priceCents: 5000 }),
      variant({ id: 'b', priceCents: 8000, compareAtPriceCents: 9000 }),
    ];
    const card = toProductCard({ ...product(variants), matchingPriceCents: 8000 });
    expect(card).toMatchObject({ price: '80.00', compareAtPrice: '90.00' });
  });

  it('is unavailable when every tracked variant is sold out; untracked stock is available', () => {
    expect(toProductCard(product([variant({ inventory: 0 }), variant({ inventory: -2 })])).available).toBe(false);
    expect(toProductCard(product([variant({ inventory: null })])).available).toBe(true);
    expect(toProductCard(product([])).available).toBe(false);
  });

  it('resolves relative links against the store and drops links that are not http(s)', () => {
    const options = { baseUrl: 'https://shop.example' };
    expect(toProductCard(product([variant({})]), options).url).toBe('https://shop.example/products/tent');
    expect(toProductCard(product([variant({})], { url: 'javascript:alert(1)' }), options).url).toBeNull();
    expect(toProductCard(product([variant({})], { url: 'javascript:alert(1)' })).url).toBeNull();
    expect(toProductCard(product([variant({})], { imageUrl: 'data:image/png;base64,AAAA' })).imageUrl).toBeNull();
    expect(toProductCard(product([variant({})], { url: '//evil.example/x' })).url).toBeNull();
  });

  it('ignores a compare-at price that is not higher than the price', () => {
    expect(
      toProductCard(product([variant({ priceCents: 5000, compareAtPriceCents: 5000 })])).compareAtPrice,
    ).toBeNull();
  });

  it('uses the currency it is given over the product’s own', () => {
    expect(toProductCard(product([variant({ priceCents: 150000 })]), { currency: 'jpy' })).toMatchObject({
      price: '1500',
      currency: 'JPY',
    });
  });
});

describe('formatMinorUnits', () => {
  it.each([
    [12900, 'USD', '129.00'],
    [5, 'EUR', '0.05'],
    [0, 'USD', '0.00'],
    [-1999, 'USD', '-19.99'],
    [150000, 'JPY', '1500'],
    [1250, 'KWD', '12.500'],
    [999, 'XYZ', '9.99'],
    [999, 'not-a-code', '9.99'],
  ])('%i %s → %s', (cents, currency, expected) => {
    expect(formatMinorUnits(cents, currency)).toBe(expected);
  });
});
