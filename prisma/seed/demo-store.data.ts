// Entry point of the deterministic demo store: a fixed default end date and seed mean the same
// call always returns the same catalog and 18-month order history, with no I/O or clock reads,
// so seeds, screenshots, tests and forecast benchmarks all see identical data.

import { addUtcMonths } from './demo-calendar.data';
import { DEMO_CATEGORIES } from './demo-catalog.data';
import { generateOrders } from './demo-orders.data';
import { DEMO_FAQ, DEMO_POLICIES } from './demo-policies.data';
import { generateProducts } from './demo-products.data';
import type { DemoStore, DemoStoreOptions } from './demo-store.types';

export { type DemoPromotion, listPromotions } from './demo-calendar.data';
export { DEMO_CITIES, type DemoCity } from './demo-cities.data';
export { type DemandPlace, expectDailyUnits } from './demo-demand.data';
export { computeCityShares } from './demo-orders.data';
export type {
  DemoDemand,
  DemoFaq,
  DemoOrder,
  DemoOrderLine,
  DemoPolicy,
  DemoProduct,
  DemoStore,
  DemoStoreOptions,
  DemoVariant,
  Seasonality,
} from './demo-store.types';

export const DEMO_DEFAULT_SEED = 42;
export const DEMO_DEFAULT_END_DATE = '2026-11-01T00:00:00.000Z';
export const DEMO_DEFAULT_PRODUCT_COUNT = 200;
export const DEMO_HISTORY_MONTHS = 18;

export function generateDemoStore(options: DemoStoreOptions = {}): DemoStore {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const endDate = new Date(options.endDate ?? DEMO_DEFAULT_END_DATE);
  const productCount = options.productCount ?? DEMO_DEFAULT_PRODUCT_COUNT;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (Number.isNaN(endDate.getTime())) throw new Error('endDate must be a valid date');
  if (!Number.isInteger(productCount) || productCount < 1)
    throw new Error(`productCount must be a positive integer, got ${productCount}`);
  const periodStart = addUtcMonths(endDate, -DEMO_HISTORY_MONTHS);
  const products = generateProducts({ seed, productCount, periodStart, endDate });
  return {
    workspace: {
      name: 'Demo Outfitters',
      currency: 'USD',
      // The warehouse and the merchandising team are in Portland, Oregon.
      timezone: 'America/Los_Angeles',
      policies: DEMO_POLICIES.map((policy) => ({ ...policy })),
      faq: DEMO_FAQ.map((entry) => ({ ...entry })),
    },
    categories: DEMO_CATEGORIES.map((category) => category.name),
    products,
    orders: generateOrders(products, { seed, periodStart, endDate }),
  };
}
