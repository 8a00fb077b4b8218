import { DEFAULT_LEVELS, type FitOptions, type FittedModel } from './forecast.types';
import { solveNormalEquations } from './linear-system.solver';
import { normalIntervals } from './prediction-interval.builder';

/**
 * An autoregression on seasonal differences, z_t = y_t − y_{t−m}, i.e.
 * ARIMA(p,0,0)(0,1,0)_m with a constant, fitted by least squares. It is
 * seasonal naive corrected by how the last few differences behaved, which is
 * what wins on hourly data: the daily shape repeats while its level drifts.
 * Without seasonality (m = 1) it is an ARIMA(p,1,0).
 */
const DEFAULT_ORDER = 3;

export function fitSeasonalAr(values: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  const n = values.length;
  const requested = Math.max(1, Math.round(options.period ?? 1));
  const lag = n >= 2 * requested + 3 * DEFAULT_ORDER + 10 ? requested : 1;
  const order = Math.max(0, Math.min(DEFAULT_ORDER, Math.floor((n - lag) / 4)));
  const differences = new Float64Array(n - lag);
  for (let t = lag; t < n; t++) differences[t - lag] = (values[t] as number) - (values[t - lag] as number);
  const coefficients = options.params ? coefficientsFrom(options.params, order) : estimate(differences, order);
  if (!isStationary(coefficients)) coefficients.fill(0, 1);

  const fitted = new Float64Array(n).fill(Number.NaN);
  const residuals = new Float64Array(n).fill(Number.NaN);
  let squares = 0;
  let count = 0;
  for (let t = order; t < differences.length; t++) {
    const predicted = predictDifference(coefficients, differences, t);
    fitted[t + lag] = (values[t] as number) + predicted;
    const error = (differences[t] as number) - predicted;
    residuals[t + lag] = error;
    squares += error * error;
    count++;
  }
  const sigma = Math.sqrt(squares / Math.max(1, count - order - 1));
  const params: Record<string, number> = { lag, order };
  coefficients.forEach((value, i) => {
    params[i === 0 ? 'constant' : `ar${i}`] = value;
  });
  return {
    name: 'seasonal-ar',
    params,
    fitted,
    residuals,
    forecast(horizon, levels = DEFAULT_LEVELS) {
      const extended = new Float64Array(differences.length + horizon);
      extended.set(differences);
      const path = new Float64Array(n + horizon);
      for (let t = 0; t < n; t++) path[t] = values[t] as number;
      const mean: number[] = [];
      for (let h = 0; h < horizon; h++) {
        const t = differences.length + h;
        extended[t] = predictDifference(coefficients, extended, t);
        path[n + h] = (path[n + h - lag] as number) + (extended[t] as number);
        mean.push(path[n + h] as number);
      }
      return { mean, intervals: normalIntervals(mean, forecastDeviations(coefficients, lag, sigma, horizon), levels) };
    },
  };
}

function predictDifference(coefficients: Float64Array, differences: Float64Array, t: number): number {
  let value = coefficients[0] as number;
  for (let i = 1; i < coefficients.length; i++) value += (coefficients[i] as number) * (differences[t - i] as number);
  return value;
}

function estimate(differences: Float64Array, order: number): Float64Array {
  const size = order + 1;
  const gram = new Float64Array(size * size);
  const moment = new Float64Array(size);
  const row = new Float64Array(size);
  for (let t = order; t < differences.length; t++) {
    row[0] = 1;
    for (let i = 1; i <= order; i++) row[i] = differences[t - i] as number;
    const target = differences[t] as number;
    for (let i = 0; i < size; i++) {
      moment[i] = (moment[i] as number) + (row[i] as number) * target;
      for (let j = 0; j < size; j++)
        gram[i * size + j] = (gram[i * size + j] as number) + (row[i] as number) * (row[j] as number);
    }
  }
  if (differences.length - order < 2 * size) return new Float64Array(size);
  return solveNormalEquations(gram, moment, size);
}

function coefficientsFrom(params: Record<string, number>, order: number): Float64Array {
  return Float64Array.from({ length: order + 1 }, (_, i) => (i === 0 ? params.constant : params[`ar${i}`]) ?? 0);
}

/** The AR part's impulse response must die out; an explosive fit would extrapolate wildly. */
function isStationary(coefficients: Float64Array): boolean {
  const order = coefficients.length - 1;
  if (order === 0) return true;
  const psi = new Float64Array(400);
  psi[0] = 1;
  for (let j = 1; j < psi.length; j++) {
    let value = 0;
    for (let i = 1; i <= Math.min(j, order); i++) value += (coefficients[i] as number) * (psi[j - i] as number);
    psi[j] = value;
  }
  const tail = Math.abs(psi[psi.length - 1] as number) + Math.abs(psi[psi.length - 2] as number);
  return Number.isFinite(tail) && tail < 1e-3;
}

/**
 * var_h = σ² Σ_{j<h} ψ_j², with ψ the impulse response of the full model
 * (1 − Σφ_i Bⁱ)(1 − B^m) y_t = c + e_t.
 */
function forecastDeviations(coefficients: Float64Array, lag: number, sigma: number, horizon: number): number[] {
  const order = coefficients.length - 1;
  const expanded = new Float64Array(order + lag + 1);
  // Multiply (1 − Σφ_i Bⁱ) by (1 − B^lag); store as y_t = Σ a_i y_{t−i}.
  for (let i = 0; i <= order; i++) {
    const phi = i === 0 ? -1 : (coefficients[i] as number);
    expanded[i] = (expanded[i] as number) + phi;
    expanded[i + lag] = (expanded[i + lag] as number) - phi;
  }
  const psi = new Float64Array(horizon);
  const deviations: number[] = [];
  let sum = 0;
  for (let j = 0; j < horizon; j++) {
    let value = j === 0 ? 1 : 0;
    for (let i = 1; i <= Math.min(j, order + lag); i++) value += (expanded[i] as number) * (psi[j - i] as number);
    psi[j] = value;
    sum += value * value;
    deviations.push(sigma * Math.sqrt(sum));
  }
  return deviations;
}
