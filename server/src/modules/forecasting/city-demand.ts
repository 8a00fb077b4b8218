import type { PlaceUnitsRow } from './sales-history.repo';

/**
 * Where each product will sell: its cities' and regions' shares of its
 * demand (last 13 weeks and trailing year), growth (last 13 weeks against
 * the 13 before), and its forecast split by the trailing-year share into
 * expected units and revenue. Places where only similar products (same
 * category) sold are ranked alongside, at the category's share of the
 * product's forecast: where it could sell next. A product without a sale in
 * the trailing year gets the category's map as a whole.
 */
export type PlaceScope = 'city' | 'region';

export interface PlaceProduct {
  id: string;
  category: string;
  /** Reconciled weekly forecast, from the first forecast week. */
  forecast: readonly number[];
  unitPriceCents: number | null;
}

export interface PlaceDemand {
  productId: string;
  scope: PlaceScope;
  country: string;
  region: string;
  city: string;
  source: 'product' | 'category';
  rank: number;
  unitsRecent: number;
  unitsPrior: number;
  unitsYear: number;
  shareRecent: number;
  shareYear: number;
  categoryShare: number;
  growth: number | null;
  expectedShare: number;
  units4: number;
  units13: number;
  units26: number;
  revenue4Cents: number;
  revenue13Cents: number;
  revenue26Cents: number;
}

export interface PlaceLimits {
  /** Places where the product sold, per scope; default 50. */
  product?: number;
  /** Places where only similar products sold, per scope; default 10. */
  category?: number;
}

interface PlaceUnits {
  country: string;
  region: string;
  city: string;
  recent: number;
  prior: number;
  year: number;
}

export function rankPlaces(
  products: readonly PlaceProduct[],
  rows: readonly PlaceUnitsRow[],
  categoryOf: ReadonlyMap<string, string>,
  limits: PlaceLimits = {},
): PlaceDemand[] {
  return (['city', 'region'] as const).flatMap((scope) => {
    const byProduct = new Map<string, Map<string, PlaceUnits>>();
    const byCategory = new Map<string, Map<string, PlaceUnits>>();
    for (const row of rows) {
      const key = scope === 'city' ? `${row.country}|${row.region}|${row.city}` : `${row.country}|${row.region}`;
      add(byProduct, row.productId, key, row, scope);
      const category = categoryOf.get(row.productId);
      if (category !== undefined) add(byCategory, category, key, row, scope);
    }
    return products.flatMap((product) =>
      rankProduct(product, scope, byProduct.get(product.id), byCategory.get(product.category), limits),
    );
  });
}

function add(
  index: Map<string, Map<string, PlaceUnits>>,
  owner: string,
  key: string,
  row: PlaceUnitsRow,
  scope: PlaceScope,
): void {
  let places = index.get(owner);
  if (!places) {
    places = new Map();
    index.set(owner, places);
  }
  const place = places.get(key) ?? {
    country: row.country,
    region: row.region,
    city: scope === 'city' ? row.city : '',
    recent: 0,
    prior: 0,
    year: 0,
  };
  place.recent += row.recent;
  place.prior += row.prior;
  place.year += row.year;
  places.set(key, place);
}

function rankProduct(
  product: PlaceProduct,
  scope: PlaceScope,
  own: Map<string, PlaceUnits> | undefined,
  category: Map<string, PlaceUnits> | undefined,
  limits: PlaceLimits,
): PlaceDemand[] {
  const totals = sumUnits(own);
  const categoryYear = sumUnits(category).year;
  const horizonUnits = (weeks: number) => product.forecast.slice(0, weeks).reduce((sum, value) => sum + value, 0);
  const expected = { 4: horizonUnits(4), 13: horizonUnits(13), 26: horizonUnits(26) };
  const price = product.unitPriceCents ?? 0;
  const keys = new Set([...(own?.keys() ?? []), ...(category?.keys() ?? [])]);
  const places: Omit<PlaceDemand, 'rank'>[] = [];
  for (const key of keys) {
    const mine = own?.get(key);
    const theirs = category?.get(key);
    const categoryShare = categoryYear > 0 ? (theirs?.year ?? 0) / categoryYear : 0;
    const sold = mine !== undefined && mine.year > 0 && totals.year > 0;
    const expectedShare = sold ? mine.year / totals.year : categoryShare;
    if (expectedShare <= 0 && !sold) continue;
    const place = (mine ?? theirs) as PlaceUnits;
    const units = (weeks: 4 | 13 | 26) => expectedShare * expected[weeks];
    places.push({
      productId: product.id,
      scope,
      country: place.country,
      region: place.region,
      city: place.city,
      source: sold ? 'product' : 'category',
      unitsRecent: mine?.recent ?? 0,
      unitsPrior: mine?.prior ?? 0,
      unitsYear: mine?.year ?? 0,
      shareRecent: totals.recent > 0 ? (mine?.recent ?? 0) / totals.recent : 0,
      shareYear: totals.year > 0 ? (mine?.year ?? 0) / totals.year : 0,
      categoryShare,
      growth: mine && mine.prior > 0 ? mine.recent / mine.prior - 1 : null,
      expectedShare,
      units4: units(4),
      units13: units(13),
      units26: units(26),
      revenue4Cents: Math.round(units(4) * price),
      revenue13Cents: Math.round(units(13) * price),
      revenue26Cents: Math.round(units(26) * price),
    });
  }
  places.sort(
    (a, b) =>
      b.units13 - a.units13 ||
      b.unitsYear - a.unitsYear ||
      `${a.country}|${a.region}|${a.city}`.localeCompare(`${b.country}|${b.region}|${b.city}`),
  );
  const quota = { product: limits.product ?? 50, category: limits.category ?? 10 };
  const kept: PlaceDemand[] = [];
  for (const place of places) {
    if (quota[place.source] <= 0) continue;
    quota[place.source]--;
    kept.push({ ...place, rank: kept.length + 1 });
  }
  return kept;
}

function sumUnits(places: Map<string, PlaceUnits> | undefined) {
  const totals = { recent: 0, prior: 0, year: 0 };
  for (const place of places?.values() ?? []) {
    totals.recent += place.recent;
    totals.prior += place.prior;
    totals.year += place.year;
  }
  return totals;
}
