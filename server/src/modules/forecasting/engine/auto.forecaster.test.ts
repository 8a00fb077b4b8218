import { describe, expect, it } from 'vitest';
import { forecastSeries, InvalidSeriesError } from './auto.forecaster';
import { gaussian, seededRandom } from './distribution.math';
import { classifySeries } from './series.classifier';
import { poisson } from './synthetic-demand.generator';

const random = seededRandom(77);
const weekly = [0.8, 0.9, 1, 1, 1.1, 1.5, 1.7];
const dailySales = Array.from({ length: 400 }, (_, t) =>
  Math.round(100 * (1 + t / 800) * (weekly[t % 7] as number) * (1 + 0.05 * gaussian(random))),
);
const slowMover = Array.from({ length: 400 }, () => poisson(0.2, random));

describe('classifySeries', () => {
  it('calls a series intermittent when the average demand interval exceeds 1.32', () => {
    expect(classifySeries([1, 1, 1, 0, 1, 1, 1, 0], 4).kind).toBe('intermittent'); // 8/6 = 1.333
    expect(classifySeries([1, 1, 1, 1, 1, 1, 1, 0], 4).kind).toBe('smooth'); // 8/7 = 1.14
    expect(classifySeries([0, 0, 0], 2).kind).toBe('zero');
    expect(classifySeries([1, 2, 3], 8).kind).toBe('short');
    expect(classifySeries([5, -1, 0, 0, 0, 4, 0, 0], 4).kind).toBe('smooth');
  });
});

describe('forecastSeries', () => {
  it('forecasts a seasonal seller with seasonal models and reports its backtest', () => {
    const result = forecastSeries(dailySales, { horizon: 14, periods: [7] });
    expect(result.kind).toBe('smooth');
    expect(result.models.length).toBe(2);
    expect(result.models.every((name) => name.endsWith('@7'))).toBe(true);
    expect(result.mean).toHaveLength(14);
    // The weekend peak is forecast on the right days: t = 400 is position 1 (index 0.9), t = 405 position 6 (1.7).
    expect(result.mean[5] as number).toBeGreaterThan(1.5 * (result.mean[0] as number));
    expect(result.backtest?.origins).toBe(3);
    expect(result.backtest?.mase).toBeLessThan(1);
    expect(Math.abs(result.backtest?.bias as number)).toBeLessThan(0.1);
    expect(result.backtest?.coverage.map(({ level }) => level)).toEqual([80, 95]);
    expect(result.candidates[0]?.name).toBe(result.models[0]);
  });

  it('keeps intervals ordered and around the mean', () => {
    const { mean, intervals } = forecastSeries(dailySales, { horizon: 7, periods: [7], levels: [50, 90] });
    const [inner, outer] = intervals as [(typeof intervals)[0], (typeof intervals)[0]];
    mean.forEach((value, h) => {
      expect(outer.lower[h]).toBeLessThanOrEqual(inner.lower[h] as number);
      expect(inner.lower[h]).toBeLessThanOrEqual(value);
      expect(value).toBeLessThanOrEqual(inner.upper[h] as number);
      expect(inner.upper[h]).toBeLessThanOrEqual(outer.upper[h] as number);
    });
  });

  it('uses the Croston family for slow movers, with non-negative finite forecasts and bounds', () => {
    const result = forecastSeries(slowMover, { horizon: 28, periods: [7] });
    expect(result.kind).toBe('intermittent');
    expect(result.models.every((name) => ['croston', 'sba', 'tsb'].includes(name))).toBe(true);
    const all = [...result.mean, ...result.intervals.flatMap(({ lower, upper }) => [...lower, ...upper])];
    expect(all.every((value) => Number.isFinite(value) && value >= 0)).toBe(true);
    expect(result.mean[0]).toBeGreaterThan(0.1);
    expect(result.mean[0]).toBeLessThan(0.3);
  });

  it("returns the combined model's one-step residuals on request", () => {
    const result = forecastSeries(dailySales, { horizon: 7, periods: [7], residuals: true });
    expect(result.residuals).toHaveLength(dailySales.length);
    const tail = (result.residuals as number[]).slice(-100);
    expect(tail.every(Number.isFinite)).toBe(true);
    // One-step errors of a good model are small next to the level (~100) and centred on zero.
    expect(Math.abs(tail.reduce((a, b) => a + b, 0) / tail.length)).toBeLessThan(3);
    expect(forecastSeries(dailySales, { horizon: 7, periods: [7] }).residuals).toBeUndefined();
  });

  it('picks a single model when asked not to combine', () => {
    expect(forecastSeries(dailySales, { horizon: 7, periods: [7], combine: 1 }).models).toHaveLength(1);
  });

  it('handles zero and very short series without a backtest', () => {
    const zero = forecastSeries(new Array(50).fill(0), { horizon: 3 });
    expect(zero.mean).toEqual([0, 0, 0]);
    expect(zero.kind).toBe('zero');
    const short = forecastSeries([4, 5, 6], { horizon: 2 });
    expect(short.kind).toBe('short');
    expect(short.backtest).toBeUndefined();
    expect(short.mean.every(Number.isFinite)).toBe(true);
  });

  it('rejects invalid input with a clear error', () => {
    expect(() => forecastSeries([1, Number.NaN, 3], { horizon: 2 })).toThrow(InvalidSeriesError);
    expect(() => forecastSeries([1, 2, 3], { horizon: 0 })).toThrow(/horizon/);
    expect(() => forecastSeries([], { horizon: 1 })).toThrow(/empty/);
  });
});
