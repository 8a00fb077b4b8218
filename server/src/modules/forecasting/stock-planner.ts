import { normalCdf, normalQuantile } from './engine';
import type { Interval, StockSettings } from './forecasting.model';
import { addDays, daysBetween } from './week-calendar';

/**
 * When a product runs out and how much to reorder, from its weekly forecast.
 * Each forecast week is spread evenly over its days; a week's spread comes
 * from its 95 % upper bound (lower bounds are floored at 0, upper ones are
 * not). Demand over a span of days is taken as normal with the summed means
 * and variances — the textbook lead-time-demand model (weeks independent),
 * which also makes the reorder quantity the familiar
 * ⌈μ_L + z·σ_L − inventory⌉⁺.
 */
export interface StockInput {
  /** Weekly forecast from `forecastStart` (a local Monday). */
  mean: readonly number[];
  intervals: readonly Interval[];
  forecastStart: Date;
  /** Today on the workspace's calendar; demand is counted from the start of this day. */
  today: Date;
  inventory: number;
}

export interface StockPlan {
  inventory: number;
  weeklyDemand: number;
  /** Days until expected cumulative demand reaches the inventory; null beyond the horizon. */
  daysOfCover: number | null;
  stockoutDate: Date | null;
  /** If demand runs at its 90th percentile. */
  earliestStockoutDate: Date | null;
  leadTimeDays: number;
  serviceLevel: number;
  leadTimeDemand: number;
  leadTimeDemandQuantile: number;
  probabilityBeforeRestock: number;
  reorderQuantity: number;
}

const Z95 = normalQuantile(0.975);
const Z90 = normalQuantile(0.9);

export function planStock(input: StockInput, settings: StockSettings): StockPlan {
  const days = dailyDemand(input);
  const inventory = Math.max(0, input.inventory);
  const daysOfCover = coverDays(days, inventory, 0);
  const earliest = coverDays(days, inventory, Z90);
  const leadTime = days.slice(0, settings.leadTimeDays);
  const leadTimeDemand = leadTime.reduce((sum, day) => sum + day.mean, 0);
  const leadTimeSd = Math.sqrt(leadTime.reduce((sum, day) => sum + day.variance, 0));
  const quantile = leadTimeDemand + normalQuantile(settings.serviceLevel) * leadTimeSd;
  // Units are whole: running out means demand reaches inventory + 1, hence the half-unit correction.
  const probability =
    leadTimeSd > 0
      ? 1 - normalCdf((inventory + 0.5 - leadTimeDemand) / leadTimeSd)
      : leadTimeDemand > inventory
        ? 1
        : 0;
  const nextFour = input.mean.slice(0, 4);
  return {
    inventory,
    weeklyDemand: nextFour.length > 0 ? nextFour.reduce((sum, value) => sum + value, 0) / nextFour.length : 0,
    daysOfCover,
    stockoutDate: firstDayWithout(input.today, daysOfCover),
    earliestStockoutDate: firstDayWithout(input.today, earliest),
    leadTimeDays: settings.leadTimeDays,
    serviceLevel: settings.serviceLevel,
    leadTimeDemand,
    leadTimeDemandQuantile: Math.max(0, quantile),
    probabilityBeforeRestock: Math.min(1, Math.max(0, probability)),
    reorderQuantity: Math.max(0, Math.ceil(quantile - inventory - 1e-9)),
  };
}

/** The first day that starts with nothing on hand ("10 weeks of cover from Monday" → the Monday 10 weeks on). */
function firstDayWithout(today: Date, cover: number | null): Date | null {
  // The tolerance absorbs float sums: seventy days of 10/7 units add up to 99.99999999999997.
  return cover === null ? null : addDays(today, Math.floor(cover + 1e-9));
}

interface DayDemand {
  mean: number;
  variance: number;
}

/** Daily mean and variance from today to the end of the forecast. */
function dailyDemand(input: StockInput): DayDemand[] {
  const upper95 = input.intervals.find((interval) => interval.level === 95) ?? input.intervals.at(-1);
  const z = !upper95 || upper95.level === 95 ? Z95 : normalQuantile(0.5 + upper95.level / 200);
  const offset = Math.max(0, daysBetween(input.forecastStart, input.today));
  const days: DayDemand[] = [];
  for (let day = offset; day < input.mean.length * 7; day++) {
    const week = Math.floor(day / 7);
    const mean = Math.max(0, input.mean[week] as number);
    const sd = upper95 ? Math.max(0, ((upper95.upper[week] as number) - mean) / z) : 0;
    days.push({ mean: mean / 7, variance: (sd * sd) / 7 });
  }
  return days;
}

/**
 * Fractional days until cumulative demand (mean + z·sd) reaches `inventory`;
 * null when it does not within the forecast. With nothing on hand that is 0.
 */
function coverDays(days: readonly DayDemand[], inventory: number, z: number): number | null {
  if (inventory <= 0) return 0;
  let mean = 0;
  let variance = 0;
  let previous = 0;
  for (let d = 0; d < days.length; d++) {
    const day = days[d] as DayDemand;
    mean += day.mean;
    variance += day.variance;
    const level = mean + z * Math.sqrt(variance);
    if (level >= inventory - 1e-9) {
      const step = level - previous;
      return d + (step > 0 ? Math.min(1, (inventory - previous) / step) : 1);
    }
    previous = level;
  }
  return null;
}
