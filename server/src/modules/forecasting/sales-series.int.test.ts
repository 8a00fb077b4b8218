import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { type FixtureOrder, seedForecastStore } from './forecasting.fixtures';
import { buildSalesSeries } from './sales-series';

/**
 * Series built by SQL on a hand-made order book in New York time. Two weeks
 * from Monday 2 March 2026; US daylight saving starts on Sunday 8 March.
 */
const timeZone = 'America/New_York';
const at = (iso: string) => new Date(iso);
const boston = { city: 'Boston', region: 'MA', country: 'US' };
const newYork = { city: 'New York', region: 'NY', country: 'US' };
const orders: FixtureOrder[] = [
  // Monday 10:00 local.
  { placedAt: at('2026-03-02T15:00:00Z'), ...boston, lines: [{ product: 'mug', quantity: 2 }] },
  // Monday 03:30 UTC is still Sunday 23:30 in New York: the first week, not the second.
  { placedAt: at('2026-03-09T03:30:00Z'), ...boston, lines: [{ product: 'mug', quantity: 3 }] },
  {
    placedAt: at('2026-03-10T12:00:00Z'),
    ...newYork,
    lines: [
      { product: 'print', quantity: 1 },
      { product: 'mug', quantity: 1 },
    ],
  },
  // Sunday 21:00 local, the last evening of the second week.
  { placedAt: at('2026-03-16T01:00:00Z'), ...newYork, lines: [{ product: 'print', quantity: 4 }] },
  // Monday 01:00 local: the third week, outside the window.
  { placedAt: at('2026-03-16T05:00:00Z'), ...newYork, lines: [{ product: 'print', quantity: 9 }] },
  // Not demand: cancelled, refunded, and a custom line without a product.
  { placedAt: at('2026-03-03T12:00:00Z'), ...boston, status: 'cancelled', lines: [{ product: 'mug', quantity: 50 }] },
  { placedAt: at('2026-03-04T12:00:00Z'), ...boston, status: 'refunded', lines: [{ product: 'mug', quantity: 40 }] },
  { placedAt: at('2026-03-05T12:00:00Z'), ...boston, lines: [{ product: null, quantity: 7 }] },
];

let database: TestDatabase;
let shop: { workspaceId: string; productIds: Map<string, string> };

beforeAll(async () => {
  database = await createTestDatabase();
  shop = await seedForecastStore(database.prisma, {
    slug: 'series-shop',
    timezone: timeZone,
    products: [
      { handle: 'mug', category: 'Kitchen', priceCents: 1200, inventory: 10 },
      { handle: 'print', category: 'Art', priceCents: 3000, inventory: null },
    ],
    orders,
  });
  // Another shop with the same products and a big order in the same week: it must never be counted.
  await seedForecastStore(database.prisma, {
    slug: 'other-shop',
    timezone: timeZone,
    products: [{ handle: 'mug', category: 'Kitchen', priceCents: 1200, inventory: 10 }],
    orders: [{ placedAt: at('2026-03-03T12:00:00Z'), ...boston, lines: [{ product: 'mug', quantity: 100 }] }],
  });
});
afterAll(async () => database.drop());

const window = { timeZone, from: at('2026-03-02T00:00:00Z'), to: at('2026-03-16T00:00:00Z') };
const series = async (by: 'product' | 'category' | 'city' | 'region' | 'country', grain: 'week' | 'day' = 'week') => {
  const result = await buildSalesSeries(database.prisma, shop.workspaceId, { ...window, by, grain });
  return Object.fromEntries([...result.series].map(([key, values]) => [key, Array.from(values)]));
};

describe('buildSalesSeries', () => {
  it('counts weekly units per product on the local calendar, without cancelled, refunded or custom lines', async () => {
    const result = await buildSalesSeries(database.prisma, shop.workspaceId, {
      ...window,
      by: 'product',
      grain: 'week',
    });
    expect(result.start.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(result.length).toBe(2);
    expect(await series('product')).toEqual({
      [shop.productIds.get('mug') as string]: [5, 1],
      [shop.productIds.get('print') as string]: [0, 5],
    });
  });

  it('groups by category, city, region and country, zero-filled', async () => {
    expect(await series('category')).toEqual({ Kitchen: [5, 1], Art: [0, 5] });
    expect(await series('city')).toEqual({ 'US|MA|Boston': [5, 0], 'US|NY|New York': [0, 6] });
    expect(await series('region')).toEqual({ 'US|MA': [5, 0], 'US|NY': [0, 6] });
    expect(await series('country')).toEqual({ US: [5, 6] });
  });

  it('builds daily series on the same calendar', async () => {
    const daily = await series('product', 'day');
    const mug = daily[shop.productIds.get('mug') as string] as number[];
    expect(mug).toHaveLength(14);
    // 2 March, 8 March (Sunday evening), 10 March.
    expect(mug.map((units, day) => [day, units]).filter(([, units]) => (units as number) > 0)).toEqual([
      [0, 2],
      [6, 3],
      [8, 1],
    ]);
  });
});
