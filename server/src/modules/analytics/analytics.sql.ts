import { Prisma } from '@prisma/client';
import type { LocalWindow } from './analytics.model';

/**
 * Timestamps are stored as UTC without a zone. `AT TIME ZONE 'UTC' AT TIME
 * ZONE tz` reads one as the merchant's wall clock; the reverse turns a local
 * midnight into the UTC instant a range condition can compare against — a
 * constant, so the `(workspaceId, createdAt)` indexes still serve the scan.
 */
export function localMidnightUtc(day: string, timeZone: string): Prisma.Sql {
  return Prisma.sql`((${day}::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`;
}

export function inWindow(column: Prisma.Sql, window: LocalWindow): Prisma.Sql {
  return Prisma.sql`${column} >= ${localMidnightUtc(window.from, window.timeZone)} AND ${column} < ${localMidnightUtc(window.to, window.timeZone)}`;
}

/** The local calendar day of a stored timestamp, `YYYY-MM-DD`. */
export function localDay(column: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
}

/** Raw aggregates arrive as bigint or numeric; every figure here fits a double exactly. */
export function toNumber(value: bigint | number | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
