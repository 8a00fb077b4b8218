import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from './distribution.math';
import type { PredictionInterval } from './forecast.types';
import { fitSeasonalAr } from './seasonal-ar.model';

describe('seasonal AR', () => {
  it('repeats an exact daily shape', () => {
    const shape = Array.from({ length: 24 }, (_, hour) => 100 + 30 * Math.sin((2 * Math.PI * hour) / 24));
    const values = Array.from({ length: 24 * 10 }, (_, t) => shape[t % 24] as number);
    const forecast = fitSeasonalAr(values, { period: 24 }).forecast(48, []).mean;
    forecast.forEach((value, h) => {
      expect(value).toBeCloseTo(shape[h % 24] as number, 6);
    });
  });

  it('recovers an AR(1) coefficient on seasonal differences', () => {
    const random = seededRandom(20);
    const period = 7;
    const values: number[] = Array.from({ length: period }, (_, t) => 50 + t);
    let z = 0;
    for (let t = period; t < 3000; t++) {
      z = 0.6 * z + gaussian(random);
      values.push((values[t - period] as number) + z);
    }
    const model = fitSeasonalAr(values, { period });
    expect(model.params.ar1).toBeCloseTo(0.6, 1);
    expect(Math.abs(model.params.ar2 as number)).toBeLessThan(0.06);
    expect(Math.abs(model.params.ar3 as number)).toBeLessThan(0.06);
  });

  it('widens intervals with the horizon', () => {
    const random = seededRandom(18);
    const values = Array.from({ length: 200 }, (_, t) => 20 + 5 * (t % 4) + gaussian(random));
    const band = fitSeasonalAr(values, { period: 4 }).forecast(12, [80]).intervals[0] as PredictionInterval;
    const widths = band.upper.map((upper, h) => upper - (band.lower[h] as number));
    expect(widths[11]).toBeGreaterThan(widths[0] as number);
  });
});
