import { shrunkCovariance } from './covariance.shrinkage';
import {
  type Hierarchy,
  InvalidHierarchyError,
  type ResolvedHierarchy,
  resolveHierarchy,
  sumUp,
} from './hierarchy.structure';
import { choleskyFactor, choleskySolve } from './linear-system.solver';

/**
 * Makes forecasts of a hierarchy coherent (categories = sum of products,
 * store = sum of categories). Besides bottom-up, the linear reconciliations
 * ỹ = S(SᵀW⁻¹S)⁻¹SᵀW⁻¹ŷ with error covariance W: identity (OLS), the number
 * of products under each node (WLS-structural), each node's residual
 * variance (WLS-variance) or the shrunk residual covariance (MinT-shrink,
 * Wickramasuriya et al. 2019). We use the equivalent projection
 * ỹ = ŷ − WU(UᵀWU)⁻¹Uᵀŷ, where Uᵀy = 0 says "every aggregate equals its sum":
 * it solves a system the size of the number of aggregates and never inverts W.
 * Aggregates are then summed from the reconciled products, so totals add up exactly.
 */
export type ReconciliationMethod = 'bottom-up' | 'ols' | 'wls-structural' | 'wls-variance' | 'mint-shrink';

export interface ReconcileOptions {
  method: ReconciliationMethod;
  /** One-step in-sample residuals per series, same length for all: needed by wls-variance and mint-shrink. */
  residuals?: Record<string, ArrayLike<number>>;
}

export function reconcileForecasts(
  hierarchy: Hierarchy,
  base: Record<string, readonly number[]>,
  options: ReconcileOptions,
): Record<string, number[]> {
  const resolved = resolveHierarchy(hierarchy);
  const ids = [...resolved.aggregateIds, ...resolved.bottom];
  const needed = options.method === 'bottom-up' ? resolved.bottom : ids;
  for (const id of needed) if (!base[id]) throw new InvalidHierarchyError(`no base forecast for "${id}"`);
  const horizon = (base[resolved.bottom[0] as string] as readonly number[]).length;
  if (needed.some((id) => (base[id] as readonly number[]).length !== horizon)) {
    throw new InvalidHierarchyError('base forecasts differ in horizon');
  }
  if (options.method === 'bottom-up') {
    return sumUp(resolved, Object.fromEntries(resolved.bottom.map((id) => [id, [...(base[id] as number[])]])));
  }
  const covariance = errorCovariance(resolved, ids, options);
  return sumUp(resolved, projectBottom(resolved, ids, base, covariance, horizon));
}

type Covariance = { diagonal: Float64Array } | { full: Float64Array };

function errorCovariance(resolved: ResolvedHierarchy, ids: string[], options: ReconcileOptions): Covariance {
  const aggregates = resolved.aggregateIds.length;
  if (options.method === 'ols') return { diagonal: new Float64Array(ids.length).fill(1) };
  if (options.method === 'wls-structural') {
    return {
      diagonal: Float64Array.from(ids, (_, i) => (i < aggregates ? (resolved.members[i] as Int32Array).length : 1)),
    };
  }
  const residuals = ids.map((id) => {
    const series = options.residuals?.[id];
    if (!series) throw new InvalidHierarchyError(`${options.method} needs residuals for "${id}"`);
    return series;
  });
  if (options.method === 'mint-shrink') return { full: shrunkCovariance(residuals) };
  const variances = residuals.map((series) => {
    let sum = 0;
    let count = 0;
    for (let t = 0; t < series.length; t++) {
      const value = series[t] as number;
      if (Number.isNaN(value)) continue;
      sum += value * value;
      count++;
    }
    return count > 0 ? sum / count : 1;
  });
  // A node that fit perfectly would get infinite weight; floor it at a sliver of the typical variance.
  const floor = 1e-9 * (variances.reduce((a, b) => a + b, 0) / variances.length || 1);
  return { diagonal: Float64Array.from(variances, (value) => Math.max(value, floor)) };
}

/** Reconciled bottom forecasts; node i < A is aggregate i, node A + k is bottom series k. */
function projectBottom(
  resolved: ResolvedHierarchy,
  ids: string[],
  base: Record<string, readonly number[]>,
  covariance: Covariance,
  horizon: number,
): Record<string, number[]> {
  const A = resolved.aggregateIds.length;
  const n = ids.length;
  // M = W·U (n × A): column a of U is +1 at aggregate a and −1 at each of its bottom series.
  const M = new Float64Array(n * A);
  for (let a = 0; a < A; a++) {
    const members = resolved.members[a] as Int32Array;
    if ('diagonal' in covariance) {
      M[a * A + a] = covariance.diagonal[a] as number;
      for (const k of members) M[(A + k) * A + a] = -(covariance.diagonal[A + k] as number);
    } else {
      for (let i = 0; i < n; i++) {
        let value = covariance.full[i * n + a] as number;
        for (const k of members) value -= covariance.full[i * n + A + k] as number;
        M[i * A + a] = value;
      }
    }
  }
  // UᵀWU = UᵀM (A × A).
  const gram = new Float64Array(A * A);
  for (let a = 0; a < A; a++) {
    const members = resolved.members[a] as Int32Array;
    for (let b = 0; b < A; b++) {
      let value = M[a * A + b] as number;
      for (const k of members) value -= M[(A + k) * A + b] as number;
      gram[a * A + b] = value;
    }
  }
  const factor = choleskyFactor(gram, A);
  const result: Record<string, number[]> = {};
  for (const id of resolved.bottom) result[id] = new Array<number>(horizon);
  const gap = new Float64Array(A);
  for (let h = 0; h < horizon; h++) {
    const value = (i: number) => (base[ids[i] as string] as readonly number[])[h] as number;
    for (let a = 0; a < A; a++) {
      let sum = value(a);
      for (const k of resolved.members[a] as Int32Array) sum -= value(A + k);
      gap[a] = sum;
    }
    const x = choleskySolve(factor, A, gap);
    resolved.bottom.forEach((id, k) => {
      let correction = 0;
      for (let a = 0; a < A; a++) correction += (M[(A + k) * A + a] as number) * (x[a] as number);
      (result[id] as number[])[h] = value(A + k) - correction;
    });
  }
  return result;
}
