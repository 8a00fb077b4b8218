import type { PrismaClient } from '@prisma/client';
import { loadUnits, type SeriesDimension, type SeriesGrain, type UnitsRow } from './sales-history.repo';
import { addDays, DAY_MS, isoDate, parseIsoDate, startOfWeek, validTimeZone } from './week-calendar';

/**
 * Unit-sales series, zero-filled and aligned: every key's array covers the
 * same buckets from `start`, so series can be summed, compared and forecast
 * together.
 */
export interface SalesSeries {
  grain: SeriesGrain;
  by: SeriesDimension;
  /** First bucket (a local Monday for weeks). */
  start: Date;
  length: number;
  series: Map<string, Float64Array>;
}

export function alignUnits(rows: readonly UnitsRow[], grain: SeriesGrain, start: Date, length: number) {
  const step = grain === 'week' ? 7 * DAY_MS : DAY_MS;
  const series = new Map<string, Float64Array>();
  for (const row of rows) {
    const index = Math.round((parseIsoDate(row.bucket).getTime() - start.getTime()) / step);
    if (index < 0 || index >= length) continue;
    let values = series.get(row.key);
    if (!values) {
      values = new Float64Array(length);
      series.set(row.key, values);
    }
    values[index] = (values[index] as number) + row.units;
  }
  return series;
}

/**
 * Units sold per week (or day) by product, category, city, region or country
 * over local days [from, to); weekly bounds snap to Mondays. Keys without a
 * sale in the window are absent (read a missing key as all zeros).
 */
export async function buildSalesSeries(
  prisma: PrismaClient,
  workspaceId: string,
  query: { grain: SeriesGrain; by: SeriesDimension; from: Date; to: Date; timeZone: string },
): Promise<SalesSeries> {
  const from = query.grain === 'week' ? startOfWeek(query.from) : query.from;
  const to = query.grain === 'week' ? startOfWeek(addDays(query.to, 6)) : query.to;
  const step = query.grain === 'week' ? 7 : 1;
  const length = Math.max(0, Math.round((to.getTime() - from.getTime()) / (step * DAY_MS)));
  const rows = await loadUnits(prisma, workspaceId, { ...query, from, to, timeZone: validTimeZone(query.timeZone) });
  return { grain: query.grain, by: query.by, start: from, length, series: alignUnits(rows, query.grain, from, length) };
}

export function sumSeries(parts: readonly ArrayLike<number>[], length: number): Float64Array {
  const total = new Float64Array(length);
  for (const part of parts) for (let t = 0; t < length; t++) total[t] = (total[t] as number) + (part[t] as number);
  return total;
}

/** Index of the first non-zero value (the series' length when there is none). */
export function firstSale(values: ArrayLike<number>): number {
  let index = 0;
  while (index < values.length && values[index] === 0) index++;
  return index;
}

export const bucketLabel = (start: Date, index: number, grain: SeriesGrain) =>
  isoDate(addDays(start, index * (grain === 'week' ? 7 : 1)));
