import {
  forecastMany,
  type Hierarchy,
  type ReconciliationMethod,
  reconcileForecasts,
  type SeriesForecast,
} from './engine';
import type { Interval, SeriesResult } from './forecasting.model';
import { firstSale, sumSeries } from './sales-series';
import { estimateYearlyProfile, profileFactors } from './seasonal-profile';

/**
 * Forecasts a store as a hierarchy — products, their categories, the store
 * total — and makes the levels add up. Each series is seasonally adjusted by
 * its category's yearly profile (the store's when the category is too small)
 * unless the history is long enough (3 years) for the engine's own seasonal
 * models; forecast from its first sale (weeks before a launch are not zero
 * demand); then reconciled (MinT-shrink up to 1,000 products, WLS beyond,
 * where a dense covariance gets expensive). Several hierarchies (the backtest's
 * origins and the final fit) share one trip through the worker pool.
 */
export interface HierarchyProduct {
  id: string;
  label: string;
  category: string;
  /** Weekly units from `start`; only the first `length` values are used. */
  values: ArrayLike<number>;
}

export interface HierarchyInput {
  products: readonly HierarchyProduct[];
  start: Date;
  length: number;
  horizon: number;
}

export interface HierarchyForecast {
  products: Map<string, SeriesResult>;
  categories: Map<string, SeriesResult>;
  store: SeriesResult;
  reconciliation: ReconciliationMethod;
  /** Categories (or "store") whose yearly profile was applied. */
  seasonalProfiles: string[];
}

export interface PoolOptions {
  workers?: number;
  onProgress?: (done: number, total: number, onWorker: boolean) => void;
}

interface Node {
  id: string;
  result: Pick<SeriesResult, 'level' | 'key' | 'label'>;
  values: Float64Array;
  first: number;
  factors: Float64Array;
  seasonal: boolean;
}

interface Prepared {
  input: HierarchyInput;
  nodes: Node[];
  hierarchy: Hierarchy;
  seasonalProfiles: string[];
  engineSeasonal: boolean;
}

const LEVELS = [80, 95];
const ENGINE_SEASONAL_WEEKS = 156;
const categoryId = (name: string) => `category:${name}`;

export async function forecastHierarchies(
  inputs: readonly HierarchyInput[],
  options: PoolOptions = {},
): Promise<HierarchyForecast[]> {
  const prepared = inputs.map(prepare);
  // One pool call per distinct (horizon, seasonal) setting: the engine takes one options object per call.
  const calls = new Map<
    string,
    { series: Float64Array[]; owners: [number, number][]; horizon: number; seasonal: boolean }
  >();
  prepared.forEach((hierarchy, h) => {
    const key = `${hierarchy.input.horizon}:${hierarchy.engineSeasonal}`;
    let call = calls.get(key);
    if (!call) {
      call = { series: [], owners: [], horizon: hierarchy.input.horizon, seasonal: hierarchy.engineSeasonal };
      calls.set(key, call);
    }
    hierarchy.nodes.forEach((node, n) => {
      if (node.first >= node.values.length) return;
      call.series.push(adjusted(node));
      call.owners.push([h, n]);
    });
  });
  const total = [...calls.values()].reduce((sum, call) => sum + call.series.length, 0);
  const results = prepared.map((hierarchy) => new Array<SeriesForecast | undefined>(hierarchy.nodes.length));
  let finished = 0;
  for (const call of calls.values()) {
    const forecasts = await forecastMany(
      call.series,
      {
        horizon: call.horizon,
        periods: call.seasonal ? [52] : [],
        scalePeriod: 1,
        levels: LEVELS,
        residuals: true,
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
      },
      (progress) => options.onProgress?.(finished + progress.done, total, progress.onWorker),
    );
    finished += call.series.length;
    forecasts.forEach((forecast, i) => {
      const [h, n] = call.owners[i] as [number, number];
      (results[h] as (SeriesForecast | undefined)[])[n] = forecast;
    });
  }
  return prepared.map((hierarchy, h) => finish(hierarchy, results[h] as (SeriesForecast | undefined)[]));
}

