/**
 * A small Nelder–Mead minimiser. Models keep their parameters inside bounds by
 * optimising unbounded values mapped through a logistic (see `toBounded`), so
 * the simplex itself never needs to know about constraints. Deterministic:
 * the same start gives the same answer, which keeps backtests reproducible.
 */

export interface NelderMeadOptions {
  /** Initial simplex edge along each axis. */
  step?: number | readonly number[];
  maxEvaluations?: number;
  /** Stop when the simplex's function values differ by less than this (relative). */
  tolerance?: number;
}

export interface NelderMeadResult {
  point: Float64Array;
  value: number;
  evaluations: number;
}

export function minimiseNelderMead(
  objective: (point: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const dimension = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * dimension;
  const tolerance = options.tolerance ?? 1e-8;
  const vertices: Float64Array[] = [];
  const values = new Float64Array(dimension + 1);
  let evaluations = 0;
  const evaluate = (point: Float64Array): number => {
    evaluations++;
    const value = objective(point);
    // NaN would poison every comparison; treat it as the worst possible value.
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };
  for (let i = 0; i <= dimension; i++) {
    const vertex = Float64Array.from(start);
    if (i > 0) {
      const step = options.step;
      const size = typeof step === 'number' ? step : (step?.[i - 1] ?? 0.5);
      vertex[i - 1] = (vertex[i - 1] as number) + size;
    }
    vertices.push(vertex);
    values[i] = evaluate(vertex);
  }
  const order = Array.from({ length: dimension + 1 }, (_, i) => i);
  const centroid = new Float64Array(dimension);
  const trial = new Float64Array(dimension);
  const trial2 = new Float64Array(dimension);
  const along = (coefficient: number, target: Float64Array, worst: Float64Array) => {
    for (let d = 0; d < dimension; d++) {
      const c = centroid[d] as number;
      target[d] = c + coefficient * ((worst[d] as number) - c);
    }
  };

  const replace = (index: number, point: Float64Array, value: number) => {
    (vertices[index] as Float64Array).set(point);
    values[index] = value;
  };

  while (evaluations < maxEvaluations) {
    order.sort((a, b) => (values[a] as number) - (values[b] as number));
    const best = order[0] as number;
    const worstIndex = order[dimension] as number;
    const secondWorst = values[order[dimension - 1] as number] as number;
    const bestValue = values[best] as number;
    const worstValue = values[worstIndex] as number;
    if (Math.abs(worstValue - bestValue) <= tolerance * (Math.abs(bestValue) + tolerance)) break;

    centroid.fill(0);
    for (let i = 0; i < dimension; i++) {
      const vertex = vertices[order[i] as number] as Float64Array;
      for (let d = 0; d < dimension; d++) centroid[d] = (centroid[d] as number) + (vertex[d] as number) / dimension;
    }
    const worst = vertices[worstIndex] as Float64Array;
    along(-1, trial, worst);
    const reflected = evaluate(trial);
    if (reflected < bestValue) {
      along(-2, trial2, worst);
      const expanded = evaluate(trial2);
      if (expanded < reflected) replace(worstIndex, trial2, expanded);
      else replace(worstIndex, trial, reflected);
    } else if (reflected < secondWorst) {
      replace(worstIndex, trial, reflected);
    } else {
      // Contract towards the better of the worst point and its reflection.
      const outside = reflected < worstValue;
      along(outside ? -0.5 : 0.5, trial2, worst);
      const contracted = evaluate(trial2);
      if (contracted < Math.min(reflected, worstValue)) {
        replace(worstIndex, trial2, contracted);
      } else {
        const bestVertex = vertices[best] as Float64Array;
        for (let i = 0; i <= dimension; i++) {
          if (i === best) continue;
          const vertex = vertices[i] as Float64Array;
          for (let d = 0; d < dimension; d++) {
            vertex[d] = (bestVertex[d] as number) + 0.5 * ((vertex[d] as number) - (bestVertex[d] as number));
          }
          values[i] = evaluate(vertex);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= dimension; i++) if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return {
    point: Float64Array.from(vertices[bestIndex] as Float64Array),
    value: values[bestIndex] as number,
    evaluations,
  };
}

/** Maps an unbounded value into (lower, upper). */
export function toBounded(value: number, lower: number, upper: number): number {
  return lower + (upper - lower) / (1 + Math.exp(-value));
}

/** Inverse of `toBounded`, for choosing starting points inside the bounds. */
export function fromBounded(value: number, lower: number, upper: number): number {
  const share = Math.min(Math.max((value - lower) / (upper - lower), 1e-6), 1 - 1e-6);
  return Math.log(share / (1 - share));
}
