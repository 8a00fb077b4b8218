// Variants, prices and stock for one product. Popularity is derived from a variant's position
// (middle sizes and the first colour sell best) rather than stored, so the order generator and
// the inventory planner agree on it without a hidden field in the output.

import type { DemoColor } from './demo-copy.data';
import type { DemoProduct, DemoVariant } from './demo-store.types';
import type { Random } from './random';

export interface VariantPlan {
  productNumber: string;
  categoryCode: string;
  sizes: readonly string[];
  colors: readonly DemoColor[];
  pricedOption?: { name: string; values: readonly (readonly [string, number])[] };
  basePriceDollars: number;
  /** The type's lowest price; a .95 ending must not push a $18 tee to $17.95. */
  minPriceDollars: number;
  /** 5 turns $45.00 into $44.95; stores tend to pick one convention per product. */
  centsOff: 0 | 5;
  compareAtRatio: number | null;
  /** Expected units per week at the end of the period, used to size stock. */
  weeklyUnits: number;
  stock: 'normal' | 'slow' | 'none' | 'prelaunch';
}

interface VariantAxis {
  name: string;
  value: string;
  code: string;
  weight: number;
  priceFactor: number;
}

export function buildVariants(random: Random, plan: VariantPlan): DemoVariant[] {
  const combinations = combineAxes(listAxes(plan));
  const totalWeight = combinations.reduce((sum, axes) => sum + multiplyWeights(axes), 0);
  return combinations.map((axes, index) => {
    const priceCents = Math.max(
      plan.minPriceDollars * 100,
      roundPriceCents(plan.basePriceDollars * multiplyPriceFactors(axes), plan.centsOff),
    );
    const share = multiplyWeights(axes) / totalWeight;
    return {
      externalId: `demo-v-${plan.productNumber}-${String(index + 1).padStart(2, '0')}`,
      sku: [plan.categoryCode, plan.productNumber, ...axes.map((axis) => axis.code)].join('-'),
      title: axes.length === 0 ? 'Default Title' : axes.map((axis) => axis.value).join(' / '),
      options: Object.fromEntries(axes.map((axis) => [axis.name, axis.value])),
      priceCents,
      compareAtPriceCents:
        plan.compareAtRatio === null ? null : roundPriceCents((priceCents / 100) * plan.compareAtRatio, 0, 5),
      inventory: planInventory(random, plan, share),
    };
  });
}

/** Relative sales weight of each variant, in the product's variant order. */
export function weighVariants(product: DemoProduct): number[] {
  const sizes = listDistinctOptionValues(product, 'Size');
  const colors = listDistinctOptionValues(product, 'Color');
  return product.variants.map((variant) => {
    const size = variant.options.Size;
    const color = variant.options.Color;
    const sizeWeight = size === undefined ? 1 : weighSizePosition(sizes.indexOf(size), sizes.length);
    const colorWeight = color === undefined ? 1 : weighColorPosition(colors.indexOf(color));
    return sizeWeight * colorWeight;
  });
}

function listAxes(plan: VariantPlan): VariantAxis[][] {
  const axes: VariantAxis[][] = [];
  if (plan.colors.length > 0) {
    axes.push(
      plan.colors.map((color, i) => ({
        name: 'Color',
        value: color.name,
        code: color.code,
        weight: weighColorPosition(i),
        priceFactor: 1,
      })),
    );
  }
  if (plan.sizes.length > 0) {
    const count = plan.sizes.length;
    axes.push(
      plan.sizes.map((size, i) => ({
        name: 'Size',
        value: size,
        code: size,
        weight: weighSizePosition(i, count),
        priceFactor: 1,
      })),
    );
  }
  if (plan.pricedOption) {
    const { name, values } = plan.pricedOption;
    axes.push(
      values.map(([value, priceFactor], i) => ({
        name,
        value,
        code: value.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
        weight: i === 0 ? 1.6 : 1,
        priceFactor,
      })),
    );
  }
  return axes;
}

function combineAxes(axes: VariantAxis[][]): VariantAxis[][] {
  let combinations: VariantAxis[][] = [[]];
  for (const axis of axes) combinations = combinations.flatMap((prefix) => axis.map((value) => [...prefix, value]));
  return combinations;
}

function multiplyWeights(axes: readonly VariantAxis[]): number {
  return axes.reduce((product, axis) => product * axis.weight, 1);
}

function multiplyPriceFactors(axes: readonly VariantAxis[]): number {
  return axes.reduce((product, axis) => product * axis.priceFactor, 1);
}

// Bell curve centred slightly above the middle: M/L and US 9–10 are the bulk of apparel and shoe sales.
function weighSizePosition(index: number, count: number): number {
  const centre = (count - 1) / 2 + 0.3;
  const spread = Math.max(count / 4, 1);
  return Math.exp(-((index - centre) ** 2) / (2 * spread * spread));
}

function weighColorPosition(index: number): number {
  return 0.7 ** Math.max(index, 0);
}

function roundPriceCents(dollars: number, centsOff: 0 | 5, step = dollars < 50 ? 1 : 5): number {
  return Math.max(step, Math.round(dollars / step) * step) * 100 - centsOff;
}

function planInventory(random: Random, plan: VariantPlan, share: number): number {
  if (plan.stock === 'none') return 0;
  if (plan.stock === 'slow') return random.chance(0.35) ? 0 : random.int(1, 4);
  if (plan.stock === 'prelaunch') return Math.max(5, Math.round(plan.weeklyUnits * share * 10));
  // Real shops are never perfectly stocked: some variants sold out, some down to the last few.
  const roll = random.next();
  if (roll < 0.07) return 0;
  if (roll < 0.15) return random.int(1, 3);
  return Math.round(plan.weeklyUnits * share * random.float(3, 14)) + random.int(2, 8);
}

function listDistinctOptionValues(product: DemoProduct, option: string): string[] {
  const values: string[] = [];
  for (const variant of product.variants) {
    const value = variant.options[option];
    if (value !== undefined && !values.includes(value)) values.push(value);
  }
  return values;
}
