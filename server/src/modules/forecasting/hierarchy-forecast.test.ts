import { describe, expect, it } from 'vitest';
import { forecastHierarchies, type HierarchyProduct } from './hierarchy-forecast';
import { estimateYearlyProfile } from './seasonal-profile';
import { addWeeks, parseIsoDate, weekOfYear } from './week-calendar';

/** A seeded Poisson sampler, so the synthetic store is the same on every run. */
function createSampler(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (rate: number) => {
    let k = 0;
    let p = Math.exp(-rate);
    let sum = p;
    const u = next();
    while (u > sum && k < 1000) {
      k++;
      p *= rate / k;
      sum += p;
    }
    return k;
  };
}

const start = parseIsoDate('2025-04-28');
const length = 80;
const poisson = createSampler(7);
const winter = (t: number) => {
  const week = weekOfYear(addWeeks(start, t));
  return 1 + 0.7 * Math.cos((2 * Math.PI * (week - 1)) / 52);
};
const product = (id: string, category: string, rate: (t: number) => number, from = 0): HierarchyProduct => ({
  id,
  label: id,
  category,
  values: Float64Array.from({ length }, (_, t) => (t < from ? 0 : poisson(rate(t)))),
});
const products: HierarchyProduct[] = [
  product('coat-1', 'Coats', (t) => 12 * winter(t)),
  product('coat-2', 'Coats', (t) => 6 * winter(t)),
  product('coat-3', 'Coats', (t) => 0.4 * winter(t)),
  product('coat-new', 'Coats', (t) => 8 * winter(t), 60),
  product('mug-1', 'Mugs', () => 9),
  product('mug-2', 'Mugs', (t) => 3 + 0.05 * t),
  product('mug-3', 'Mugs', () => 0.3),
  product('mug-never', 'Mugs', () => 0),
  product('tee-1', 'Tees', (t) => 15 * (2 - winter(t))),
  product('tee-2', 'Tees', () => 4),
];

describe('forecastHierarchies', async () => {
  const horizon = 26;
  const [forecast] = await forecastHierarchies([{ products, start, length, horizon }], { workers: 0 });
  if (!forecast) throw new Error('no forecast');
  const members = (category: string) => products.filter((p) => p.category === category).map((p) => p.id);

  it('makes every category the sum of its products and the store the sum of its categories, each week', () => {
    expect(forecast.reconciliation).toBe('mint-shrink');
    for (let h = 0; h < horizon; h++) {
      let store = 0;
      for (const [name, category] of forecast.categories) {
        const sum = members(name).reduce((total, id) => total + (forecast.products.get(id)?.mean[h] as number), 0);
        expect(category.mean[h]).toBeCloseTo(sum, 9);
        store += category.mean[h] as number;
      }
      expect(forecast.store.mean[h]).toBeCloseTo(store, 9);
    }
    expect([...forecast.categories.keys()]).toEqual(['Coats', 'Mugs', 'Tees']);
  });

  it('keeps forecasts non-negative inside whole-unit intervals', () => {
    for (const result of [...forecast.products.values(), ...forecast.categories.values(), forecast.store]) {
      expect(result.mean).toHaveLength(horizon);
      for (const interval of result.intervals) {
        result.mean.forEach((mean, h) => {
          expect(mean).toBeGreaterThanOrEqual(0);
          expect(interval.lower[h]).toBeLessThanOrEqual(mean);
          expect(interval.upper[h]).toBeGreaterThanOrEqual(mean);
          expect(Number.isInteger(interval.lower[h]) && Number.isInteger(interval.upper[h])).toBe(true);
        });
      }
    }
  });

  it('applies the category’s yearly profile: coats forecast for winter above those for spring', () => {
    expect(forecast.seasonalProfiles).toContain('Coats');
    const coats = forecast.categories.get('Coats');
    expect(coats?.seasonal).toBe(true);
    // Week 0 is mid-November 2026; week 8 is January (peak), week 24 is late April.
    const january = coats?.mean[8] as number;
    const april = coats?.mean[24] as number;
    expect(january).toBeGreaterThan(1.5 * april);
  });

  it('forecasts a late launch from its first sale and a product that never sold as zero', () => {
    expect(forecast.products.get('mug-never')?.kind).toBe('zero');
    expect(forecast.products.get('mug-never')?.mean.every((value) => value === 0)).toBe(true);
    // Twenty weeks at ~8 × winter: far from the average of a mostly-zero history.
    expect(forecast.products.get('coat-new')?.mean[0]).toBeGreaterThan(5);
    expect(forecast.products.get('mug-3')?.kind).toBe('intermittent');
  });
});

describe('estimateYearlyProfile', () => {
  it('needs a year of history and real volume', () => {
    expect(estimateYearlyProfile(new Float64Array(51).fill(100), start)).toBeNull();
    expect(estimateYearlyProfile(new Float64Array(60).fill(1), start)).toBeNull();
  });

  it('finds the peak of a seasonal series and averages to one', () => {
    const values = Float64Array.from({ length: 80 }, (_, t) => 100 * winter(t));
    const profile = estimateYearlyProfile(values, start) as Float64Array;
    expect(profile).toHaveLength(52);
    expect(profile.reduce((sum, value) => sum + value, 0) / 52).toBeCloseTo(1, 9);
    const peak = profile.indexOf(Math.max(...profile));
    expect(peak === 51 || peak <= 3).toBe(true);
    expect(Math.max(...profile) / Math.min(...profile)).toBeGreaterThan(3);
  });
});
