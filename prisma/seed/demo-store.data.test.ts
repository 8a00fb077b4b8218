// Checks the demo store is deterministic, internally consistent and shows the demand patterns
// (seasons, holidays, promotions, slow sellers, city differences) the assistant and forecasts rely on.
// The store is generated once and shared, because each generation takes a few hundred milliseconds.

import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  computeCityShares,
  DEMO_CITIES,
  type DemoOrder,
  type DemoProduct,
  type DemoStore,
  expectDailyUnits,
  generateDemoStore,
  listPromotions,
} from './demo-store.data';

const END_DATE = new Date('2026-11-01T00:00:00Z');
const PERIOD_START = new Date('2025-05-01T00:00:00Z');
const DAY_MS = 86_400_000;

let store: DemoStore;
let generationMs = 0;
let productsById: Map<string, DemoProduct>;

beforeAll(() => {
  const startedAt = performance.now();
  store = generateDemoStore();
  generationMs = performance.now() - startedAt;
  productsById = new Map(store.products.map((product) => [product.externalId, product]));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function digestStore(value: DemoStore): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function sumUnits(orders: readonly DemoOrder[], keep: (product: DemoProduct, order: DemoOrder) => boolean): number {
  let units = 0;
  for (const order of orders) {
    for (const line of order.lines) {
      const product = productsById.get(line.productExternalId);
      if (product && keep(product, order)) units += line.quantity;
    }
  }
  return units;
}

function countWeeklyUnits(productId: string): number[] {
  const weeks = new Array<number>(78).fill(0);
  for (const order of store.orders) {
    const week = Math.floor((order.createdAt.getTime() - PERIOD_START.getTime()) / (7 * DAY_MS));
    for (const line of order.lines)
      if (line.productExternalId === productId && week < 78) weeks[week] = (weeks[week] ?? 0) + line.quantity;
  }
  return weeks;
}

function countOrdersPerDay(orders: readonly DemoOrder[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const order of orders) {
    const day = order.createdAt.toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const inMonths = (months: number[]) => (order: DemoOrder) => months.includes(order.createdAt.getUTCMonth());
const NOV_JAN = inMonths([10, 11, 0]);
const JUN_AUG = inMonths([5, 6, 7]);
const isSouthern = (order: DemoOrder) => order.shippingCountry === 'AU';

describe('determinism and speed', () => {
  it('returns identical data for identical options', () => {
    const again = generateDemoStore({ seed: 42, endDate: END_DATE, productCount: 200 });
    // Digests rather than toEqual: a failing deep diff of 20k orders takes longer than the suite.
    expect(digestStore({ ...again, orders: [] })).toBe(digestStore({ ...store, orders: [] }));
    expect(digestStore(again)).toBe(digestStore(store));
  });

  it('returns different data for a different seed', () => {
    const other = generateDemoStore({ seed: 7 });
    expect(digestStore(other)).not.toBe(digestStore(store));
    expect(other.products.map((p) => p.title)).not.toEqual(store.products.map((p) => p.title));
  });

  it('ignores the clock and Math.random', () => {
    vi.useFakeTimers({ now: new Date('2031-03-03T12:00:00Z') });
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random must not be used');
    });
    expect(digestStore(generateDemoStore())).toBe(digestStore(store));
  });

  it('honours other options, including an end date that is not midnight', () => {
    const endDate = new Date('2024-03-15T12:30:00Z');
    const small = generateDemoStore({ seed: 3, productCount: 30, endDate });
    const start = new Date('2022-09-15T12:30:00Z');
    expect(small.products).toHaveLength(30);
    expect(small.orders.length).toBeGreaterThan(1000);
    for (const order of small.orders) {
      expect(order.createdAt >= start && order.createdAt < endDate).toBe(true);
      for (const line of order.lines) {
        const product = small.products.find((p) => p.externalId === line.productExternalId);
        expect(order.createdAt >= (product?.demand.launchedAt ?? endDate)).toBe(true);
      }
    }
  });

  it('generates the default store in under 3 seconds', () => {
    expect(generationMs).toBeLessThan(3000);
  });
});

describe('catalog', () => {
  it('has about 200 products in 6–8 categories', () => {
    expect(store.products).toHaveLength(200);
    expect(store.categories.length).toBeGreaterThanOrEqual(6);
    expect(store.categories.length).toBeLessThanOrEqual(8);
    for (const product of store.products) expect(store.categories).toContain(product.category);
    for (const category of store.categories) expect(store.products.some((p) => p.category === category)).toBe(true);
  });

  it('uses unique, stable identifiers, handles and image paths', () => {
    const variants = store.products.flatMap((p) => p.variants);
    expect(new Set(store.products.map((p) => p.externalId)).size).toBe(store.products.length);
    expect(new Set(store.products.map((p) => p.handle)).size).toBe(store.products.length);
    expect(new Set(variants.map((v) => v.externalId)).size).toBe(variants.length);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
    expect(store.products[0]?.externalId).toBe('demo-p-001');
    for (const product of store.products) {
      expect(product.handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(product.imageUrl).toBe(`/demo/images/${product.handle}.svg`);
    }
  });

  it('writes varied 2–4 sentence descriptions', () => {
    expect(new Set(store.products.map((p) => p.description)).size).toBeGreaterThan(190);
    for (const product of store.products) {
      const sentences = product.description.match(/[.!?](\s|$)/g) ?? [];
      expect(sentences.length, product.description).toBeGreaterThanOrEqual(2);
      expect(sentences.length, product.description).toBeLessThanOrEqual(4);
    }
  });

  it('prices each category realistically and marks some items down', () => {
    const ranges: Record<string, [number, number]> = {
      Tees: [18, 45],
      Jackets: [90, 350],
      Knitwear: [55, 180],
      Footwear: [40, 220],
      Bags: [35, 260],
      Accessories: [15, 95],
      'Outdoor Gear': [15, 450],
    };
    for (const product of store.products) {
      const [min, max] = ranges[product.category] ?? [0, 0];
      for (const variant of product.variants) {
        expect(variant.priceCents, product.title).toBeGreaterThanOrEqual(min * 100);
        expect(variant.priceCents, product.title).toBeLessThanOrEqual(max * 100);
        if (variant.compareAtPriceCents !== null)
          expect(variant.compareAtPriceCents).toBeGreaterThan(variant.priceCents);
      }
    }
    const markedDown = store.products.filter((p) => p.variants.some((v) => v.compareAtPriceCents !== null));
    expect(markedDown.length).toBeGreaterThan(10);
    expect(markedDown.length).toBeLessThan(60);
  });

  it('shapes variants by category', () => {
    const byCategory = (category: string) => store.products.filter((p) => p.category === category);
    for (const shoe of byCategory('Footwear'))
      for (const v of shoe.variants) expect(v.options.Size).toMatch(/^\d{1,2}$/);
    for (const tee of byCategory('Tees')) {
      for (const v of tee.variants) expect(['XS', 'S', 'M', 'L', 'XL', 'XXL']).toContain(v.options.Size);
      expect(new Set(tee.variants.map((v) => v.options.Color)).size).toBeGreaterThanOrEqual(2);
    }
    for (const bag of byCategory('Bags'))
      for (const v of bag.variants) expect(Object.keys(v.options)).toEqual(['Color']);
    const optionless = store.products.filter((p) => p.variants.some((v) => Object.keys(v.options).length === 0));
    expect(optionless.length).toBeGreaterThan(0);
    for (const product of optionless) expect(product.variants.map((v) => v.title)).toEqual(['Default Title']);
  });

  it('stocks realistically: mostly in stock, some sold out or running low', () => {
    const stock = store.products
      .filter((p) => p.status === 'active')
      .flatMap((p) => p.variants.map((v) => v.inventory));
    for (const units of stock) expect(Number.isInteger(units) && units >= 0).toBe(true);
    const soldOut = stock.filter((units) => units === 0).length / stock.length;
    const low = stock.filter((units) => units >= 1 && units <= 3).length / stock.length;
    expect(soldOut).toBeGreaterThan(0.03);
    expect(soldOut).toBeLessThan(0.25);
    expect(low).toBeGreaterThan(0.03);
  });

  it('mixes lifecycles: mostly active, ~22 % slow sellers, mid-period launches, drafts and archived', () => {
    const count = (keep: (p: DemoProduct) => boolean) => store.products.filter(keep).length;
    expect(count((p) => p.status === 'active') / 200).toBeGreaterThan(0.85);
    expect(count((p) => p.status === 'draft')).toBeGreaterThan(0);
    expect(count((p) => p.status === 'archived')).toBeGreaterThan(0);
    expect(count((p) => p.demand.intermittent) / 200).toBeGreaterThanOrEqual(0.2);
    expect(count((p) => p.demand.intermittent) / 200).toBeLessThanOrEqual(0.25);
    expect(count((p) => p.demand.launchedAt > PERIOD_START && p.demand.launchedAt < END_DATE)).toBeGreaterThanOrEqual(
      8,
    );
    expect(count((p) => p.demand.trendPerYear > 0.3)).toBeGreaterThan(5);
    expect(count((p) => p.demand.trendPerYear < -0.2)).toBeGreaterThan(5);
    for (const product of store.products) {
      expect(product.createdAt.getTime()).toBeLessThanOrEqual(product.demand.launchedAt.getTime());
      expect(product.createdAt < END_DATE).toBe(true);
      expect(product.demand.discontinuedAt !== null).toBe(product.status === 'archived');
      if (product.status === 'draft') expect(product.demand.launchedAt > END_DATE).toBe(true);
    }
  });

  it('has concrete policies of every kind and 12–20 FAQ entries', () => {
    expect(store.workspace.name).toBe('Demo Outfitters');
    expect(new Set(store.workspace.policies.map((p) => p.kind))).toEqual(
      new Set(['shipping', 'returns', 'privacy', 'warranty', 'payment']),
    );
    for (const policy of store.workspace.policies) expect(policy.body.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(store.workspace.policies.find((p) => p.kind === 'shipping')?.body).toContain('$75');
    expect(store.workspace.policies.find((p) => p.kind === 'returns')?.body).toContain('30 days');
    expect(store.workspace.faq.length).toBeGreaterThanOrEqual(12);
    expect(store.workspace.faq.length).toBeLessThanOrEqual(20);
  });
});

describe('orders', () => {
  it('spans 18 months with a realistic volume and numbers that rise with time', () => {
    expect(store.orders.length).toBeGreaterThan(15_000);
    expect(store.orders.length).toBeLessThan(30_000);
    let previous = Number.NEGATIVE_INFINITY;
    store.orders.forEach((order, index) => {
      expect(order.number).toBe(`#${1001 + index}`);
      expect(order.createdAt.getTime()).toBeGreaterThanOrEqual(previous);
      previous = order.createdAt.getTime();
    });
    expect(store.orders[0]?.createdAt.getTime()).toBeGreaterThanOrEqual(PERIOD_START.getTime());
    expect(store.orders[0]?.createdAt.getTime()).toBeLessThan(PERIOD_START.getTime() + 2 * DAY_MS);
    expect(store.orders.at(-1)?.createdAt.getTime()).toBeLessThan(END_DATE.getTime());
    expect(store.orders.at(-1)?.createdAt.getTime()).toBeGreaterThan(END_DATE.getTime() - DAY_MS);
  });

  it('references existing products and variants at their prices, with consistent totals', () => {
    const variantsById = new Map(
      store.products.flatMap((p) => p.variants.map((v) => [v.externalId, { product: p, variant: v }] as const)),
    );
    for (const order of store.orders) {
      expect(order.lines.length).toBeGreaterThan(0);
      let subtotal = 0;
      for (const line of order.lines) {
        const found = variantsById.get(line.variantExternalId);
        expect(found?.product.externalId, line.variantExternalId).toBe(line.productExternalId);
        expect(line.unitPriceCents).toBe(found?.variant.priceCents);
        expect(line.title.startsWith(found?.product.title ?? '?')).toBe(true);
        expect([1, 2, 3]).toContain(line.quantity);
        subtotal += line.quantity * line.unitPriceCents;
      }
      expect(order.discountCents).toBeGreaterThanOrEqual(0);
      expect(order.totalCents).toBe(subtotal - order.discountCents);
      expect(order.totalCents).toBeGreaterThanOrEqual(0);
    }
    const quantities = store.orders.flatMap((o) => o.lines.map((l) => l.quantity));
    expect(quantities.filter((q) => q === 1).length / quantities.length).toBeGreaterThan(0.8);
  });

  it('ships to at least 30 known cities in at least 5 countries', () => {
    const known = new Set(DEMO_CITIES.map((c) => `${c.name}|${c.region}|${c.country}`));
    for (const order of store.orders)
      expect(known.has(`${order.shippingCity}|${order.shippingRegion}|${order.shippingCountry}`)).toBe(true);
    expect(new Set(store.orders.map((o) => o.shippingCity)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(store.orders.map((o) => o.shippingCountry)).size).toBeGreaterThanOrEqual(5);
    const ordersIn = (city: string) => store.orders.filter((o) => o.shippingCity === city).length;
    expect(ordersIn('New York')).toBeGreaterThan(2 * ordersIn('Utrecht'));
  });

  it('has fake customers on reserved domains, some of them returning', () => {
    const names = new Map<string, Set<string>>();
    for (const order of store.orders) {
      expect(order.email).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
      names.set(order.email, (names.get(order.email) ?? new Set()).add(order.customerName));
    }
    for (const set of names.values()) expect(set.size).toBe(1);
    const counts = new Map<string, number>();
    for (const order of store.orders) counts.set(order.email, (counts.get(order.email) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n >= 2).length).toBeGreaterThan(20);
    expect([...counts.values()].filter((n) => n >= 5).length).toBeGreaterThan(3);
  });

  it('refunds or cancels about 3 % of orders', () => {
    const share =
      store.orders.filter((o) => o.status === 'refunded' || o.status === 'cancelled').length / store.orders.length;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.05);
  });

  it('never sells a product before its launch or after it was discontinued', () => {
    for (const order of store.orders) {
      for (const line of order.lines) {
        const demand = productsById.get(line.productExternalId)?.demand;
        expect(order.createdAt.getTime()).toBeGreaterThanOrEqual(
          demand?.launchedAt.getTime() ?? Number.POSITIVE_INFINITY,
        );
        if (demand?.discontinuedAt) expect(order.createdAt < demand.discontinuedAt).toBe(true);
      }
    }
    const launched = store.products.filter((p) => p.demand.launchedAt > PERIOD_START && p.demand.launchedAt < END_DATE);
    const selling = launched.filter((p) => sumUnits(store.orders, (q) => q === p) > 0);
    expect(selling.length).toBeGreaterThanOrEqual(launched.length - 1);
  });
});

describe('demand patterns', () => {
  it('sells winter items in Nov–Jan and summer items in Jun–Aug, inverted in Australia', () => {
    const units = (season: string, when: (o: DemoOrder) => boolean, south: boolean) =>
      sumUnits(store.orders, (p, o) => p.demand.seasonality === season && isSouthern(o) === south && when(o));
    expect(units('winter', NOV_JAN, false) / units('winter', JUN_AUG, false)).toBeGreaterThan(1.5);
    expect(units('summer', NOV_JAN, false) / units('summer', JUN_AUG, false)).toBeLessThan(0.67);
    expect(units('winter', JUN_AUG, true) / units('winter', NOV_JAN, true)).toBeGreaterThan(1.5);
  });

  it('makes cold cities buy more jackets and warm cities more tees', () => {
    const shareOf = (category: string, climate: string) => {
      const inClimate = (o: DemoOrder) => DEMO_CITIES.some((c) => c.name === o.shippingCity && c.climate === climate);
      return (
        sumUnits(store.orders, (p, o) => p.category === category && inClimate(o)) /
        sumUnits(store.orders, (_, o) => inClimate(o))
      );
    };
    expect(shareOf('Jackets', 'cold') / shareOf('Jackets', 'warm')).toBeGreaterThan(1.5);
    expect(shareOf('Tees', 'warm') / shareOf('Tees', 'cold')).toBeGreaterThan(1.5);
  });

  it('peaks on Black Friday weekend and in December, and follows a weekly rhythm', () => {
    const perDay = countOrdersPerDay(store.orders);
    const typical = median([...perDay.values()]);
    for (const day of ['2025-11-28', '2025-12-01']) expect(perDay.get(day) ?? 0).toBeGreaterThan(2.5 * typical);
    const inMonth = (prefix: string) =>
      [...perDay].filter(([d]) => d.startsWith(prefix)).reduce((s, [, n]) => s + n, 0);
    expect(inMonth('2025-12')).toBeGreaterThan(1.3 * ((inMonth('2025-09') + inMonth('2025-10')) / 2));
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const order of store.orders)
      byWeekday[order.createdAt.getUTCDay()] = (byWeekday[order.createdAt.getUTCDay()] ?? 0) + 1;
    expect((byWeekday[1] ?? 0) / (byWeekday[6] ?? 1)).toBeGreaterThan(1.15);
  });

  it('runs 3–5 promotions that lift demand and discount most orders', () => {
    const promotions = listPromotions(PERIOD_START, END_DATE);
    expect(promotions.length).toBeGreaterThanOrEqual(3);
    expect(promotions.length).toBeLessThanOrEqual(5);
    const perDay = countOrdersPerDay(store.orders);
    for (const promotion of promotions.filter((p) => p.code !== 'BF25')) {
      const during = store.orders.filter((o) => o.createdAt >= promotion.startsAt && o.createdAt < promotion.endsAt);
      const discounted = during.filter(
        (o) => Math.abs(o.discountCents - (o.totalCents + o.discountCents) * (promotion.discountPercent / 100)) <= 1,
      );
      expect(discounted.length / during.length).toBeGreaterThan(0.7);
      const days = (promotion.endsAt.getTime() - promotion.startsAt.getTime()) / DAY_MS;
      const before = [...perDay].filter(([d]) => {
        const time = new Date(d).getTime();
        return time < promotion.startsAt.getTime() && time >= promotion.startsAt.getTime() - 14 * DAY_MS;
      });
      expect(during.length / days).toBeGreaterThan(1.2 * (before.reduce((s, [, n]) => s + n, 0) / before.length));
    }
  });

  it('gives slow sellers many zero-sale weeks and single units only', () => {
    const established = store.products.filter(
      (p) => p.demand.launchedAt < PERIOD_START && p.demand.discontinuedAt === null,
    );
    const zeroShare = (p: DemoProduct) => countWeeklyUnits(p.externalId).filter((units) => units === 0).length / 78;
    const slow = established.filter((p) => p.demand.intermittent).map(zeroShare);
    const regular = established.filter((p) => !p.demand.intermittent).map(zeroShare);
    expect(slow.length).toBeGreaterThan(30);
    expect(Math.min(...slow)).toBeGreaterThan(0.4);
    expect(median(slow)).toBeGreaterThan(0.55);
    expect(median(regular)).toBeLessThan(0.35);
    const slowLines = store.orders
      .flatMap((o) => o.lines)
      .filter((l) => productsById.get(l.productExternalId)?.demand.intermittent);
    expect(slowLines.every((l) => l.quantity === 1)).toBe(true);
  });

  it('sells close to what the exported demand model expects', () => {
    const promotions = listPromotions(PERIOD_START, END_DATE);
    const sample = store.products.filter((p) => p.status === 'active' && !p.demand.intermittent).slice(0, 15);
    let expected = 0;
    for (const product of sample) {
      const shares = computeCityShares(DEMO_CITIES, product.category);
      for (let time = PERIOD_START.getTime(); time < END_DATE.getTime(); time += DAY_MS) {
        DEMO_CITIES.forEach((city, c) => {
          const place = { hemisphere: city.hemisphere, climate: city.climate, share: shares[c] ?? 0 };
          expected += expectDailyUnits(product.demand, new Date(time), place, {
            periodStart: PERIOD_START,
            promotions,
          });
        });
      }
    }
    const sold = sumUnits(store.orders, (p) => sample.includes(p));
    expect(sold / expected).toBeGreaterThan(0.85);
    expect(sold / expected).toBeLessThan(1.15);
  });
});
