// The demand model that turns a product's `demand` parameters into an expected daily rate.
// Exported so forecasts and tests can compare what was sold against what the generator aimed for.

import type { DemoPromotion } from './demo-calendar.data';
import {
  type Climate,
  countUtcDays,
  findPromotion,
  type Hemisphere,
  holidayFactor,
  seasonalFactor,
  weekdayFactor,
} from './demo-calendar.data';
import type { DemoDemand } from './demo-store.types';

export interface DemandPlace {
  hemisphere: Hemisphere;
  climate: Climate;
  /** This place's share of the product's demand (city weight × category affinity, normalised). */
  share: number;
}

export function isSelling(demand: DemoDemand, day: Date): boolean {
  if (day.getTime() < demand.launchedAt.getTime()) return false;
  return demand.discontinuedAt === null || day.getTime() < demand.discontinuedAt.getTime();
}

/** Units per day before place and calendar effects: base × compounded trend, or 0 when not on sale. */
export function computeProductRate(demand: DemoDemand, day: Date, periodStart: Date): number {
  if (!isSelling(demand, day)) return 0;
  const trendStart = demand.launchedAt > periodStart ? demand.launchedAt : periodStart;
  const years = Math.max(0, countUtcDays(trendStart, day)) / 365;
  return (demand.baseWeeklyUnits / 7) * (1 + demand.trendPerYear) ** years;
}

/** Store-wide multiplier for a day: weekday rhythm × holiday peak × any running promotion. */
export function computeCalendarFactor(day: Date, promotions: readonly DemoPromotion[]): number {
  const promotion = findPromotion(day, promotions);
  return weekdayFactor(day) * holidayFactor(day) * (promotion?.demandLift ?? 1);
}

/** Expected units of one product in one place on one UTC day — the quantity the orders are sampled from. */
export function expectDailyUnits(
  demand: DemoDemand,
  day: Date,
  place: DemandPlace,
  context: { periodStart: Date; promotions: readonly DemoPromotion[] },
): number {
  const rate = computeProductRate(demand, day, context.periodStart);
  if (rate === 0) return 0;
  const season = seasonalFactor(demand.seasonality, day, place.hemisphere, place.climate);
  return rate * season * place.share * computeCalendarFactor(day, context.promotions);
}