function prepare(input: HierarchyInput): Prepared {
  const { length, start, horizon } = input;
  const byCategory = new Map<string, HierarchyProduct[]>();
  for (const product of input.products) {
    const members = byCategory.get(product.category) ?? [];
    members.push(product);
    byCategory.set(product.category, members);
  }
  const categoryNames = [...byCategory.keys()].sort();
  const productValues = new Map(
    input.products.map((p) => [p.id, Float64Array.from({ length }, (_, t) => p.values[t] as number)]),
  );
  const categoryValues = new Map(
    categoryNames.map((name) => [
      name,
      sumSeries(
        (byCategory.get(name) ?? []).map((p) => productValues.get(p.id) as Float64Array),
        length,
      ),
    ]),
  );
  const storeValues = sumSeries([...categoryValues.values()], length);
  const engineSeasonal = length >= ENGINE_SEASONAL_WEEKS;
  const seasonalProfiles: string[] = [];
  const storeProfile = engineSeasonal ? null : estimateYearlyProfile(storeValues, start);
  const storeFactors = profileFactors(storeProfile, start, length + horizon);
  if (storeProfile) seasonalProfiles.push('store');
  const categoryFactors = new Map<string, { factors: Float64Array; seasonal: boolean }>();
  for (const name of categoryNames) {
    const own = engineSeasonal ? null : estimateYearlyProfile(categoryValues.get(name) as Float64Array, start);
    if (own) seasonalProfiles.push(name);
    categoryFactors.set(name, {
      factors: own ? profileFactors(own, start, length + horizon) : storeFactors,
      seasonal: own !== null || storeProfile !== null,
    });
  }
  const node = (
    id: string,
    result: Node['result'],
    values: Float64Array,
    profile: { factors: Float64Array; seasonal: boolean },
  ): Node => ({ id, result, values, first: firstSale(values), ...profile });
  const nodes: Node[] = [
    ...input.products.map((p) =>
      node(
        p.id,
        { level: 'product', key: p.id, label: p.label },
        productValues.get(p.id) as Float64Array,
        categoryFactors.get(p.category) as { factors: Float64Array; seasonal: boolean },
      ),
    ),
    ...categoryNames.map((name) =>
      node(
        categoryId(name),
        { level: 'category', key: name, label: name },
        categoryValues.get(name) as Float64Array,
        categoryFactors.get(name) as { factors: Float64Array; seasonal: boolean },
      ),
    ),
    node('store', { level: 'store', key: 'store', label: 'Store total' }, storeValues, {
      factors: storeFactors,
      seasonal: storeProfile !== null,
    }),
  ];
  const hierarchy: Hierarchy = {
    bottom: input.products.map((p) => p.id),
    aggregates: [
      { id: 'store', children: categoryNames.map(categoryId) },
      ...categoryNames.map((name) => ({
        id: categoryId(name),
        children: (byCategory.get(name) ?? []).map((p) => p.id),
      })),
    ],
  };
  return { input, nodes, hierarchy, seasonalProfiles, engineSeasonal };
}

function adjusted(node: Node): Float64Array {
  return Float64Array.from(
    node.values.subarray(node.first),
    (value, i) => value / (node.factors[node.first + i] as number),
  );
}

