import { Prisma, type PrismaClient } from '@prisma/client';
import { addDays, isoDate } from './week-calendar';

/**
 * Reads of the order history, aggregated in PostgreSQL: units per week (or
 * day) and key, per-place sums over a few windows, inventory. Every query is
 * scoped to one workspace on both Order and OrderLine. Cancelled and refunded
 * orders are not demand. `placedAt` is stored as UTC without a zone, hence
 * `AT TIME ZONE 'UTC' AT TIME ZONE tz` to reach the merchant's calendar.
 */

export type SeriesGrain = 'week' | 'day';
export type SeriesDimension = 'product' | 'category' | 'city' | 'region' | 'country';

export interface UnitsRow {
  key: string;
  /** The local calendar day that starts the bucket, YYYY-MM-DD. */
  bucket: string;
  units: number;
}

export interface WorkspaceHistoryBounds {
  timeZone: string;
  currency: string;
  isDemo: boolean;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
}

const demand = Prisma.sql`o.status NOT IN ('cancelled', 'refunded')`;

const dimensionKeys: Record<SeriesDimension, Prisma.Sql> = {
  product: Prisma.sql`ol."productId"::text`,
  category: Prisma.sql`COALESCE(NULLIF(btrim(p.category), ''), 'Uncategorised')`,
  // Places are keyed country|region|city, trimmed; the country code upper-cased.
  city: Prisma.sql`concat_ws('|', upper(btrim(o."shippingCountry")), btrim(o."shippingRegion"), btrim(o."shippingCity"))`,
  region: Prisma.sql`concat_ws('|', upper(btrim(o."shippingCountry")), btrim(o."shippingRegion"))`,
  country: Prisma.sql`upper(btrim(o."shippingCountry"))`,
};

export async function findHistoryBounds(
  prisma: PrismaClient,
  workspaceId: string,
): Promise<WorkspaceHistoryBounds | null> {
  const rows = await prisma.$queryRaw<
    { timezone: string; currency: string; isDemo: boolean; first: Date | null; last: Date | null }[]
  >`
    SELECT w.timezone, w.currency, w."isDemo",
      (SELECT min(o."placedAt") FROM "Order" o WHERE o."workspaceId" = w.id AND ${demand}) AS first,
      (SELECT max(o."placedAt") FROM "Order" o WHERE o."workspaceId" = w.id AND ${demand}) AS last
    FROM "Workspace" w WHERE w.id = ${workspaceId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    timeZone: row.timezone,
    currency: row.currency,
    isDemo: row.isDemo,
    firstOrderAt: row.first,
    lastOrderAt: row.last,
  };
}

/**
 * Units per bucket and key for local days [from, to). The UTC range is one day
 * wider on each side (any offset fits in it); buckets outside are dropped.
 */
export async function loadUnits(
  prisma: PrismaClient,
  workspaceId: string,
  query: { grain: SeriesGrain; by: SeriesDimension; timeZone: string; from: Date; to: Date },
): Promise<UnitsRow[]> {
  const key = dimensionKeys[query.by];
  const joinProduct =
    query.by === 'category'
      ? Prisma.sql`JOIN "Product" p ON p.id = ol."productId" AND p."workspaceId" IS NOT DISTINCT FROM o."workspaceId"`
      : Prisma.empty;
  const rows = await prisma.$queryRaw<UnitsRow[]>`
    WITH o AS MATERIALIZED (${demandOrders(workspaceId, query.timeZone, query.from, query.to)})
    SELECT ${key} AS key,
      to_char(date_trunc(${query.grain}, o."localTime"), 'YYYY-MM-DD') AS bucket,
      SUM(ol.quantity)::float8 AS units
    FROM o
    JOIN "OrderLine" ol ON ol."orderId" = o.id
    ${joinProduct}
    WHERE ${sameWorkspace} AND ol."productId" IS NOT NULL
    GROUP BY 1, 2`;
  const from = isoDate(query.from);
  const to = isoDate(query.to);
  return rows.filter((row) => row.bucket >= from && row.bucket < to && row.key !== '');
}

/**
 * The workspace's demand orders placed around local days [from, to), with
 * their local time. The UTC range is one day wider on each side (any offset
 * fits in it); callers drop what falls outside. Materialised, so the lines
 * are then fetched by order id.
 */
function demandOrders(workspaceId: string, timeZone: string, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, o."workspaceId", o."shippingCountry", o."shippingRegion", o."shippingCity",
      (o."placedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone} AS "localTime"
    FROM "Order" o
    WHERE o."workspaceId" = ${workspaceId}::uuid AND ${demand}
      AND o."placedAt" >= ${isoDate(addDays(from, -1))}::timestamp
      AND o."placedAt" < ${isoDate(addDays(to, 1))}::timestamp`;
}

