// Order history, generated basket-first: each day the expected units of every product in every
// city (see demo-demand.data.ts) set how many orders arrive and what they contain. Sampling whole
// orders from that rate — instead of per-product sales glued into baskets afterwards — keeps
// multi-line orders, cities and discounts coherent while product totals still follow the model.

import {
  addUtcDays,
  type DemoPromotion,
  findPromotion,
  listPromotions,
  seasonalFactor,
  startOfUtcDay,
} from './demo-calendar.data';
import { DEMO_CITIES, type DemoCity } from './demo-cities.data';
import { type CustomerBook, createCustomerBook, findOrCreateCustomer } from './demo-customers.data';
import { computeCalendarFactor, computeProductRate } from './demo-demand.data';
import type { DemoOrder, DemoOrderLine, DemoProduct, Seasonality } from './demo-store.types';
import { weighVariants } from './demo-variants.data';
import { createRandom, deriveSeed, type Random, searchCumulative } from './random';

type UnnumberedOrder = Omit<DemoOrder, 'externalId' | 'number'>;

interface OrderModel {
  products: readonly DemoProduct[];
  periodStart: Date;
  endDate: Date;
  promotions: DemoPromotion[];
  /** cityShares[city][product]: the city's share of that product's demand; sums to 1 per product. */
  cityShares: Float64Array[];
  seasonalities: Seasonality[];
  variantWeights: number[][];
  hourWeights: number[][];
  customers: CustomerBook;
}

const LINE_COUNTS = [1, 2, 3] as const;
const LINE_COUNT_WEIGHTS = [0.72, 0.2, 0.08] as const;
const QUANTITIES = [1, 2, 3] as const;
const QUANTITY_WEIGHTS = [0.86, 0.11, 0.03] as const;
const UNITS_PER_ORDER = expectValue(LINE_COUNTS, LINE_COUNT_WEIGHTS) * expectValue(QUANTITIES, QUANTITY_WEIGHTS);
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
// Local-time shopping rhythm: lunch-break browsing and a big evening peak on the sofa.
const LOCAL_HOUR_ACTIVITY = [
  0.3, 0.18, 0.1, 0.07, 0.06, 0.09, 0.2, 0.45, 0.75, 0.95, 1.05, 1.15, 1.35, 1.3, 1.15, 1.1, 1.1, 1.2, 1.35, 1.55, 1.7,
  1.6, 1.2, 0.65,
];
const REFUND_RATE = 0.02;
const CANCEL_RATE = 0.01;
const PROMO_CODE_USAGE = 0.85;
const WELCOME_CODE_USAGE = 0.08;

export function generateOrders(
  products: readonly DemoProduct[],
  options: { seed: number; periodStart: Date; endDate: Date },
): DemoOrder[] {
  const random = createRandom(deriveSeed(options.seed, 'orders'));
  const model = prepareOrderModel(products, options.periodStart, options.endDate);
  const orders: UnnumberedOrder[] = [];
  for (let day = startOfUtcDay(options.periodStart); day < options.endDate; day = addUtcDays(day, 1)) {
    for (const order of generateDayOrders(random, model, day)) orders.push(order);
  }
  return orders.map((order, index) => ({
    externalId: `demo-o-${String(index + 1).padStart(6, '0')}`,
    number: `#${1001 + index}`,
    ...order,
  }));
}

/** Each city's share of each category's demand: size weight × local affinity, normalised per category. */
export function computeCityShares(cities: readonly DemoCity[], category: string): number[] {
  const raw = cities.map((city) => city.weight * (city.affinity[category] ?? 1));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => value / total);
}

function prepareOrderModel(products: readonly DemoProduct[], periodStart: Date, endDate: Date): OrderModel {
  const sharesByCategory = new Map<string, number[]>();
  for (const product of products) {
    if (!sharesByCategory.has(product.category))
      sharesByCategory.set(product.category, computeCityShares(DEMO_CITIES, product.category));
  }
  return {
    products,
    periodStart,
    endDate,
    promotions: listPromotions(periodStart, endDate),
    cityShares: DEMO_CITIES.map((_, c) =>
      Float64Array.from(products, (product) => sharesByCategory.get(product.category)?.[c] ?? 0),
    ),
    seasonalities: products.map((product) => product.demand.seasonality),
    variantWeights: products.map(weighVariants),
    hourWeights: DEMO_CITIES.map((city) =>
      HOURS.map((utcHour) => LOCAL_HOUR_ACTIVITY[(utcHour + city.utcOffset + 24) % 24] ?? 1),
    ),
    customers: createCustomerBook(DEMO_CITIES.length),
  };
}

