import { DEFAULT_LEVELS, type FitOptions, type FittedModel } from './forecast.types';
import { mapIntervals, normalIntervals } from './prediction-interval.builder';
import { deseasonalise, findSeasonalAdjustment, reseasonalise } from './seasonality.detector';

/**
 * The benchmarks every other model must beat: naive (last value), seasonal
 * naive (value one cycle back) and M4's Naive2 (naive on seasonally adjusted
 * data, seasonality kept only where the 90 % test finds it).
 */

export function fitNaive(values: ArrayLike<number>): FittedModel {
  return fitLagged(values, 1, 'naive');
}

export function fitSeasonalNaive(values: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  const period = Math.max(1, Math.round(options.period ?? 1));
  // Without one full cycle of history there is nothing to repeat: fall back to naive.
  return fitLagged(values, values.length > period ? period : 1, 'seasonal-naive');
}

export function fitNaive2(values: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  const adjustment = findSeasonalAdjustment(values, Math.round(options.period ?? 1));
  const adjusted = deseasonalise(values, adjustment);
  const model = fitLagged(adjusted, 1, 'naive2');
  const n = values.length;
  const fitted = Float64Array.from(reseasonalise(Array.from(model.fitted), adjustment, 0));
  const residuals = new Float64Array(n);
  for (let t = 0; t < n; t++) residuals[t] = (values[t] as number) - (fitted[t] as number);
  return {
    ...model,
    fitted,
    residuals,
    params: { seasonal: adjustment ? 1 : 0 },
    forecast(horizon, levels = DEFAULT_LEVELS) {
      const base = model.forecast(horizon, levels);
      const back = (series: number[]) => reseasonalise(series, adjustment, n);
      return { mean: back(base.mean), intervals: mapIntervals(base.intervals, back) };
    },
  };
}

/**
 * y_{n+h} = y_{n+h-lag·k}: the forecast error after k full lags is a sum of k
 * independent one-lag errors, hence sd·sqrt(k).
 */
function fitLagged(values: ArrayLike<number>, lag: number, name: string): FittedModel {
  const n = values.length;
  const fitted = new Float64Array(n).fill(Number.NaN);
  const residuals = new Float64Array(n).fill(Number.NaN);
  let squares = 0;
  let count = 0;
  for (let t = lag; t < n; t++) {
    fitted[t] = values[t - lag] as number;
    const error = (values[t] as number) - (fitted[t] as number);
    residuals[t] = error;
    squares += error * error;
    count++;
  }
  const sigma = count > 0 ? Math.sqrt(squares / count) : 0;
  return {
    name,
    params: { lag },
    fitted,
    residuals,
    forecast(horizon, levels = DEFAULT_LEVELS) {
      const mean: number[] = [];
      const deviations: number[] = [];
      for (let h = 1; h <= horizon; h++) {
        const cycles = Math.floor((h - 1) / lag) + 1;
        mean.push(n === 0 ? Number.NaN : (values[n + h - 1 - lag * cycles] as number));
        deviations.push(sigma * Math.sqrt(cycles));
      }
      return { mean, intervals: normalIntervals(mean, deviations, levels) };
    },
  };
}