/**
 * Lines must belong to their order's workspace. Written as IS NOT DISTINCT
 * FROM on purpose: a plain = lets the planner, before ANALYZE has seen a
 * fresh import, AND the order-id lookup with a bitmap of every line of the
 * workspace — once per order (seconds instead of milliseconds).
 */
const sameWorkspace = Prisma.sql`ol."workspaceId" IS NOT DISTINCT FROM o."workspaceId"`;

export interface PlaceUnitsRow {
  productId: string;
  country: string;
  region: string;
  city: string;
  /** Units in [recentStart, end), [priorStart, recentStart) and [yearStart, end). */
  recent: number;
  prior: number;
  year: number;
  revenueYearCents: number;
}

/** Units per product and shipping city over three windows of local days, in one pass over the orders. */
export async function loadPlaceUnits(
  prisma: PrismaClient,
  workspaceId: string,
  window: { timeZone: string; priorStart: Date; recentStart: Date; yearStart: Date; end: Date },
): Promise<PlaceUnitsRow[]> {
  const earliest = new Date(Math.min(window.priorStart.getTime(), window.yearStart.getTime()));
  const inRange = (from: Date, to: Date) =>
    Prisma.sql`o."localTime" >= ${isoDate(from)}::timestamp AND o."localTime" < ${isoDate(to)}::timestamp`;
  return prisma.$queryRaw<PlaceUnitsRow[]>`
    WITH o AS MATERIALIZED (${demandOrders(workspaceId, window.timeZone, earliest, window.end)})
    SELECT ol."productId"::text AS "productId",
      upper(btrim(o."shippingCountry")) AS country,
      COALESCE(btrim(o."shippingRegion"), '') AS region,
      btrim(o."shippingCity") AS city,
      COALESCE(SUM(ol.quantity) FILTER (WHERE ${inRange(window.recentStart, window.end)}), 0)::float8 AS recent,
      COALESCE(SUM(ol.quantity) FILTER (WHERE ${inRange(window.priorStart, window.recentStart)}), 0)::float8 AS prior,
      COALESCE(SUM(ol.quantity) FILTER (WHERE ${inRange(window.yearStart, window.end)}), 0)::float8 AS year,
      COALESCE(SUM(ol.quantity::bigint * ol."unitPriceCents") FILTER (WHERE ${inRange(window.yearStart, window.end)}), 0)::float8
        AS "revenueYearCents"
    FROM o
    JOIN "OrderLine" ol ON ol."orderId" = o.id
    WHERE ${sameWorkspace} AND ol."productId" IS NOT NULL
      AND NULLIF(btrim(o."shippingCity"), '') IS NOT NULL
      AND NULLIF(btrim(o."shippingCountry"), '') IS NOT NULL
    GROUP BY 1, 2, 3, 4`;
}

export interface CatalogProduct {
  id: string;
  title: string;
  handle: string;
  category: string;
  status: 'active' | 'draft' | 'archived';
  /** Mean variant price, for products without recent sales. */
  listPriceCents: number | null;
  /** Units on hand over variants that track inventory; null when none does. */
  inventory: number | null;
}

/** Every product of the workspace with its category, list price and tracked inventory. */
export async function loadCatalog(prisma: PrismaClient, workspaceId: string): Promise<CatalogProduct[]> {
  return prisma.$queryRaw<CatalogProduct[]>`
    SELECT p.id::text, p.title, p.handle,
      COALESCE(NULLIF(btrim(p.category), ''), 'Uncategorised') AS category,
      p.status::text AS status,
      round(avg(v."priceCents"))::int AS "listPriceCents",
      (SUM(v.inventory) FILTER (WHERE v.inventory IS NOT NULL))::int AS inventory
    FROM "Product" p
    LEFT JOIN "Variant" v ON v."productId" = p.id AND v."workspaceId" = ${workspaceId}::uuid
    WHERE p."workspaceId" = ${workspaceId}::uuid
    GROUP BY p.id
    ORDER BY p.id`;
}

/** Workspaces with at least one order since `since`: the ones the nightly forecast is worth running for. */
export async function listWorkspacesWithOrdersSince(prisma: PrismaClient, since: Date): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT w.id::text FROM "Workspace" w
    WHERE EXISTS (SELECT 1 FROM "Order" o WHERE o."workspaceId" = w.id AND o."placedAt" >= ${since.toISOString()}::timestamp)
    ORDER BY w.id`;
  return rows.map((row) => row.id);
}
