import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from './distribution.math';
import { type ReconciliationMethod, reconcileForecasts } from './hierarchy.reconciler';
import { type Hierarchy, InvalidHierarchyError } from './hierarchy.structure';

const twoProducts: Hierarchy = { bottom: ['a', 'b'], aggregates: [{ id: 'total', children: ['a', 'b'] }] };
const incoherent = { total: [10], a: [3], b: [5] };

describe('reconciliation on a hand-sized hierarchy', () => {
  it('bottom-up keeps the products and sums them', () => {
    expect(reconcileForecasts(twoProducts, incoherent, { method: 'bottom-up' })).toEqual({
      a: [3],
      b: [5],
      total: [8],
    });
  });

  it('OLS matches S(SᵀS)⁻¹Sᵀŷ', () => {
    // SᵀS = [[2, 1], [1, 2]], Sᵀŷ = [13, 15] → β = [11/3, 17/3].
    const result = reconcileForecasts(twoProducts, incoherent, { method: 'ols' });
    expect(result.a?.[0]).toBeCloseTo(11 / 3, 12);
    expect(result.b?.[0]).toBeCloseTo(17 / 3, 12);
    expect(result.total?.[0]).toBeCloseTo(28 / 3, 12);
  });

  it('WLS-structural weighs the total by 1/2', () => {
    // Λ = diag(1/2, 1, 1): SᵀΛS = [[1.5, 0.5], [0.5, 1.5]], SᵀΛŷ = [8, 10] → β = [3.5, 5.5].
    const result = reconcileForecasts(twoProducts, incoherent, { method: 'wls-structural' });
    expect(result.a?.[0]).toBeCloseTo(3.5, 12);
    expect(result.b?.[0]).toBeCloseTo(5.5, 12);
  });

  it('WLS-variance trusts the series with smaller residuals more', () => {
    const residuals = { total: [10, -10, 10, -10], a: [0.1, -0.1, 0.1, -0.1], b: [0.1, -0.1, 0.1, -0.1] };
    const result = reconcileForecasts(twoProducts, incoherent, { method: 'wls-variance', residuals });
    expect(result.a?.[0]).toBeCloseTo(3, 3);
    expect(result.b?.[0]).toBeCloseTo(5, 3);
  });
});

describe('reconciliation of a store', () => {
  // 300 products in 20 categories under one store total, with noisy, incoherent base forecasts.
  const random = seededRandom(41);
  const bottom = Array.from({ length: 300 }, (_, i) => `p${i}`);
  const categories = Array.from({ length: 20 }, (_, c) => ({
    id: `c${c}`,
    children: bottom.filter((_, i) => i % 20 === c),
  }));
  const hierarchy: Hierarchy = {
    bottom,
    aggregates: [{ id: 'store', children: categories.map(({ id }) => id) }, ...categories],
  };
  const horizon = 7;
  const base: Record<string, number[]> = {};
  const residuals: Record<string, number[]> = {};
  for (const id of [...bottom, ...categories.map(({ id }) => id), 'store']) {
    const size = id === 'store' ? 3000 : id.startsWith('c') ? 150 : 10;
    base[id] = Array.from({ length: horizon }, () => size * (1 + 0.1 * gaussian(random)));
    residuals[id] = Array.from({ length: 60 }, () => Math.sqrt(size) * gaussian(random));
  }

  const methods: ReconciliationMethod[] = ['bottom-up', 'ols', 'wls-structural', 'wls-variance', 'mint-shrink'];
  for (const method of methods) {
    it(`${method}: every category and the total add up exactly`, () => {
      const result = reconcileForecasts(hierarchy, base, { method, residuals });
      for (let h = 0; h < horizon; h++) {
        for (const category of categories) {
          const sum = category.children.reduce((total, child) => total + (result[child]?.[h] as number), 0);
          expect(result[category.id]?.[h]).toBe(sum);
        }
        const storeSum = categories.reduce((total, { id }) => total + (result[id]?.[h] as number), 0);
        expect(result.store?.[h]).toBe(storeSum);
        expect(Number.isFinite(result.store?.[h])).toBe(true);
      }
    });
  }

  it('leaves coherent forecasts unchanged', () => {
    const coherent = reconcileForecasts(hierarchy, base, { method: 'bottom-up' });
    const again = reconcileForecasts(hierarchy, coherent, { method: 'mint-shrink', residuals });
    expect(again.store?.[0]).toBeCloseTo(coherent.store?.[0] as number, 6);
    expect(again.p7?.[3]).toBeCloseTo(coherent.p7?.[3] as number, 6);
  });
});

describe('invalid hierarchies', () => {
  it('names the problem', () => {
    const check = (hierarchy: Hierarchy) => () =>
      reconcileForecasts(hierarchy, { a: [1], b: [1], t: [2] }, { method: 'ols' });
    expect(check({ bottom: ['a'], aggregates: [{ id: 't', children: ['a', 'x'] }] })).toThrow(/unknown child "x"/);
    expect(
      check({
        bottom: ['a'],
        aggregates: [
          { id: 't', children: ['u'] },
          { id: 'u', children: ['t'] },
        ],
      }),
    ).toThrow(InvalidHierarchyError);
    expect(check({ bottom: ['a', 'b'], aggregates: [{ id: 't', children: ['a', 'a', 'b'] }] })).toThrow(/twice/);
    expect(() => reconcileForecasts(twoProducts, { a: [1], b: [2] }, { method: 'ols' })).toThrow(
      /no base forecast for "total"/,
    );
  });
});
