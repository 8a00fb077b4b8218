import type { BacktestResult } from './backtest-evaluation';
import type { PlaceDemand } from './city-demand';
import type { RunSummary, SeriesResult } from './forecasting.model';
import type { SeriesRow, StockRow } from './forecasting.repo';
import type { HierarchyForecast, HierarchyProduct } from './hierarchy-forecast';
import { sumSeries } from './sales-series';

/** Turns a run's forecasts, backtest, places and stock plans into the rows and summary that are stored. */

const horizonSum = (mean: readonly number[], weeks: number) =>
  mean.slice(0, weeks).reduce((sum, value) => sum + value, 0);

export function toSeriesRows(
  forecast: HierarchyForecast,
  products: readonly (HierarchyProduct & { unitPriceCents: number | null })[],
  length: number,
  backtest: BacktestResult | null,
): SeriesRow[] {
  const history = (values: ArrayLike<number>) => Array.from({ length }, (_, t) => values[t] as number);
  const row = (
    result: SeriesResult,
    values: ArrayLike<number>,
    accuracyKey: string,
    extra: { productId: string | null; unitPriceCents: number | null },
  ): SeriesRow => ({
    ...result,
    ...extra,
    history: history(values),
    units4: horizonSum(result.mean, 4),
    units13: horizonSum(result.mean, 13),
    units26: horizonSum(result.mean, 26),
    accuracy: backtest?.accuracy.get(accuracyKey) ?? null,
  });
  const byCategory = new Map<string, ArrayLike<number>[]>();
  for (const product of products) {
    byCategory.set(product.category, [...(byCategory.get(product.category) ?? []), product.values]);
  }
  const categoryValues = new Map([...byCategory].map(([name, members]) => [name, sumSeries(members, length)]));
  return [
    ...products.map((product) =>
      row(forecast.products.get(product.id) as SeriesResult, product.values, product.id, {
        productId: product.id,
        unitPriceCents: product.unitPriceCents,
      }),
    ),
    ...[...forecast.categories].map(([name, result]) =>
      row(result, categoryValues.get(name) ?? new Float64Array(length), `category:${name}`, {
        productId: null,
        unitPriceCents: null,
      }),
    ),
    row(forecast.store, sumSeries([...categoryValues.values()], length), 'store', {
      productId: null,
      unitPriceCents: null,
    }),
  ];
}

export function isStockoutAlert(stock: Pick<StockRow, 'probabilityBeforeRestock' | 'daysOfCover' | 'leadTimeDays'>) {
  return (
    stock.probabilityBeforeRestock >= 0.2 || (stock.daysOfCover !== null && stock.daysOfCover <= 2 * stock.leadTimeDays)
  );
}

/** The products the action plan is about: the biggest expected revenue, plus the likeliest stock-outs. */
export function choosePlanProducts(rows: readonly SeriesRow[], stock: readonly StockRow[], count: number): string[] {
  const products = rows.filter((row) => row.level === 'product' && row.productId !== null);
  const revenue = (row: SeriesRow) => row.units13 * (row.unitPriceCents ?? 0);
  const chosen = products
    .filter((row) => row.units13 > 0)
    .sort((a, b) => revenue(b) - revenue(a) || b.units13 - a.units13)
    .slice(0, count)
    .map((row) => row.productId as string);
  const risky = [...stock]
    .filter((entry) => entry.probabilityBeforeRestock >= 0.3 && !chosen.includes(entry.productId))
    .sort((a, b) => b.probabilityBeforeRestock - a.probabilityBeforeRestock)
    .slice(0, 3)
    .map((entry) => entry.productId);
  return [...chosen, ...risky];
}

export function summariseRun(input: {
  today: Date;
  rows: readonly SeriesRow[];
  forecast: HierarchyForecast;
  backtest: BacktestResult | null;
  places: readonly PlaceDemand[];
  stock: readonly StockRow[];
  durationMs: number;
  workersUsed: boolean;
}): RunSummary {
  const store = input.rows.find((row) => row.level === 'store');
  const products = input.rows.filter((row) => row.level === 'product');
  return {
    today: input.today.toISOString().slice(0, 10),
    productCount: products.length,
    categoryCount: input.forecast.categories.size,
    reconciliation: input.forecast.reconciliation,
    seasonalProfiles: input.forecast.seasonalProfiles,
    accuracy: input.backtest?.summary ?? emptyAccuracy(),
    totals: {
      units4: store?.units4 ?? 0,
      units13: store?.units13 ?? 0,
      units26: store?.units26 ?? 0,
      revenue13Cents: Math.round(products.reduce((sum, row) => sum + row.units13 * (row.unitPriceCents ?? 0), 0)),
    },
    stockoutAlerts: input.stock.filter(isStockoutAlert).length,
    durationMs: input.durationMs,
    workersUsed: input.workersUsed,
  };
}

function emptyAccuracy(): RunSummary['accuracy'] {
  return {
    horizonWeeks: 0,
    origins: 0,
    baseline: 'naive',
    evaluatedProducts: 0,
    mase: null,
    smape: null,
    bias: null,
    coverage80: null,
    coverage95: null,
    baselineMase: null,
    beatsBaseline: { wins: 0, losses: 0, ties: 0, share: null },
    store: null,
  };
}
