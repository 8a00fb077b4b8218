/**
 * The facts an action plan is written from: a compact JSON of numbers the
 * run produced, already rounded the way they may be cited (units to one
 * decimal, shares as percentages, money in whole currency units), so a model
 * has no reason to compute anything. The same object is stored with the plan
 * and is what every cited number is checked against.
 */
export interface FactsInput {
  currency: string;
  forecastStart: Date;
  asOf: Date;
  leadTimeDays: number;
  serviceLevel: number;
  store: { units4: number; units13: number; units26: number; history: number[]; beatsBaselineShare: number | null };
  products: FactsProduct[];
}

export interface FactsProduct {
  productId: string;
  title: string;
  category: string;
  unitPriceCents: number | null;
  units4: number;
  units13: number;
  units26: number;
  /** Sum of the 80 % bounds over the next 13 weeks. */
  range13: [number, number];
  history: number[];
  mase: number | null;
  baselineMase: number | null;
  stock: {
    inventory: number;
    stockoutDate: Date | null;
    daysOfCover: number | null;
    probabilityBeforeRestock: number;
    reorderQuantity: number;
  } | null;
  places: FactsPlace[];
}

export interface FactsPlace {
  city: string;
  region: string;
  country: string;
  source: 'product' | 'category';
  shareYear: number;
  categoryShare: number;
  growth: number | null;
  units13: number;
  revenue13Cents: number;
}

const one = (value: number) => Math.round(value * 10) / 10;
const percent = (share: number) => Math.round(share * 1000) / 10;
const money = (cents: number) => Math.round(cents / 100);
const date = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export function buildPlanFacts(input: FactsInput) {
  return {
    store: {
      currency: input.currency,
      historyEnds: date(input.asOf),
      forecastStarts: date(input.forecastStart),
      horizonsWeeks: [4, 13, 26],
      leadTimeDays: input.leadTimeDays,
      serviceLevelPercent: percent(input.serviceLevel),
      forecastUnits: {
        next4Weeks: one(input.store.units4),
        next13Weeks: one(input.store.units13),
        next26Weeks: one(input.store.units26),
      },
      ...recentUnits(input.store.history),
      productsBeatingSeasonalNaivePercent:
        input.store.beatsBaselineShare === null ? null : percent(input.store.beatsBaselineShare),
    },
    products: input.products.map((product) => ({
      productId: product.productId,
      title: product.title,
      category: product.category,
      unitPrice: product.unitPriceCents === null ? null : Math.round(product.unitPriceCents) / 100,
      forecastUnits: {
        next4Weeks: one(product.units4),
        next13Weeks: one(product.units13),
        next26Weeks: one(product.units26),
      },
      forecastRange80Next13Weeks: { low: one(product.range13[0]), high: one(product.range13[1]) },
      expectedRevenueNext13Weeks:
        product.unitPriceCents === null ? null : money(product.units13 * product.unitPriceCents),
      ...recentUnits(product.history),
      backtest:
        product.mase === null
          ? null
          : {
              mase: Math.round(product.mase * 100) / 100,
              beatsSeasonalNaive: product.baselineMase !== null && product.mase < product.baselineMase,
            },
      stock: product.stock && {
        inventory: product.stock.inventory,
        expectedStockoutDate: date(product.stock.stockoutDate),
        daysOfCover: product.stock.daysOfCover === null ? null : Math.floor(product.stock.daysOfCover),
        stockoutBeforeRestockPercent: percent(product.stock.probabilityBeforeRestock),
        reorderQuantity: product.stock.reorderQuantity,
      },
      bestCities: product.places
        .filter((place) => place.source === 'product')
        .slice(0, 3)
        .map((place) => ({
          city: place.city,
          region: place.region,
          country: place.country,
          sharePercent: percent(place.shareYear),
          growthPercent: place.growth === null ? null : percent(place.growth),
          expectedUnitsNext13Weeks: one(place.units13),
          expectedRevenueNext13Weeks: money(place.revenue13Cents),
        })),
      untappedCities: product.places
        .filter((place) => place.source === 'category')
        .slice(0, 3)
        .map((place) => ({
          city: place.city,
          region: place.region,
          country: place.country,
          similarProductsSharePercent: percent(place.categoryShare),
          expectedUnitsNext13Weeks: one(place.units13),
        })),
    })),
    suggestedBudgetSplit: budgetSplit(input.products),
  };
}

export type PlanFacts = ReturnType<typeof buildPlanFacts>;

function recentUnits(history: readonly number[]) {
  const last = sum(history.slice(-13));
  const prior = sum(history.slice(-26, -13));
  return {
    unitsLast13Weeks: one(last),
    unitsPrior13Weeks: one(prior),
    growthPercent: prior > 0 ? percent(last / prior - 1) : null,
  };
}

/**
 * Advertising budget shares for the five cities with the most expected
 * revenue across the plan's products, in whole percentages that add up to
 * 100 (largest remainders get the rounding), so the planner can cite them.
 */
function budgetSplit(products: readonly FactsProduct[]) {
  const revenue = new Map<string, { city: string; region: string; country: string; cents: number }>();
  for (const product of products) {
    for (const place of product.places) {
      const key = `${place.country}|${place.region}|${place.city}`;
      const entry = revenue.get(key) ?? { city: place.city, region: place.region, country: place.country, cents: 0 };
      entry.cents += place.revenue13Cents;
      revenue.set(key, entry);
    }
  }
  const top = [...revenue.values()].sort((a, b) => b.cents - a.cents).slice(0, 5);
  const total = sum(top.map((entry) => entry.cents));
  if (total <= 0) return [];
  const exact = top.map((entry) => (100 * entry.cents) / total);
  const shares = exact.map(Math.floor);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  for (let k = 0; k < 100 - sum(shares); k++) {
    const slot = order[k % order.length] as { i: number };
    shares[slot.i] = (shares[slot.i] as number) + 1;
  }
  return top.map((entry, i) => ({
    city: entry.city,
    region: entry.region,
    country: entry.country,
    sharePercent: shares[i],
  }));
}
