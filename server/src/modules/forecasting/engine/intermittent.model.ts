import { DEFAULT_LEVELS, type FitOptions, type FittedModel } from './forecast.types';
import { countIntervals } from './prediction-interval.builder';

/**
 * Models for intermittent demand (many zero periods): Croston's method, the
 * Syntetos–Boylan approximation (Croston × (1 − α/2), which removes Croston's
 * upward bias) and TSB (Teunter–Syntetos–Babai, which smooths the probability
 * of demand every period and so decays towards zero for items that stop
 * selling). Forecasts are per-period demand rates, flat over the horizon and
 * never negative; intervals treat each period's demand as a count.
 * Smoothing constants come from a small grid by in-sample MSE: the usual
 * range (0.05–0.3) is narrow and a grid is cheaper and steadier than an optimiser.
 */

const ALPHAS = [0.05, 0.1, 0.15, 0.2, 0.3];
const BETAS = [0.02, 0.05, 0.1, 0.2];

export function fitCroston(values: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  return fitSizeInterval(values, options, 'croston');
}

export function fitSba(values: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  return fitSizeInterval(values, options, 'sba');
}

function fitSizeInterval(values: ArrayLike<number>, options: FitOptions, name: 'croston' | 'sba'): FittedModel {
  const run = (alpha: number, fitted: Float64Array) => {
    const debias = name === 'sba' ? 1 - alpha / 2 : 1;
    let size = Number.NaN;
    let interval = Number.NaN;
    let sinceLast = 0;
    for (let t = 0; t < values.length; t++) {
      fitted[t] = Number.isNaN(size) ? Number.NaN : Math.max(0, (debias * size) / interval);
      const value = values[t] as number;
      sinceLast++;
      if (value === 0) continue;
      if (Number.isNaN(size)) {
        size = value;
        interval = sinceLast;
      } else {
        size += alpha * (value - size);
        interval += alpha * (sinceLast - interval);
      }
      sinceLast = 0;
    }
    return Number.isNaN(size) ? 0 : Math.max(0, (debias * size) / interval);
  };
  return chooseByGrid(
    values,
    options,
    name,
    ALPHAS.map((alpha) => ({ alpha })),
    ({ alpha = 0.1 }, fitted) => run(alpha, fitted),
  );
}

export function fitTsb(values: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  const grid = ALPHAS.flatMap((alpha) => BETAS.map((beta) => ({ alpha, beta })));
  return chooseByGrid(values, options, 'tsb', grid, ({ alpha = 0.1, beta = 0.05 }, fitted) => {
    let probability = Number.NaN;
    let size = Number.NaN;
    for (let t = 0; t < values.length; t++) {
      fitted[t] = Number.isNaN(size) ? Number.NaN : Math.max(0, probability * size);
      const value = values[t] as number;
      if (Number.isNaN(size)) {
        // Start at the first demand: probability from the wait for it, size from its amount.
        if (value !== 0) {
          probability = 1 / (t + 1);
          size = value;
        }
        continue;
      }
      probability += beta * ((value !== 0 ? 1 : 0) - probability);
      if (value !== 0) size += alpha * (value - size);
    }
    return Number.isNaN(size) ? 0 : Math.max(0, probability * size);
  });
}

type Run = (params: Record<string, number>, fitted: Float64Array) => number;

function chooseByGrid(
  values: ArrayLike<number>,
  options: FitOptions,
  name: string,
  grid: Record<string, number>[],
  run: Run,
): FittedModel {
  const n = values.length;
  const fitted = new Float64Array(n);
  let best = options.params ?? (grid[0] as Record<string, number>);
  if (!options.params) {
    let bestError = Number.POSITIVE_INFINITY;
    for (const params of grid) {
      run(params, fitted);
      const error = meanSquaredError(values, fitted);
      if (error < bestError) {
        bestError = error;
        best = params;
      }
    }
  }
  const rate = run(best, fitted);
  const residuals = new Float64Array(n);
  let squares = 0;
  let predicted = 0;
  for (let t = 0; t < n; t++) {
    residuals[t] = (values[t] as number) - (fitted[t] as number);
    if (Number.isNaN(fitted[t] as number)) continue;
    squares += (residuals[t] as number) ** 2;
    predicted += fitted[t] as number;
  }
  // Variance-to-mean ratio of the one-step errors: 1 is Poisson, more is overdispersed.
  const dispersion = predicted > 0 ? Math.max(1, squares / predicted) : 1;
  return {
    name,
    params: { ...best },
    fitted,
    residuals,
    forecast(horizon, levels = DEFAULT_LEVELS) {
      const mean = new Array<number>(horizon).fill(rate);
      return {
        mean,
        intervals: countIntervals(
          mean,
          mean.map((value) => value * dispersion),
          levels,
        ),
      };
    },
  };
}

function meanSquaredError(values: ArrayLike<number>, fitted: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < values.length; t++) {
    const prediction = fitted[t] as number;
    if (Number.isNaN(prediction)) continue;
    sum += ((values[t] as number) - prediction) ** 2;
    count++;
  }
  return count > 0 ? sum / count : Number.POSITIVE_INFINITY;
}
