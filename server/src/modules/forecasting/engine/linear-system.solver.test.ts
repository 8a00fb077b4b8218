import { describe, expect, it } from 'vitest';
import {
  choleskyFactor,
  choleskySolve,
  MatrixNotPositiveDefiniteError,
  solveNormalEquations,
} from './linear-system.solver';

describe('Cholesky', () => {
  it('solves a symmetric positive-definite system', () => {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = [1, -1, 2] → b = A·x = [2, -1, 5].
    const matrix = Float64Array.from([4, 2, 0, 2, 5, 1, 0, 1, 3]);
    const x = choleskySolve(choleskyFactor(matrix, 3), 3, [2, -1, 5]);
    expect(Array.from(x).map((v) => Number(v.toFixed(12)))).toEqual([1, -1, 2]);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => choleskyFactor(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(MatrixNotPositiveDefiniteError);
  });

  it('fits least squares from normal equations', () => {
    // y = 1 + 2x through x = 0…3: XᵀX = [[4, 6], [6, 14]], Xᵀy = [16, 34].
    const beta = solveNormalEquations(Float64Array.from([4, 6, 6, 14]), Float64Array.from([16, 34]), 2);
    expect(beta[0]).toBeCloseTo(1, 8);
    expect(beta[1]).toBeCloseTo(2, 8);
  });
});
