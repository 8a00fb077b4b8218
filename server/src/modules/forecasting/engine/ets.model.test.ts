import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from './distribution.math';
import { fitDamped, fitEts, fitHolt, fitSes } from './ets.model';
import { fitAutoEts } from './ets.selector';
import type { PredictionInterval } from './forecast.types';

/** y_t = l + φb + s + e; states updated as in the model (additive error forms). */
function simulateEts(
  length: number,
  p: {
    alpha: number;
    beta?: number;
    gamma?: number;
    phi?: number;
    sigma: number;
    period?: number;
    seasonal?: number[];
  },
  random: () => number,
): number[] {
  let level = 100;
  let trend = p.beta === undefined ? 0 : 1;
  const phi = p.phi ?? 1;
  const seasonal = [...(p.seasonal ?? [0])];
  const period = p.period ?? 1;
  const values: number[] = [];
  for (let t = 0; t < length; t++) {
    const e = p.sigma * gaussian(random);
    const s = seasonal[t % period] as number;
    values.push(level + phi * trend + s + e);
    level = level + phi * trend + p.alpha * e;
    trend = phi * trend + (p.beta ?? 0) * e;
    seasonal[t % period] = s + (p.gamma ?? 0) * e;
  }
  return values;
}

describe('SES, Holt and damped trend with fixed parameters', () => {
  it('SES follows l_t = l_{t−1} + α(y_t − l_{t−1})', () => {
    // l0 = 4, α = 0.5: errors −1, 1.5, −0.25; levels 3.5, 4.25, 4.125.
    const model = fitSes([3, 5, 4], { params: { alpha: 0.5, level0: 4 } });
    expect(Array.from(model.fitted)).toEqual([4, 3.5, 4.25]);
    expect(model.forecast(2, []).mean).toEqual([4.125, 4.125]);
  });

  it('Holt adds the smoothed trend h times', () => {
    // l0 = 10, b0 = 1, α = 0.5, β = 0.2: after 12 → l 11.5, b 1.2; after 13 → l 12.85, b 1.26.
    const model = fitHolt([12, 13], { params: { alpha: 0.5, beta: 0.2, level0: 10, trend0: 1 } });
    const [h1, h2] = model.forecast(2, []).mean;
    expect(h1).toBeCloseTo(14.11, 12);
    expect(h2).toBeCloseTo(15.37, 12);
  });

  it('damped trend adds (φ + … + φ^h)·b', () => {
    // φ = 0.9: prediction 10.9, error 1.1 → l 11.45, b 1.12; h = 2 adds (0.9 + 0.81)·1.12.
    const model = fitDamped([12], { params: { alpha: 0.5, beta: 0.2, phi: 0.9, level0: 10, trend0: 1 } });
    const [h1, h2] = model.forecast(2, []).mean;
    expect(h1).toBeCloseTo(12.458, 12);
    expect(h2).toBeCloseTo(13.3652, 12);
  });

  it('uses the analytic variances: SES var_h = σ²(1 + (h − 1)α²), Holt c_j = α + βj', () => {
    const random = seededRandom(5);
    const values = simulateEts(200, { alpha: 0.4, sigma: 2 }, random);
    const ses = fitSes(values, { params: { alpha: 0.4 } });
    const sesBand = ses.forecast(5, [95]).intervals[0] as PredictionInterval;
    const width = (h: number) => (sesBand.upper[h] as number) - (sesBand.lower[h] as number);
    expect(width(4) / width(0)).toBeCloseTo(Math.sqrt(1 + 4 * 0.16), 9);
    const holt = fitHolt(values, { params: { alpha: 0.4, beta: 0.1 } });
    const holtBand = holt.forecast(3, [80]).intervals[0] as PredictionInterval;
    const ratio =
      ((holtBand.upper[2] as number) - (holtBand.lower[2] as number)) /
      ((holtBand.upper[0] as number) - (holtBand.lower[0] as number));
    expect(ratio).toBeCloseTo(Math.sqrt(1 + 0.5 ** 2 + 0.6 ** 2), 9);
  });
});