function generateDayOrders(random: Random, model: OrderModel, day: Date): UnnumberedOrder[] {
  const { products } = model;
  const rates = products.map((product) => computeProductRate(product.demand, day, model.periodStart));
  const cumulative = DEMO_CITIES.map((city, c) =>
    accumulateCityDemand(city, day, rates, model, model.cityShares[c] ?? new Float64Array()),
  );
  const cityTotals = Float64Array.from(cumulative, (values) => values[values.length - 1] ?? 0);
  const cityCumulative = Float64Array.from(cityTotals);
  for (let c = 1; c < cityCumulative.length; c++)
    cityCumulative[c] = (cityCumulative[c] ?? 0) + (cityCumulative[c - 1] ?? 0);
  const totalUnits = (cityCumulative[cityCumulative.length - 1] ?? 0) * computeCalendarFactor(day, model.promotions);
  const orderCount = random.poisson(totalUnits / UNITS_PER_ORDER);
  const orders: UnnumberedOrder[] = [];
  for (let i = 0; i < orderCount; i++) {
    const cityIndex = searchCumulative(
      cityCumulative,
      cityCumulative.length,
      random.next() * (cityCumulative[cityCumulative.length - 1] ?? 0),
    );
    const order = buildOrder(
      random,
      model,
      day,
      cityIndex,
      cumulative[cityIndex] ?? new Float64Array(),
      cityTotals[cityIndex] ?? 0,
    );
    if (order) orders.push(order);
  }
  return orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function accumulateCityDemand(
  city: DemoCity,
  day: Date,
  rates: number[],
  model: OrderModel,
  shares: Float64Array,
): Float64Array {
  const seasonByType = new Map<Seasonality, number>();
  const cumulative = new Float64Array(rates.length);
  let total = 0;
  for (let p = 0; p < rates.length; p++) {
    const rate = rates[p] ?? 0;
    if (rate > 0) {
      const seasonality = model.seasonalities[p] ?? 'flat';
      let season = seasonByType.get(seasonality);
      if (season === undefined) {
        season = seasonalFactor(seasonality, day, city.hemisphere, city.climate);
        seasonByType.set(seasonality, season);
      }
      total += rate * season * (shares[p] ?? 0);
    }
    cumulative[p] = total;
  }
  return cumulative;
}

function buildOrder(
  random: Random,
  model: OrderModel,
  day: Date,
  cityIndex: number,
  cumulative: Float64Array,
  cityTotal: number,
): UnnumberedOrder | null {
  const createdAt = pickOrderTime(random, day, model.hourWeights[cityIndex] ?? []);
  if (createdAt < model.periodStart || createdAt >= model.endDate) return null;
  const city = DEMO_CITIES[cityIndex];
  if (!city) return null;
  const lines = pickLines(random, model, cumulative, cityTotal);
  const customer = findOrCreateCustomer(random, model.customers, DEMO_CITIES, cityIndex);
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  const promotion = findPromotion(day, model.promotions);
  const discountPercent =
    promotion && random.chance(PROMO_CODE_USAGE)
      ? promotion.discountPercent
      : customer.orderCount === 1 && random.chance(WELCOME_CODE_USAGE)
        ? 10
        : 0;
  const discountCents = Math.min(subtotal, Math.round((subtotal * discountPercent) / 100));
  return {
    createdAt,
    email: customer.email,
    customerName: customer.name,
    shippingCity: city.name,
    shippingRegion: city.region,
    shippingCountry: city.country,
    currency: 'USD',
    lines,
    discountCents,
    totalCents: subtotal - discountCents,
    status: pickStatus(random, createdAt, model.endDate),
  };
}

function pickLines(random: Random, model: OrderModel, cumulative: Float64Array, cityTotal: number): DemoOrderLine[] {
  const wanted = random.weighted(LINE_COUNTS, LINE_COUNT_WEIGHTS);
  const chosen: number[] = [];
  // Re-draw a product already in the basket a few times; a 2-line order of one tee is not a thing.
  for (let attempt = 0; attempt < wanted * 4 && chosen.length < wanted; attempt++) {
    const index = searchCumulative(cumulative, cumulative.length, random.next() * cityTotal);
    if (!chosen.includes(index)) chosen.push(index);
  }
  return chosen.map((index) => {
    const product = model.products[index] as DemoProduct;
    const variant = random.weighted(product.variants, model.variantWeights[index] ?? []);
    return {
      productExternalId: product.externalId,
      variantExternalId: variant.externalId,
      title: variant.title === 'Default Title' ? product.title : `${product.title} - ${variant.title}`,
      quantity: product.demand.intermittent ? 1 : random.weighted(QUANTITIES, QUANTITY_WEIGHTS),
      unitPriceCents: variant.priceCents,
    };
  });
}

function pickOrderTime(random: Random, day: Date, hourWeights: readonly number[]): Date {
  const hour = random.weighted(HOURS, hourWeights);
  return new Date(day.getTime() + hour * 3_600_000 + random.int(0, 3599) * 1000);
}

function pickStatus(random: Random, createdAt: Date, endDate: Date): DemoOrder['status'] {
  const roll = random.next();
  if (roll < REFUND_RATE) return 'refunded';
  if (roll < REFUND_RATE + CANCEL_RATE) return 'cancelled';
  // Orders from the last two days are paid but still waiting in the pick queue.
  return endDate.getTime() - createdAt.getTime() < 2 * 86_400_000 ? 'paid' : 'fulfilled';
}

function expectValue(values: readonly number[], weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return values.reduce((sum, value, i) => sum + value * (weights[i] ?? 0), 0) / total;
}
