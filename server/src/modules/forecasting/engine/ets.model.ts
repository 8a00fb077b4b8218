import {
  copyState,
  type EtsParameters,
  type EtsSpec,
  type EtsState,
  forecastDeviations,
  forecastEtsMean,
  runEtsFilter,
} from './ets.filter';
import { initialEtsState } from './ets.initial-state';
import { DEFAULT_LEVELS, type FitOptions, type FittedModel } from './forecast.types';
import { fromBounded, minimiseNelderMead, toBounded } from './nelder-mead.optimiser';
import { normalIntervals } from './prediction-interval.builder';

/**
 * Fits one exponential-smoothing form by minimising the sum of squared
 * one-step errors (the maximum-likelihood estimate for additive errors).
 * Smoothing parameters live in the usual region 0 < β < α, 0 < γ < 1 − α,
 * 0.8 ≤ φ ≤ 0.98; for non-seasonal forms the initial level and trend are
 * estimated too (they matter on short series and cost only two dimensions),
 * seasonal forms keep the heuristic initial states.
 */
export function fitEts(values: ArrayLike<number>, spec: EtsSpec, options: FitOptions = {}): FittedModel {
  const n = values.length;
  const initial = initialEtsState(values, spec);
  const layout = parameterLayout(spec, values);
  const decode = (point: ArrayLike<number>) => layout.decode(point, initial);
  let parameters: EtsParameters;
  let start: EtsState;
  if (options.params) {
    parameters = { alpha: 0, beta: 0, gamma: 0, phi: 1, ...options.params };
    start = {
      ...copyState(initial),
      level: options.params.level0 ?? initial.level,
      trend: options.params.trend0 ?? initial.trend,
    };
  } else {
    const work = copyState(initial);
    const objective = (point: Float64Array) => {
      const decoded = decode(point);
      work.level = decoded.state.level;
      work.trend = decoded.state.trend;
      work.seasonal.set(initial.seasonal);
      return runEtsFilter(values, spec, decoded.parameters, work);
    };
    // A warm start (the parameters of a fit on most of the same data) needs only a small simplex.
    const best = minimiseNelderMead(objective, layout.start(initial, options.start), {
      step: options.start ? 0.3 : 1,
      maxEvaluations: 80 * layout.size,
      tolerance: 1e-7,
    });
    ({ parameters, state: start } = decode(best.point));
    start.seasonal = Float64Array.from(initial.seasonal);
  }
  const state = copyState(start);
  const fitted = new Float64Array(n);
  const sse = runEtsFilter(values, spec, parameters, state, fitted);
  const residuals = new Float64Array(n);
  for (let t = 0; t < n; t++) residuals[t] = (values[t] as number) - (fitted[t] as number);
  const stateCount = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'N' ? 0 : spec.period - 1);
  const parameterCount =
    1 + (spec.trend === 'N' ? 0 : 1) + (spec.trend === 'Ad' ? 1 : 0) + (spec.season === 'N' ? 0 : 1);
  const k = stateCount + parameterCount + 1;
  const logLikelihood = -0.5 * n * (Math.log((2 * Math.PI * Math.max(sse, 1e-300)) / n) + 1);
  const aic = -2 * logLikelihood + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
  const sigma = Math.sqrt(sse / Math.max(1, n - parameterCount - stateCount));
  return {
    name: etsName(spec),
    params: { ...parameters, level0: start.level, trend0: start.trend, period: spec.season === 'N' ? 1 : spec.period },
    fitted,
    residuals,
    aic,
    aicc: Number.isFinite(sse) ? aicc : Number.POSITIVE_INFINITY,
    forecast(horizon, levels = DEFAULT_LEVELS) {
      const mean = forecastEtsMean(spec, parameters, state, n, horizon);
      const deviations = forecastDeviations(spec, parameters, state, n, sigma, horizon);
      return { mean, intervals: normalIntervals(mean, deviations, levels) };
    },
  };
}

export function etsName(spec: EtsSpec): string {
  if (spec.season === 'N') return spec.trend === 'N' ? 'ses' : spec.trend === 'A' ? 'holt' : 'damped';
  return `ets(A,${spec.trend},${spec.season})`;
}

interface Decoded {
  parameters: EtsParameters;
  state: EtsState;
}

/** Which unbounded optimiser coordinates map to which parameter. */
function parameterLayout(spec: EtsSpec, values: ArrayLike<number>) {
  const hasTrend = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';
  const seasonal = spec.season !== 'N';
  const estimateStates = !seasonal;
  const scale = typicalStep(values);
  const size =
    1 + (hasTrend ? 1 : 0) + (damped ? 1 : 0) + (seasonal ? 1 : 0) + (estimateStates ? (hasTrend ? 2 : 1) : 0);
  return {
    size,
    start(initial: EtsState, warm?: Record<string, number>): Float64Array {
      const alpha = warm?.alpha ?? (seasonal ? 0.2 : 0.3);
      const start: number[] = [fromBounded(alpha, 1e-4, 0.9999)];
      if (hasTrend) start.push(fromBounded(warm?.beta !== undefined ? warm.beta / alpha : 0.1, 1e-4, 0.9999));
      if (damped) start.push(fromBounded(warm?.phi ?? 0.95, 0.8, 0.98));
      if (seasonal) start.push(fromBounded(warm?.gamma !== undefined ? warm.gamma / (1 - alpha) : 0.1, 1e-4, 0.9999));
      if (estimateStates) {
        start.push(warm?.level0 !== undefined ? (warm.level0 - initial.level) / scale : 0);
        if (hasTrend) start.push(warm?.trend0 !== undefined ? (warm.trend0 - initial.trend) / (0.1 * scale) : 0);
      }
      return Float64Array.from(start);
    },
    decode(point: ArrayLike<number>, initial: EtsState): Decoded {
      let i = 0;
      const alpha = toBounded(point[i++] as number, 1e-4, 0.9999);
      const beta = hasTrend ? alpha * toBounded(point[i++] as number, 1e-4, 0.9999) : 0;
      const phi = damped ? toBounded(point[i++] as number, 0.8, 0.98) : 1;
      const gamma = seasonal ? (1 - alpha) * toBounded(point[i++] as number, 1e-4, 0.9999) : 0;
      let level = initial.level;
      let trend = initial.trend;
      if (estimateStates) {
        level += scale * (point[i++] as number);
        if (hasTrend) trend += 0.1 * scale * (point[i++] as number);
      }
      return { parameters: { alpha, beta, gamma, phi }, state: { level, trend, seasonal: initial.seasonal } };
    },
  };
}

/** Mean absolute first difference: the natural step size for level and trend offsets. */
function typicalStep(values: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 1; t < values.length; t++) sum += Math.abs((values[t] as number) - (values[t - 1] as number));
  const step = values.length > 1 ? sum / (values.length - 1) : 0;
  return step > 0 ? step : Math.abs((values[0] as number) ?? 1) * 0.1 || 1;
}

export const fitSes = (values: ArrayLike<number>, options: FitOptions = {}) =>
  fitEts(values, { trend: 'N', season: 'N', period: 1 }, options);
export const fitHolt = (values: ArrayLike<number>, options: FitOptions = {}) =>
  fitEts(values, { trend: 'A', season: 'N', period: 1 }, options);
export const fitDamped = (values: ArrayLike<number>, options: FitOptions = {}) =>
  fitEts(values, { trend: 'Ad', season: 'N', period: 1 }, options);
