import { describe, expect, it } from 'vitest';
import { countQuantile, normalQuantile, seededRandom, zForLevel } from './distribution.math';

describe('normalQuantile', () => {
  it('matches printed normal tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(zForLevel(80)).toBeCloseTo(1.281552, 5);
    expect(zForLevel(95)).toBeCloseTo(1.959964, 5);
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('countQuantile', () => {
  it('gives Poisson quantiles when the variance equals the mean', () => {
    // Poisson(2): P(≤1) = 0.406, P(≤2) = 0.677, P(≤4) = 0.947, P(≤5) = 0.983.
    expect(countQuantile(0.5, 2, 2)).toBe(2);
    expect(countQuantile(0.95, 2, 2)).toBe(5);
    expect(countQuantile(0.1, 2, 2)).toBe(0);
  });

  it('gives negative-binomial quantiles when overdispersed', () => {
    // Mean 2, variance 6: size 1, a geometric with P(0) = 1/3, P(≤1) = 5/9, P(≤3) = 0.802.
    expect(countQuantile(0.3, 2, 6)).toBe(0);
    expect(countQuantile(0.5, 2, 6)).toBe(1);
    expect(countQuantile(0.8, 2, 6)).toBe(3);
  });

  it('is 0 for a zero mean and never negative for huge means', () => {
    expect(countQuantile(0.99, 0, 0)).toBe(0);
    expect(countQuantile(0.025, 1e6, 1e6)).toBeGreaterThan(0);
  });
});

describe('seededRandom', () => {
  it('repeats exactly for the same seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});
