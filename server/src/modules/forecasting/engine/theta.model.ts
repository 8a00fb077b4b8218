import { fitLine } from './ets.initial-state';
import { fitSes } from './ets.model';
import { DEFAULT_LEVELS, type FitOptions, type FittedModel } from './forecast.types';
import { mapIntervals, normalIntervals } from './prediction-interval.builder';
import { deseasonalise, findSeasonalAdjustment, reseasonalise } from './seasonality.detector';

/**
 * The Theta method of Assimakopoulos & Nikolopoulos (2000) as M4's benchmark
 * runs it, in Hyndman & Billah's (2003) equivalent form: seasonally adjust
 * (90 % test, multiplicative decomposition), forecast the theta = 2 line by
 * SES, add half the slope of the linear regression line with the drift
 * adjustment b/2·(h − 1 + (1 − (1 − α)^n)/α), and re-seasonalise.
 * Intervals are SES's, as in R's `thetaf`.
 */
export function fitTheta(values: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  const n = values.length;
  const adjustment = findSeasonalAdjustment(values, Math.round(options.period ?? 1));
  const adjusted = deseasonalise(values, adjustment);
  const ses = fitSes(adjusted, { params: options.params, start: options.start });
  const alpha = Math.max(ses.params.alpha ?? 0.5, 1e-10);
  const drift = fitLine(adjusted).slope / 2;
  const fittedAdjusted: number[] = [];
  for (let t = 0; t < n; t++) {
    // At time t the SES filter has seen t observations.
    fittedAdjusted.push((ses.fitted[t] as number) + (drift * (1 - (1 - alpha) ** t)) / alpha);
  }
  const fitted = Float64Array.from(reseasonalise(fittedAdjusted, adjustment, 0));
  const residuals = new Float64Array(n);
  for (let t = 0; t < n; t++) residuals[t] = (values[t] as number) - (fitted[t] as number);
  const sigma = Math.sqrt(sumOfSquares(ses.residuals) / Math.max(1, n - 2));
  return {
    name: 'theta',
    params: { ...ses.params, drift, seasonal: adjustment ? 1 : 0 },
    fitted,
    residuals,
    forecast(horizon, levels = DEFAULT_LEVELS) {
      const base = ses.forecast(horizon, []).mean;
      const mean = base.map((value, h) => value + drift * (h + (1 - (1 - alpha) ** n) / alpha));
      const deviations = mean.map((_, h) => sigma * Math.sqrt(1 + h * alpha * alpha));
      const back = (series: number[]) => reseasonalise(series, adjustment, n);
      return { mean: back(mean), intervals: mapIntervals(normalIntervals(mean, deviations, levels), back) };
    },
  };
}

function sumOfSquares(values: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 0; t < values.length; t++) sum += (values[t] as number) ** 2;
  return sum;
}
