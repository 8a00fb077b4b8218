/**
 * The recursions of additive-error exponential smoothing (Hyndman et al.,
 * "Forecasting with Exponential Smoothing", 2008, table 2.3) with none,
 * additive or damped trend and none, additive or multiplicative seasonality.
 * SES, Holt and damped trend are the non-seasonal cases. This is the hot loop
 * of the engine (every optimiser step runs it), hence typed arrays and no
 * allocation inside.
 */

export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  trend: TrendType;
  season: SeasonType;
  /** Seasonal period; ignored when season is 'N'. */
  period: number;
}

export interface EtsParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface EtsState {
  level: number;
  trend: number;
  /** Seasonal states by position in the cycle: entry t % period applies to observation t. */
  seasonal: Float64Array;
}

export function copyState(state: EtsState): EtsState {
  return { level: state.level, trend: state.trend, seasonal: Float64Array.from(state.seasonal) };
}

/**
 * Runs the filter from `state` (updated in place to the state after the last
 * observation) over values[from, to) and returns the sum of squared one-step
 * errors, or Infinity when a multiplicative model leaves its valid region.
 */
export function runEtsFilter(
  values: ArrayLike<number>,
  spec: EtsSpec,
  parameters: EtsParameters,
  state: EtsState,
  fitted?: Float64Array,
  from = 0,
  to = values.length,
): number {
  const { alpha, beta, gamma } = parameters;
  const hasTrend = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? parameters.phi : 1;
  const season = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const period = season === 0 ? 1 : spec.period;
  const seasonal = state.seasonal;
  let level = state.level;
  let trend = hasTrend ? state.trend : 0;
  let position = from % period;
  let sse = 0;
  for (let t = from; t < to; t++) {
    const base = level + phi * trend;
    const s = season === 0 ? 0 : (seasonal[position] as number);
    const prediction = season === 2 ? base * s : base + s;
    const error = (values[t] as number) - prediction;
    if (fitted) fitted[t] = prediction;
    sse += error * error;
    if (season === 2) {
      if (!(base > 0 && s > 0)) return Number.POSITIVE_INFINITY;
      level = base + (alpha * error) / s;
      trend = phi * trend + (beta * error) / s;
      seasonal[position] = s + (gamma * error) / base;
    } else {
      level = base + alpha * error;
      trend = phi * trend + beta * error;
      if (season === 1) seasonal[position] = s + gamma * error;
    }
    position = position + 1 === period ? 0 : position + 1;
  }
  state.level = level;
  state.trend = trend;
  return sse;
}

/** φ + φ² + … + φ^h (h for an undamped trend, 0 without trend). */
export function trendMultiplier(spec: EtsSpec, phi: number, h: number): number {
  if (spec.trend === 'N') return 0;
  if (spec.trend === 'A' || phi === 1) return h;
  return (phi * (1 - phi ** h)) / (1 - phi);
}

/** Point forecasts for observations n, n+1, … from the state after observation n − 1. */
export function forecastEtsMean(spec: EtsSpec, parameters: EtsParameters, state: EtsState, n: number, horizon: number) {
  const mean: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const base = state.level + trendMultiplier(spec, parameters.phi, h) * state.trend;
    if (spec.season === 'N') mean.push(base);
    else {
      const s = state.seasonal[(n + h - 1) % spec.period] as number;
      mean.push(spec.season === 'A' ? base + s : base * s);
    }
  }
  return mean;
}

/**
 * Forecast standard deviations, var_h = σ²(1 + Σ_{j<h} c_j²) with
 * c_j = (α + β·φ_j)·r_j + γ·[j a multiple of m]: an error j steps before the
 * forecast moves it by c_j times itself. For additive seasonality r_j = 1 and
 * this is exact (Hyndman et al. 2008, table 6.1). With multiplicative
 * seasonality the level absorbs e/s_{t} and the forecast multiplies by s_{n+h},
 * so r_j = s_{n+h}/s_{n+h−j}: the first-order (small-σ) version of the
 * model's variance, which has no closed form — good enough for bands and far
 * cheaper than simulating paths for every backtest origin.
 */
export function forecastDeviations(
  spec: EtsSpec,
  parameters: EtsParameters,
  state: EtsState,
  n: number,
  sigma: number,
  horizon: number,
) {
  const { alpha, beta, gamma, phi } = parameters;
  const multiplicative = spec.season === 'M';
  const period = spec.period;
  const deviations: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const target = multiplicative ? (state.seasonal[(n + h - 1) % period] as number) : 1;
    let sum = 1;
    for (let j = 1; j < h; j++) {
      const ratio = multiplicative ? target / (state.seasonal[(n + h - 1 - j) % period] as number) : 1;
      let c = (alpha + (spec.trend === 'N' ? 0 : beta * trendMultiplier(spec, phi, j))) * ratio;
      if (spec.season !== 'N' && j % period === 0) c += gamma;
      sum += c * c;
    }
    deviations.push(sigma * Math.sqrt(sum));
  }
  return deviations;
}
