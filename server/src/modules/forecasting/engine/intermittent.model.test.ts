import { describe, expect, it } from 'vitest';
import { seededRandom } from './distribution.math';
import type { PredictionInterval } from './forecast.types';
import { fitCroston, fitSba, fitTsb } from './intermittent.model';
import { poisson } from './synthetic-demand.generator';

describe('Croston and SBA', () => {
  // Demands 3 (after 3 periods), 5 (after 2), 2 (after 4); α = 0.1:
  // sizes 3 → 3.2 → 3.08, intervals 3 → 2.9 → 3.01.
  const values = [0, 0, 3, 0, 5, 0, 0, 0, 2];

  it('forecast the smoothed size over the smoothed interval', () => {
    expect(fitCroston(values, { params: { alpha: 0.1 } }).forecast(3, []).mean).toEqual(new Array(3).fill(3.08 / 3.01));
  });

  it('SBA scales Croston by 1 − α/2', () => {
    const [rate] = fitSba(values, { params: { alpha: 0.1 } }).forecast(1, []).mean;
    expect(rate).toBeCloseTo((0.95 * 3.08) / 3.01, 12);
  });
});

describe('TSB', () => {
  it('smooths the demand probability every period', () => {
    // First demand 2 at t = 1: p = 1/2, z = 2; two zeros: p 0.45, 0.405; demand 4: p 0.4645, z 2.2.
    const [rate] = fitTsb([0, 2, 0, 0, 4], { params: { alpha: 0.1, beta: 0.1 } }).forecast(1, []).mean;
    expect(rate).toBeCloseTo(0.4645 * 2.2, 12);
  });

  it('decays towards zero after demand stops, unlike Croston', () => {
    const stopped = [...Array.from({ length: 40 }, (_, t) => (t % 2 ? 3 : 0)), ...new Array(40).fill(0)];
    const tsb = fitTsb(stopped, { params: { alpha: 0.1, beta: 0.1 } }).forecast(1, []).mean[0] as number;
    const croston = fitCroston(stopped, { params: { alpha: 0.1 } }).forecast(1, []).mean[0] as number;
    expect(tsb).toBeLessThan(0.1);
    expect(croston).toBeGreaterThan(1);
  });
});

describe('intermittent forecasts and intervals', () => {
  const cases: Record<string, number[]> = {
    'all zeros': new Array(30).fill(0),
    'one sale at the end': [...new Array(29).fill(0), 4],
    'a single period': [2],
    'sparse random counts': Array.from({ length: 200 }, (_, t) => (t % 7 === 3 ? t % 5 : 0)),
  };
  for (const [name, values] of Object.entries(cases)) {
    it(`are finite and never negative: ${name}`, () => {
      for (const fit of [fitCroston, fitSba, fitTsb]) {
        const forecast = fit(values).forecast(5, [80, 95]);
        for (const value of [...forecast.mean, ...forecast.intervals.flatMap((i) => [...i.lower, ...i.upper])]) {
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }
    });
  }

  it('cover about the stated share of simulated Poisson demand', () => {
    const random = seededRandom(31);
    let inside = 0;
    let trials = 0;
    for (let i = 0; i < 400; i++) {
      const path = Array.from({ length: 205 }, () => poisson(0.4, random));
      const band = fitSba(path.slice(0, 200)).forecast(5, [95]).intervals[0] as PredictionInterval;
      path.slice(200).forEach((actual, h) => {
        trials++;
        if (actual >= (band.lower[h] as number) && actual <= (band.upper[h] as number)) inside++;
      });
    }
    // Counts are discrete, so a 95 % count interval covers at least 95 %.
    expect(inside / trials).toBeGreaterThan(0.93);
    expect(inside / trials).toBeLessThan(1);
  });
});