function finish(prepared: Prepared, forecasts: (SeriesForecast | undefined)[]): HierarchyForecast {
  const { input, nodes } = prepared;
  const { length, horizon } = input;
  const base: Record<string, number[]> = {};
  const residuals: Record<string, Float64Array> = {};
  const baseResults = new Map<string, SeriesResult>();
  nodes.forEach((node, n) => {
    const forecast = forecasts[n];
    const future = (h: number) => node.factors[length + h] as number;
    const zeros = () => new Array<number>(horizon).fill(0);
    const mean = forecast ? forecast.mean.map((value, h) => value * future(h)) : zeros();
    const intervals: Interval[] = forecast
      ? forecast.intervals.map((interval) => ({
          level: interval.level,
          lower: interval.lower.map((value, h) => value * future(h)),
          upper: interval.upper.map((value, h) => value * future(h)),
        }))
      : LEVELS.map((level) => ({ level, lower: zeros(), upper: zeros() }));
    base[node.id] = mean;
    // Residuals in sales units over the whole window: weeks before the first sale were forecast (and sold) 0.
    const padded = new Float64Array(length);
    forecast?.residuals?.forEach((value, i) => {
      const t = node.first + i;
      padded[t] = Number.isFinite(value) ? value * (node.factors[t] as number) : 0;
    });
    residuals[node.id] = padded;
    baseResults.set(node.id, {
      ...node.result,
      kind: forecast?.kind ?? 'zero',
      models: forecast?.models ?? ['zero'],
      seasonal: node.seasonal && !prepared.engineSeasonal,
      mean,
      intervals,
    });
  });
  const { reconciled, method } = reconcile(prepared, base, residuals);
  const shifted = (id: string): SeriesResult => {
    const result = baseResults.get(id) as SeriesResult;
    const mean = reconciled[id] as number[];
    return {
      ...result,
      mean,
      // Bounds move with the mean, then widen to whole units: sales are counts, so P(Y ≤ ⌈u⌉) ≥ P(Y ≤ u).
      // Without it, a count bound (1 unit) scaled by a seasonal factor (0.8) would exclude the very sale it allowed.
      intervals: result.intervals.map((interval) => {
        const shift = (value: number, h: number) => value + (mean[h] as number) - (result.mean[h] as number);
        return {
          level: interval.level,
          lower: interval.lower.map((value, h) =>
            Math.max(0, Math.floor(Math.min(shift(value, h), mean[h] as number) + 1e-9)),
          ),
          upper: interval.upper.map((value, h) => Math.ceil(Math.max(shift(value, h), mean[h] as number) - 1e-9)),
        };
      }),
    };
  };
  const products = new Map(input.products.map((p) => [p.id, shifted(p.id)]));
  const categories = new Map(
    prepared.hierarchy.aggregates
      .filter(({ id }) => id !== 'store')
      .map(({ id }) => [id.slice('category:'.length), shifted(id)]),
  );
  return {
    products,
    categories,
    store: shifted('store'),
    reconciliation: method,
    seasonalProfiles: prepared.seasonalProfiles,
  };
}

/**
 * Reconciled means, floored at zero, with every aggregate re-summed from its
 * children in order, so a category is exactly the sum of its products and the
 * store exactly the sum of its categories. Falls back to cheaper methods
 * when a covariance cannot be estimated (too few weeks of residuals).
 */
function reconcile(
  prepared: Prepared,
  base: Record<string, number[]>,
  residuals: Record<string, Float64Array>,
): { reconciled: Record<string, number[]>; method: ReconciliationMethod } {
  const preferred: ReconciliationMethod = prepared.input.products.length <= 1000 ? 'mint-shrink' : 'wls-variance';
  let result: Record<string, number[]> | undefined;
  let method: ReconciliationMethod = preferred;
  for (const candidate of [preferred, 'wls-structural', 'bottom-up'] as ReconciliationMethod[]) {
    try {
      const attempt = reconcileForecasts(prepared.hierarchy, base, { method: candidate, residuals });
      if (Object.values(attempt).every((series) => series.every(Number.isFinite))) {
        result = attempt;
        method = candidate;
        break;
      }
    } catch {
      // Try the next, simpler method.
    }
  }
  const reconciled: Record<string, number[]> = {};
  for (const id of prepared.hierarchy.bottom) {
    reconciled[id] = ((result ?? base)[id] as number[]).map((value) => Math.max(0, value));
  }
  const sum = (children: readonly string[]) =>
    Array.from({ length: prepared.input.horizon }, (_, h) => {
      let total = 0;
      for (const child of children) total += (reconciled[child] as number[])[h] as number;
      return total;
    });
  const [store, ...categories] = prepared.hierarchy.aggregates;
  for (const category of categories) reconciled[category.id] = sum(category.children);
  if (store) reconciled[store.id] = sum(store.children);
  return { reconciled, method };
}
