import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './engine';
import { planStock } from './stock-planner';
import { isoDate, parseIsoDate } from './week-calendar';

const monday = parseIsoDate('2026-06-01');
const steady = (units: number, sd: number, weeks = 26) => ({
  mean: new Array<number>(weeks).fill(units),
  intervals: [
    {
      level: 80,
      lower: new Array<number>(weeks).fill(units - 1.2816 * sd),
      upper: new Array<number>(weeks).fill(units + 1.2816 * sd),
    },
    {
      level: 95,
      lower: new Array<number>(weeks).fill(units - 1.959964 * sd),
      upper: new Array<number>(weeks).fill(units + 1.959964 * sd),
    },
  ],
  forecastStart: monday,
});
const settings = { leadTimeDays: 14, serviceLevel: 0.95 };

describe('planStock', () => {
  it('runs out of 100 units at a steady 10 a week after 10 weeks', () => {
    const plan = planStock({ ...steady(10, 0), today: monday, inventory: 100 }, settings);
    expect(plan.daysOfCover).toBeCloseTo(70, 9);
    expect(isoDate(plan.stockoutDate as Date)).toBe('2026-08-10');
    expect(plan.weeklyDemand).toBe(10);
    // No uncertainty: two weeks of demand (20) never exhaust 100 units, nothing to reorder.
    expect(plan.probabilityBeforeRestock).toBe(0);
    expect(plan.reorderQuantity).toBe(0);
  });

  it('counts from today, part-way through the first forecast week', () => {
    const wednesday = parseIsoDate('2026-06-03');
    const plan = planStock({ ...steady(10, 0), today: wednesday, inventory: 100 }, settings);
    expect(isoDate(plan.stockoutDate as Date)).toBe('2026-08-12');
  });

  it('brings the stock-out forward when demand may run high, and reorders to the service level', () => {
    // Weekly sd 2 → lead-time (2 weeks) sd 2·√2; the 95 % lead-time demand is 20 + 1.645·2.83 = 24.65.
    const plan = planStock({ ...steady(10, 2), today: monday, inventory: 15 }, settings);
    expect(plan.leadTimeDemand).toBeCloseTo(20, 9);
    expect(plan.leadTimeDemandQuantile).toBeCloseTo(20 + normalQuantile(0.95) * 2 * Math.SQRT2, 6);
    expect(plan.reorderQuantity).toBe(10);
    expect(plan.probabilityBeforeRestock).toBeCloseTo(1 - normalCdf((15.5 - 20) / (2 * Math.SQRT2)), 6);
    expect(plan.probabilityBeforeRestock).toBeGreaterThan(0.9);
    expect((plan.earliestStockoutDate as Date).getTime()).toBeLessThan((plan.stockoutDate as Date).getTime());
    // A higher service level orders more: 20 + 2.326·2.83 = 26.58 → 12.
    expect(
      planStock({ ...steady(10, 2), today: monday, inventory: 15 }, { ...settings, serviceLevel: 0.99 })
        .reorderQuantity,
    ).toBe(12);
  });

  it('has no stock-out date when the inventory outlasts the forecast', () => {
    const plan = planStock({ ...steady(1, 0.5), today: monday, inventory: 1000 }, settings);
    expect(plan.stockoutDate).toBeNull();
    expect(plan.daysOfCover).toBeNull();
    expect(plan.probabilityBeforeRestock).toBeLessThan(1e-6);
  });

  it('is out of stock today with nothing on hand', () => {
    const plan = planStock({ ...steady(7, 1), today: monday, inventory: 0 }, settings);
    expect(plan.daysOfCover).toBe(0);
    expect(isoDate(plan.stockoutDate as Date)).toBe('2026-06-01');
    expect(plan.reorderQuantity).toBe(Math.ceil(14 + normalQuantile(0.95) * Math.SQRT2));
  });
});

describe('normal distribution', () => {
  it('matches reference values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323, 6);
  });
});
