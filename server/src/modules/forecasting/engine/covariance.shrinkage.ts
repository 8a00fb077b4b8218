/**
 * Schäfer & Strimmer's (2005) shrinkage of a sample covariance towards its
 * diagonal, as MinT-shrink uses it (R's hts::shrink.estim): with more series
 * than observations the sample covariance is singular, and the optimal
 * shrinkage weight λ is estimated from the data itself. Residuals are taken
 * as mean-zero (uncentred moments); NaN entries (warm-up periods) are skipped
 * by using only the time points where every series has a residual.
 */
export function shrunkCovariance(residuals: readonly ArrayLike<number>[]): Float64Array {
  const p = residuals.length;
  const length = Math.min(...residuals.map((series) => series.length));
  const rows: number[] = [];
  for (let t = 0; t < length; t++) {
    if (residuals.every((series) => Number.isFinite(series[series.length - length + t] as number))) rows.push(t);
  }
  const T = rows.length;
  if (T < 2) throw new Error('MinT-shrink needs at least two time points with residuals for every series');
  // x[t * p + i]: residual of series i at usable time t, aligned at the end.
  const x = new Float64Array(T * p);
  rows.forEach((t, r) => {
    residuals.forEach((series, i) => {
      x[r * p + i] = series[series.length - length + t] as number;
    });
  });
  const covariance = new Float64Array(p * p);
  for (let r = 0; r < T; r++) {
    for (let i = 0; i < p; i++) {
      const xi = x[r * p + i] as number;
      for (let j = i; j < p; j++)
        covariance[i * p + j] = (covariance[i * p + j] as number) + (xi * (x[r * p + j] as number)) / T;
    }
  }
  const sd = Float64Array.from({ length: p }, (_, i) => Math.sqrt(Math.max(covariance[i * p + i] as number, 1e-300)));
  // λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij², from the standardised residuals.
  let varianceSum = 0;
  let correlationSum = 0;
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      let sum = 0;
      let squares = 0;
      for (let r = 0; r < T; r++) {
        const w = ((x[r * p + i] as number) / (sd[i] as number)) * ((x[r * p + j] as number) / (sd[j] as number));
        sum += w;
        squares += w * w;
      }
      varianceSum += (squares - (sum * sum) / T) / (T * (T - 1));
      correlationSum += (sum / T) ** 2;
    }
  }
  const lambda = correlationSum > 0 ? Math.min(1, Math.max(0, varianceSum / correlationSum)) : 1;
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const value = (1 - lambda) * (covariance[i * p + j] as number);
      covariance[i * p + j] = value;
      covariance[j * p + i] = value;
    }
  }
  return covariance;
}
