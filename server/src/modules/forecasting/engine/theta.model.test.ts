import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from './distribution.math';
import type { PredictionInterval } from './forecast.types';
import { fitTheta } from './theta.model';

describe('Theta', () => {
  it('is SES plus b/2·(h − 1 + (1 − (1 − α)^n)/α) with fixed SES parameters', () => {
    // SES (α = 0.5, l0 = 1) on 1…5 ends at level 4.0625; regression slope 1 → drift 0.5.
    const model = fitTheta([1, 2, 3, 4, 5], { params: { alpha: 0.5, level0: 1 } });
    const [h1, h2] = model.forecast(2, []).mean;
    expect(h1).toBeCloseTo(4.0625 + 0.5 * (0.96875 / 0.5), 12);
    expect(h2).toBeCloseTo(4.0625 + 0.5 * (1 + 0.96875 / 0.5), 12);
  });

  it('extends an exact line from its last value with half its slope', () => {
    // SES of the theta-2 line (the line itself) takes α ≈ 1 and stays at 68; the drift adds 2/2 per step.
    const line = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const model = fitTheta(line);
    expect(model.params.alpha).toBeGreaterThan(0.99);
    model.forecast(5, []).mean.forEach((value, h) => {
      expect(value).toBeCloseTo(68 + (h + 1), 2);
    });
  });

  it('re-seasonalises with the multiplicative indices when the 90 % test finds seasonality', () => {
    const pattern = [1.4, 0.6, 1.2, 0.8];
    const random = seededRandom(8);
    const values = Array.from(
      { length: 48 },
      (_, t) => 200 * (pattern[t % 4] as number) * (1 + 0.01 * gaussian(random)),
    );
    const model = fitTheta(values, { period: 4 });
    expect(model.params.seasonal).toBe(1);
    const [a, b, c, d] = model.forecast(4, []).mean as [number, number, number, number];
    // Forecasts start at t = 48, position 0 of the cycle.
    expect(a / b).toBeCloseTo(1.4 / 0.6, 1);
    expect(c / d).toBeCloseTo(1.2 / 0.8, 1);
  });

  it('widens its intervals like SES', () => {
    const random = seededRandom(9);
    const values = Array.from({ length: 100 }, () => 50 + gaussian(random));
    const model = fitTheta(values);
    const alpha = model.params.alpha as number;
    const band = model.forecast(6, [80]).intervals[0] as PredictionInterval;
    const width = (h: number) => (band.upper[h] as number) - (band.lower[h] as number);
    expect(width(5) / width(0)).toBeCloseTo(Math.sqrt(1 + 5 * alpha * alpha), 9);
  });
});
