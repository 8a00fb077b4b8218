// Calendar effects on demand: weekday rhythm, yearly seasons, the Black Friday → Christmas peak
// and promotion windows. All arithmetic is on UTC days so results never depend on the machine's
// timezone, and every effect is a plain multiplier so the demand model stays explainable.

import type { Seasonality } from './demo-store.types';

export const DAY_MS = 86_400_000;

export type Hemisphere = 'north' | 'south';
export type Climate = 'cold' | 'mild' | 'warm';

export interface DemoPromotion {
  name: string;
  code: string;
  startsAt: Date;
  /** Exclusive. */
  endsAt: Date;
  discountPercent: number;
  demandLift: number;
}

// Online apparel sells most on Sunday evening and Monday; Friday/Saturday are for going out.
const WEEKDAY_FACTORS = [1.12, 1.15, 1.04, 1.0, 0.96, 0.88, 0.85] as const;

// Warm cities barely notice winter; cold ones swing hard.
const CLIMATE_AMPLITUDE: Record<Climate, number> = { cold: 1.15, mild: 1.0, warm: 0.65 };

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addUtcDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addUtcMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

export function countUtcDays(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}

export function weekdayFactor(day: Date): number {
  return WEEKDAY_FACTORS[day.getUTCDay()] ?? 1;
}

/** Yearly seasonal multiplier, averaging ≈1 over a year so baseWeeklyUnits stays a true mean. */
export function seasonalFactor(seasonality: Seasonality, day: Date, hemisphere: Hemisphere, climate: Climate): number {
  // Southern-hemisphere seasons are shifted half a year; Christmas is not.
  const shift = hemisphere === 'south' && seasonality !== 'holiday' ? 182 : 0;
  const dayOfYear = (countUtcDays(new Date(Date.UTC(day.getUTCFullYear(), 0, 1)), day) + shift) % 365;
  const amplitude = CLIMATE_AMPLITUDE[climate];
  if (seasonality === 'winter') return 1 + 0.75 * amplitude * Math.cos((2 * Math.PI * (dayOfYear - 10)) / 365);
  if (seasonality === 'summer') return 1 + 0.6 * amplitude * Math.cos((2 * Math.PI * (dayOfYear - 195)) / 365);
  if (seasonality === 'holiday') return 0.8 + 2.4 * gaussianBump(dayOfYear, 345, 12);
  return 1;
}

/** Store-wide lift from the Black Friday weekend through Christmas, with the usual post-holiday lull. */
export function holidayFactor(day: Date): number {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  const date = day.getUTCDate();
  const thanksgiving = findThanksgiving(year);
  const offset = countUtcDays(thanksgiving, day);
  const peak = [1.3, 2.8, 2.1, 1.9, 2.5, 1.5][offset];
  if (peak !== undefined) return peak;
  if (month === 10) return offset < 0 ? 1.08 : 1.3;
  if (month === 11) {
    if (date <= 17) return 1.3 + 0.015 * date;
    if (date <= 22) return 1.15;
    if (date <= 25) return [0.8, 0.55, 0.45][date - 23] ?? 1;
    return 1.15;
  }
  if (month === 0 && date <= 20) return 0.85;
  return 1;
}

export function findPromotion(day: Date, promotions: readonly DemoPromotion[]): DemoPromotion | null {
  const time = day.getTime();
  return promotions.find((p) => time >= p.startsAt.getTime() && time < p.endsAt.getTime()) ?? null;
}

/** The latest occurrence of each yearly sale that fits inside the period (so 18 months → 5 sales). */
export function listPromotions(periodStart: Date, endDate: Date): DemoPromotion[] {
  const promotions: DemoPromotion[] = [];
  for (const template of listPromotionTemplates()) {
    for (let year = endDate.getUTCFullYear(); year >= periodStart.getUTCFullYear(); year--) {
      const promotion = template(year);
      if (promotion.startsAt >= periodStart && promotion.endsAt <= endDate) {
        promotions.push(promotion);
        break;
      }
    }
  }
  return promotions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

function listPromotionTemplates(): ((year: number) => DemoPromotion)[] {
  const fixed =
    (
      name: string,
      code: string,
      month: number,
      day: number,
      days: number,
      discountPercent: number,
      demandLift: number,
    ) =>
    (year: number): DemoPromotion => {
      const startsAt = new Date(Date.UTC(year, month, day));
      return { name, code, startsAt, endsAt: addUtcDays(startsAt, days), discountPercent, demandLift };
    };
  return [
    fixed('New Year Sale', 'NEWYEAR20', 0, 2, 4, 20, 1.7),
    fixed('Spring Refresh', 'SPRING15', 3, 10, 4, 15, 1.5),
    fixed('Summer Sale', 'SUMMER20', 6, 8, 5, 20, 1.7),
    fixed('Anniversary Sale', 'BIRTHDAY15', 8, 17, 3, 15, 1.5),
    (year) => {
      // Black Friday through Cyber Monday; the holiday factor already carries most of the lift.
      const startsAt = addUtcDays(findThanksgiving(year), 1);
      return {
        name: 'Black Friday',
        code: 'BF25',
        startsAt,
        endsAt: addUtcDays(startsAt, 4),
        discountPercent: 25,
        demandLift: 1.25,
      };
    },
  ];
}

function findThanksgiving(year: number): Date {
  const firstOfNovember = new Date(Date.UTC(year, 10, 1));
  const firstThursday = 1 + ((4 - firstOfNovember.getUTCDay() + 7) % 7);
  return new Date(Date.UTC(year, 10, firstThursday + 21));
}

function gaussianBump(dayOfYear: number, centre: number, width: number): number {
  const distance = Math.min(Math.abs(dayOfYear - centre), 365 - Math.abs(dayOfYear - centre));
  return Math.exp(-(distance * distance) / (2 * width * width));
}
