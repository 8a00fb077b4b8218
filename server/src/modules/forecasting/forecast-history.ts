import type { PrismaClient } from '@prisma/client';
import { InsufficientHistoryError, NothingToForecastError } from './forecasting.model';
import {
  type CatalogProduct,
  findHistoryBounds,
  loadCatalog,
  loadPlaceUnits,
  loadUnits,
  type PlaceUnitsRow,
} from './sales-history.repo';
import { alignUnits } from './sales-series';
import { addWeeks, nextWeekStart, startOfWeek, toLocalDate, validTimeZone, weeksBetween } from './week-calendar';

/**
 * What a run forecasts from: the window of complete local weeks (from the
 * first full week of orders to the start of the current week), each active
 * product's weekly units in it, the catalog, and units per product and city
 * over the last 13, the 13 before and the last 52 weeks.
 */
export interface ForecastHistory {
  timeZone: string;
  asOf: Date;
  /** The workspace's calendar day of `asOf`. */
  today: Date;
  historyStart: Date;
  forecastStart: Date;
  length: number;
  catalog: CatalogProduct[];
  products: HistoryProduct[];
  placeRows: PlaceUnitsRow[];
}

export interface HistoryProduct {
  id: string;
  label: string;
  category: string;
  values: Float64Array;
  unitPriceCents: number | null;
  inventory: number | null;
}

/** Fewer complete weeks than this and there is nothing to learn from. */
export const MINIMUM_HISTORY_WEEKS = 8;
/** Older history adds cost, not accuracy. */
export const MAXIMUM_HISTORY_WEEKS = 208;

/**
 * Whether the store has enough orders for a forecast yet, for the page to
 * say so before anyone presses a button. Counted in whole weeks from the
 * first order (the run itself counts complete local weeks, so this is the
 * same answer give or take the current week).
 */
export async function getHistoryReadiness(prisma: PrismaClient, workspaceId: string, now: Date = new Date()) {
  const bounds = await findHistoryBounds(prisma, workspaceId);
  const end = bounds?.isDemo && bounds.lastOrderAt ? bounds.lastOrderAt : now;
  const weeksOfOrders = bounds?.firstOrderAt
    ? Math.max(0, Math.floor((end.getTime() - bounds.firstOrderAt.getTime()) / (7 * 86_400_000)))
    : 0;
  return {
    currency: bounds?.currency ?? 'USD',
    hasOrders: Boolean(bounds?.firstOrderAt),
    weeksOfOrders,
    minimumWeeks: MINIMUM_HISTORY_WEEKS,
    enough: weeksOfOrders >= MINIMUM_HISTORY_WEEKS,
  };
}

export async function loadForecastHistory(
  prisma: PrismaClient,
  workspaceId: string,
  when: { asOf?: Date; now: Date },
): Promise<ForecastHistory> {
  const bounds = await findHistoryBounds(prisma, workspaceId);
  if (!bounds?.firstOrderAt) throw new InsufficientHistoryError(0, MINIMUM_HISTORY_WEEKS);
  const timeZone = validTimeZone(bounds.timeZone);
  // The demo store's orders end on a fixed date; counting the weeks since as zero sales would wreck it.
  const asOf = when.asOf ?? (bounds.isDemo && bounds.lastOrderAt ? bounds.lastOrderAt : when.now);
  const today = toLocalDate(asOf, timeZone);
  const forecastStart = startOfWeek(today);
  const earliest = addWeeks(forecastStart, -MAXIMUM_HISTORY_WEEKS);
  const firstWeek = nextWeekStart(toLocalDate(bounds.firstOrderAt, timeZone));
  const historyStart = new Date(Math.max(firstWeek.getTime(), earliest.getTime()));
  const length = weeksBetween(historyStart, forecastStart);
  if (length < MINIMUM_HISTORY_WEEKS) throw new InsufficientHistoryError(Math.max(0, length), MINIMUM_HISTORY_WEEKS);

  const [catalog, unitRows, placeRows] = await Promise.all([
    loadCatalog(prisma, workspaceId),
    loadUnits(prisma, workspaceId, { grain: 'week', by: 'product', timeZone, from: historyStart, to: forecastStart }),
    loadPlaceUnits(prisma, workspaceId, {
      timeZone,
      priorStart: addWeeks(forecastStart, -26),
      recentStart: addWeeks(forecastStart, -13),
      yearStart: addWeeks(forecastStart, -52),
      end: forecastStart,
    }),
  ]);
  const series = alignUnits(unitRows, 'week', historyStart, length);
  const prices = realisedPrices(placeRows);
  const products = catalog
    .filter((product) => product.status === 'active')
    .map((product) => ({
      id: product.id,
      label: product.title,
      category: product.category,
      values: series.get(product.id) ?? new Float64Array(length),
      unitPriceCents: prices.get(product.id) ?? product.listPriceCents,
      inventory: product.inventory,
    }));
  if (products.length === 0) throw new NothingToForecastError();
  return { timeZone, asOf, today, historyStart, forecastStart, length, catalog, products, placeRows };
}

/** Average price actually paid over the trailing year, per product. */
function realisedPrices(rows: readonly PlaceUnitsRow[]): Map<string, number> {
  const totals = new Map<string, { units: number; cents: number }>();
  for (const row of rows) {
    const total = totals.get(row.productId) ?? { units: 0, cents: 0 };
    total.units += row.year;
    total.cents += row.revenueYearCents;
    totals.set(row.productId, total);
  }
  return new Map(
    [...totals]
      .filter(([, total]) => total.units > 0)
      .map(([id, total]) => [id, Math.round(total.cents / total.units)]),
  );
}