describe('seasonal forecast variance', () => {
  it('adds γ to c_j once the horizon passes a full cycle (Hyndman et al. table 6.1)', () => {
    const random = seededRandom(6);
    const values = simulateEts(80, { alpha: 0.2, gamma: 0.3, sigma: 1, period: 4, seasonal: [3, -1, 0, -2] }, random);
    const model = fitEts(values, { trend: 'N', season: 'A', period: 4 }, { params: { alpha: 0.2, gamma: 0.3 } });
    const band = model.forecast(5, [80]).intervals[0] as PredictionInterval;
    const width = (h: number) => (band.upper[h] as number) - (band.lower[h] as number);
    // h = 5: 1 + 3·0.2² + (0.2 + 0.3)² = 1.37.
    expect(width(4) / width(0)).toBeCloseTo(Math.sqrt(1.37), 9);
    expect(width(3) / width(0)).toBeCloseTo(Math.sqrt(1.12), 9);
  });

  it('multiplicative seasonality scales each past error by the ratio of seasonal indices', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 40 }, (_, t) => (t % 2 ? 50 : 150) + 0.01 * gaussian(random));
    const model = fitEts(
      values,
      { trend: 'N', season: 'M', period: 2 },
      { params: { alpha: 0.2, gamma: 0.1, level0: 100 } },
    );
    const band = model.forecast(2, [80]).intervals[0] as PredictionInterval;
    const width = (h: number) => (band.upper[h] as number) - (band.lower[h] as number);
    // t = 40 has index 1.5, t = 41 index 0.5: c_1 = α·0.5/1.5, so var_2/var_1 = 1 + (0.2/3)².
    expect(width(0)).toBeGreaterThan(0);
    expect(width(1) / width(0)).toBeCloseTo(Math.sqrt(1 + (0.2 / 3) ** 2), 4);
  });
});

describe('estimation', () => {
  it('recovers the smoothing parameter of simulated SES data', () => {
    const values = simulateEts(3000, { alpha: 0.3, sigma: 1 }, seededRandom(11));
    expect(fitSes(values).params.alpha).toBeCloseTo(0.3, 1);
  });

  it('recovers Holt parameters of simulated trend data', () => {
    const values = simulateEts(3000, { alpha: 0.5, beta: 0.1, sigma: 1 }, seededRandom(12));
    const { alpha, beta } = fitHolt(values).params;
    expect(alpha).toBeGreaterThan(0.4);
    expect(alpha).toBeLessThan(0.6);
    expect(beta).toBeGreaterThan(0.05);
    expect(beta).toBeLessThan(0.15);
  });

  it('recovers α and γ of an additive seasonal model', () => {
    const seasonal = [10, -5, 0, -5];
    const values = simulateEts(3000, { alpha: 0.2, gamma: 0.3, sigma: 1, period: 4, seasonal }, seededRandom(13));
    const model = fitEts(values, { trend: 'N', season: 'A', period: 4 });
    expect(model.params.alpha).toBeGreaterThan(0.12);
    expect(model.params.alpha).toBeLessThan(0.28);
    expect(model.params.gamma).toBeGreaterThan(0.2);
    expect(model.params.gamma).toBeLessThan(0.4);
  });

  it('chooses by AICc: seasonal form for seasonal data, none for white noise', () => {
    const seasonal = simulateEts(
      200,
      { alpha: 0.1, gamma: 0.05, sigma: 1, period: 12, seasonal: [8, 6, 3, 0, -3, -6, -8, -6, -3, 0, 3, 6] },
      seededRandom(14),
    );
    expect(fitAutoEts(seasonal, { period: 12 }).name).toMatch(/^ets\(A,(N|Ad),(A|M)\)$/);
    const noise = Array.from({ length: 200 }, (_, t) => 50 + gaussian(seededRandom(15 + t)));
    expect(['ses', 'damped']).toContain(fitAutoEts(noise, { period: 12 }).name);
  });
});

describe('prediction intervals', () => {
  it('80 % and 95 % SES intervals cover about 80 % and 95 % of simulated outcomes', () => {
    const random = seededRandom(21);
    let inside80 = 0;
    let inside95 = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const path = simulateEts(103, { alpha: 0.3, sigma: 1 }, random);
      const forecast = fitSes(path.slice(0, 100)).forecast(3, [80, 95]);
      const actual = path[102] as number;
      const [i80, i95] = forecast.intervals as [PredictionInterval, PredictionInterval];
      if (actual >= (i80.lower[2] as number) && actual <= (i80.upper[2] as number)) inside80++;
      if (actual >= (i95.lower[2] as number) && actual <= (i95.upper[2] as number)) inside95++;
    }
    expect(inside80 / trials).toBeGreaterThan(0.75);
    expect(inside80 / trials).toBeLessThan(0.85);
    expect(inside95 / trials).toBeGreaterThan(0.92);
    expect(inside95 / trials).toBeLessThan(0.98);
  });
});
