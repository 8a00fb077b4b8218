/**
 * Cholesky factorisation and solves for the symmetric positive-definite
 * systems the engine meets (least-squares normal equations, SᵀWS in
 * reconciliation). Dense row-major Float64Array; fine up to a few hundred
 * unknowns, which is all we need, without a matrix library.
 */

export class MatrixNotPositiveDefiniteError extends Error {
  override readonly name = 'MatrixNotPositiveDefiniteError';
}

/** Lower-triangular L with A = L·Lᵀ, A given as size×size row-major. */
export function choleskyFactor(matrix: Float64Array, size: number): Float64Array {
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * size + j] as number;
      for (let k = 0; k < j; k++) sum -= (lower[i * size + k] as number) * (lower[j * size + k] as number);
      if (i === j) {
        if (!(sum > 0)) throw new MatrixNotPositiveDefiniteError(`pivot ${i} is ${sum}`);
        lower[i * size + i] = Math.sqrt(sum);
      } else {
        lower[i * size + j] = sum / (lower[j * size + j] as number);
      }
    }
  }
  return lower;
}

/** Solves L·Lᵀ x = b in place of a copy of b. */
export function choleskySolve(lower: Float64Array, size: number, right: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(right);
  for (let i = 0; i < size; i++) {
    let sum = x[i] as number;
    for (let k = 0; k < i; k++) sum -= (lower[i * size + k] as number) * (x[k] as number);
    x[i] = sum / (lower[i * size + i] as number);
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = x[i] as number;
    for (let k = i + 1; k < size; k++) sum -= (lower[k * size + i] as number) * (x[k] as number);
    x[i] = sum / (lower[i * size + i] as number);
  }
  return x;
}

/**
 * Least squares β minimising |y − Xβ|² from accumulated normal equations
 * (XᵀX, Xᵀy). A tiny ridge keeps nearly collinear designs (a flat series,
 * a constant lag) solvable instead of failing.
 */
export function solveNormalEquations(gram: Float64Array, moment: Float64Array, size: number): Float64Array {
  const ridged = Float64Array.from(gram);
  let trace = 0;
  for (let i = 0; i < size; i++) trace += gram[i * size + i] as number;
  const ridge = 1e-10 * (trace / size || 1);
  for (let i = 0; i < size; i++) ridged[i * size + i] = (ridged[i * size + i] as number) + ridge;
  return choleskySolve(choleskyFactor(ridged, size), size, moment);
}
