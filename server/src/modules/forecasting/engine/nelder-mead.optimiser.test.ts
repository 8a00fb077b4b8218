import { describe, expect, it } from 'vitest';
import { fromBounded, minimiseNelderMead, toBounded } from './nelder-mead.optimiser';

describe('minimiseNelderMead', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const rosenbrock = ([x = 0, y = 0]: Float64Array) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const result = minimiseNelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 2000, tolerance: 1e-14 });
    expect(result.point[0]).toBeCloseTo(1, 3);
    expect(result.point[1]).toBeCloseTo(1, 3);
  });

  it('stops at the evaluation budget', () => {
    const result = minimiseNelderMead((p) => (p[0] as number) ** 2, [10], { maxEvaluations: 7 });
    expect(result.evaluations).toBeLessThanOrEqual(9);
  });

  it('treats NaN as worst instead of getting stuck on it', () => {
    const result = minimiseNelderMead((p) => ((p[0] as number) < 0 ? Number.NaN : ((p[0] as number) - 2) ** 2), [1]);
    expect(result.point[0]).toBeCloseTo(2, 3);
  });
});

describe('bounded transformation', () => {
  it('maps the real line into the bounds and back', () => {
    expect(toBounded(-50, 0.8, 0.98)).toBeGreaterThanOrEqual(0.8);
    expect(toBounded(50, 0.8, 0.98)).toBeLessThanOrEqual(0.98);
    expect(toBounded(fromBounded(0.9, 0.8, 0.98), 0.8, 0.98)).toBeCloseTo(0.9, 12);
  });
});
