import { uuidV7 } from '../../platform/uuid-v7';
import { type ProductUpsert, toHandle, type VariantInput } from '../catalog';
import type { RowProblem } from './import-unit';

/**
 * Deciding, for a batch of products, what the batch writer does with each —
 * with the catalog's upsert rules: a product is matched by externalId, then
 * handle; a new one without a handle gets the first free `title`, `title-2` …;
 * its variants are matched by id, externalId, SKU, then title and keep their
 * ids. Rows of one batch are applied in order, so when two rows name the same
 * product the later one wins and the earlier is simply superseded.
 */
export interface ExistingProduct {
  id: string;
  handle: string;
  externalId: string | null;
}

export interface ExistingVariant {
  id: string;
  productId: string;
  externalId: string | null;
  sku: string | null;
  title: string;
}

export type ProductAction =
  | { kind: 'create'; id: string; handle: string; product: ProductUpsert }
  | { kind: 'update'; id: string; product: ProductUpsert }
  | { kind: 'superseded' }
  | { kind: 'problem'; problem: RowProblem };

export function planProductWrites(
  products: ProductUpsert[],
  existing: ExistingProduct[],
  takenHandles: Set<string>,
): ProductAction[] {
  const byExternalId = new Map(
    existing.flatMap((product) => (product.externalId ? [[product.externalId, product]] : [])),
  );
  const byHandle = new Map(existing.map((product) => [product.handle, product]));
  const usedHandles = new Set([...takenHandles, ...existing.map((product) => product.handle)]);
  const actions: ProductAction[] = [];
  const claims = new Map<string, number>();
  for (const product of products) {
    const action = planOne(product, byExternalId, byHandle, usedHandles);
    const keys =
      action.kind === 'update'
        ? [`id:${action.id}`]
        : action.kind === 'create'
          ? [`handle:${action.handle}`, ...(product.externalId ? [`external:${product.externalId}`] : [])]
          : [];
    for (const key of keys) {
      const earlier = claims.get(key);
      if (earlier !== undefined) actions[earlier] = { kind: 'superseded' };
      claims.set(key, actions.length);
    }
    if (action.kind === 'create') usedHandles.add(action.handle);
    actions.push(action);
  }
  return actions;
}

function planOne(
  product: ProductUpsert,
  byExternalId: Map<string, ExistingProduct>,
  byHandle: Map<string, ExistingProduct>,
  usedHandles: Set<string>,
): ProductAction {
  const sameExternalId = product.externalId ? byExternalId.get(product.externalId) : undefined;
  if (sameExternalId) return { kind: 'update', id: sameExternalId.id, product };
  const sameHandle = product.handle ? byHandle.get(product.handle) : undefined;
  if (sameHandle) {
    if (product.externalId && sameHandle.externalId && sameHandle.externalId !== product.externalId) {
      return {
        kind: 'problem',
        problem: {
          field: 'handle',
          message: `Handle "${product.handle}" belongs to the product with externalId "${sameHandle.externalId}".`,
        },
      };
    }
    return { kind: 'update', id: sameHandle.id, product };
  }
  return {
    kind: 'create',
    id: uuidV7(),
    handle: product.handle ?? freeHandle(toHandle(product.title), usedHandles),
    product,
  };
}

/** `base`, or `base-2`, `base-3` … — the first one nobody has. */
export function freeHandle(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!used.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** Handles a new product without one would be named after (to ask the database which are taken). */
export function listHandleBases(products: ProductUpsert[]): string[] {
  return [...new Set(products.filter((product) => !product.handle).map((product) => toHandle(product.title)))];
}

/**
 * Pairs each input with an existing variant of the product: by id, then
 * externalId, SKU and title. An id that is not this product's is a problem
 * rather than a new variant, so a typo cannot silently duplicate stock.
 */
export function matchVariants(
  existing: ExistingVariant[],
  inputs: VariantInput[],
): { matches: Array<ExistingVariant | undefined> } | { problem: RowProblem } {
  const free = new Set(existing);
  const take = (predicate: (variant: ExistingVariant) => boolean) => {
    const found = [...free].find(predicate);
    if (found) free.delete(found);
    return found;
  };
  const matches: Array<ExistingVariant | undefined> = [];
  for (const [index, input] of inputs.entries()) {
    if (!input.id) {
      matches.push(undefined);
      continue;
    }
    const found = take((variant) => variant.id === input.id);
    if (!found) {
      return {
        problem: { field: `variants.${index}.id`, message: `Variant ${input.id} is not a variant of this product.` },
      };
    }
    matches.push(found);
  }
  const passes: Array<(input: VariantInput) => ((variant: ExistingVariant) => boolean) | undefined> = [
    (input) => (input.externalId ? (variant) => variant.externalId === input.externalId : undefined),
    (input) => (input.sku ? (variant) => variant.sku === input.sku : undefined),
    (input) => (input.title ? (variant) => variant.title === input.title : undefined),
  ];
  for (const pass of passes) {
    for (const [index, input] of inputs.entries()) {
      const predicate = matches[index] ? undefined : pass(input);
      if (predicate) matches[index] = take(predicate);
    }
  }
  return { matches };
}
