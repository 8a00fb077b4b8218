import { Prisma } from '@prisma/client';
import { uuidV7 } from '../../platform/uuid-v7';
import type { ProductUpsert, VariantInput } from '../catalog';
import type { RowProblem } from './import-unit';
import {
  type ExistingProduct,
  type ExistingVariant,
  listHandleBases,
  matchVariants,
  type ProductAction,
  planProductWrites,
} from './product-batch.plan';

/**
 * Writes a batch of products with their variants in a handful of set-based
 * statements inside the caller's transaction — the catalog's per-product
 * upsert costs ~10 ms a product, which puts a 50,000-product import far past
 * a minute. Rules are the catalog's (rows are validated with its schemas, and
 * product-batch.plan.ts mirrors its matching); the search document is kept by
 * the database trigger as for any write. A unique index a row collides with
 * (another product's variant externalId, say) fails the statement and so the
 * batch: the caller then writes the batch one product at a time to find the
 * row, and `describeProductWriteError` names it.
 */
type Tx = Prisma.TransactionClient;

export async function writeProductBatch(
  tx: Tx,
  workspaceId: string,
  products: ProductUpsert[],
  defaults: { currency: string },
): Promise<Array<RowProblem | null>> {
  const [existing, takenHandles] = await Promise.all([
    findExistingProducts(tx, workspaceId, products),
    findTakenHandles(tx, workspaceId, listHandleBases(products)),
  ]);
  const actions = planProductWrites(products, existing, takenHandles);
  const updateIds = actions.flatMap((action) => (action.kind === 'update' ? [action.id] : []));
  const variantsByProduct = groupBy(await findVariants(tx, workspaceId, updateIds), (variant) => variant.productId);

  const creates: CreateAction[] = [];
  const updates: UpdateAction[] = [];
  const variantRows: VariantRows = { insert: [], update: [], remove: [] };
  for (const [index, action] of actions.entries()) {
    if (action.kind === 'create') {
      creates.push(action);
      variantRows.insert.push(...toNewVariants(action.id, action.product.variants ?? [], 0));
    } else if (action.kind === 'update') {
      const problem = planVariantChanges(action, variantsByProduct.get(action.id) ?? [], variantRows);
      if (problem) actions[index] = { kind: 'problem', problem };
      else updates.push(action);
    }
  }

  await insertProducts(tx, workspaceId, creates, defaults);
  await updateProducts(tx, workspaceId, updates);
  // Removed first: a new variant may take over a removed one's externalId.
  if (variantRows.remove.length > 0) {
    await tx.$executeRaw`DELETE FROM "Variant" WHERE "workspaceId" = ${workspaceId}::uuid AND id = ANY(${variantRows.remove}::uuid[])`;
  }
  await updateVariants(tx, workspaceId, variantRows.update);
  await insertVariants(tx, workspaceId, variantRows.insert);
  return actions.map((action) => (action.kind === 'problem' ? action.problem : null));
}

type CreateAction = Extract<ProductAction, { kind: 'create' }>;
type UpdateAction = Extract<ProductAction, { kind: 'update' }>;

interface VariantRows {
  insert: object[];
  update: object[];
  remove: string[];
}

/** Adds an updated product's variant changes to the batch's, or says why its variants cannot be matched. */
function planVariantChanges(action: UpdateAction, existing: ExistingVariant[], rows: VariantRows): RowProblem | null {
  const variants = action.product.variants;
  if (!variants) return null;
  const matched = matchVariants(existing, variants);
  if ('problem' in matched) return matched.problem;
  const kept = new Set(matched.matches.flatMap((match) => (match ? [match.id] : [])));
  rows.remove.push(...existing.filter((variant) => !kept.has(variant.id)).map((variant) => variant.id));
  variants.forEach((variant, position) => {
    const match = matched.matches[position];
    if (match) rows.update.push({ ...variantFields(variant), id: match.id, position });
    else rows.insert.push(...toNewVariants(action.id, [variant], position));
  });
  return null;
}

async function findExistingProducts(
  tx: Tx,
  workspaceId: string,
  products: ProductUpsert[],
): Promise<ExistingProduct[]> {
  const handles = products.flatMap((product) => (product.handle ? [product.handle] : []));
  const externalIds = products.flatMap((product) => (product.externalId ? [product.externalId] : []));
  return tx.$queryRaw<ExistingProduct[]>`
    SELECT id::text, handle, "externalId" FROM "Product"
    WHERE "workspaceId" = ${workspaceId}::uuid
      AND (handle = ANY(${handles}::text[]) OR "externalId" = ANY(${externalIds}::text[]))`;
}

async function findTakenHandles(tx: Tx, workspaceId: string, bases: string[]): Promise<Set<string>> {
  if (bases.length === 0) return new Set();
  const rows = await tx.$queryRaw<Array<{ handle: string }>>`
    SELECT handle FROM "Product"
    WHERE "workspaceId" = ${workspaceId}::uuid AND handle LIKE ANY(${bases.map((base) => `${base}%`)}::text[])`;
  return new Set(rows.map((row) => row.handle));
}

async function findVariants(tx: Tx, workspaceId: string, productIds: string[]): Promise<ExistingVariant[]> {
  if (productIds.length === 0) return [];
  return tx.$queryRaw<ExistingVariant[]>`
    SELECT id::text, "productId"::text, "externalId", sku, title FROM "Variant"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "productId" = ANY(${productIds}::uuid[])
    ORDER BY position, id`;
}

function minPrice(variants: VariantInput[] | undefined): number | undefined {
  return variants && variants.length > 0 ? Math.min(...variants.map((variant) => variant.priceCents)) : undefined;
}

async function insertProducts(tx: Tx, workspaceId: string, creates: CreateAction[], defaults: { currency: string }) {
  if (creates.length === 0) return;
  const rows = creates.map(({ id, handle, product }) => ({
    ...product,
    variants: undefined,
    id,
    handle,
    currency: product.currency ?? defaults.currency,
    minPriceCents: minPrice(product.variants),
  }));
  await tx.$executeRaw`
    INSERT INTO "Product" (id, "workspaceId", "externalId", handle, title, description, category, vendor, tags,
      "imageUrl", url, status, currency, "minPriceCents", "updatedAt")
    SELECT r.id, ${workspaceId}::uuid, r."externalId", r.handle, r.title, coalesce(r.description, ''), r.category,
      r.vendor, coalesce(r.tags, '{}'), r."imageUrl", r.url, coalesce(r.status, 'active')::"ProductStatus",
      r.currency, r."minPriceCents", now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, "externalId" text, handle text, title text,
      description text, category text, vendor text, tags text[], "imageUrl" text, url text, status text,
      currency text, "minPriceCents" int)`;
}

/** Only the fields a row sends change; a field sent as null is cleared (JSON keeps the key, drops undefined). */
async function updateProducts(tx: Tx, workspaceId: string, updates: UpdateAction[]) {
  if (updates.length === 0) return;
  const docs = updates.map(({ id, product }) => ({
    ...product,
    variants: undefined,
    id,
    minPriceCents: minPrice(product.variants),
  }));
  const keep = (column: string, key = column) =>
    Prisma.raw(`CASE WHEN r.doc ? '${key}' THEN r.doc->>'${key}' ELSE p."${column}" END`);
  await tx.$executeRaw`
    UPDATE "Product" p SET
      "externalId" = ${keep('externalId')},
      handle = coalesce(r.doc->>'handle', p.handle),
      title = r.doc->>'title',
      description = coalesce(r.doc->>'description', p.description),
      category = ${keep('category')},
      vendor = ${keep('vendor')},
      tags = CASE WHEN r.doc ? 'tags' THEN ARRAY(SELECT jsonb_array_elements_text(r.doc->'tags')) ELSE p.tags END,
      "imageUrl" = ${keep('imageUrl')},
      url = ${keep('url')},
      status = coalesce((r.doc->>'status')::"ProductStatus", p.status),
      currency = coalesce(r.doc->>'currency', p.currency),
      "minPriceCents" = coalesce((r.doc->>'minPriceCents')::int, p."minPriceCents"),
      "updatedAt" = now()
    FROM jsonb_array_elements(${JSON.stringify(docs)}::jsonb) AS r(doc)
    WHERE p.id = (r.doc->>'id')::uuid AND p."workspaceId" = ${workspaceId}::uuid`;
}

function variantFields(variant: VariantInput) {
  const { id: _id, ...fields } = variant;
  return fields;
}

function toNewVariants(productId: string, variants: VariantInput[], firstPosition: number) {
  return variants.map((variant, offset) => ({
    ...variantFields(variant),
    id: uuidV7(),
    productId,
    title: variant.title ?? 'Default',
    options: variant.options ?? {},
    position: firstPosition + offset,
  }));
}

async function insertVariants(tx: Tx, workspaceId: string, rows: object[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Variant" (id, "workspaceId", "productId", "externalId", sku, title, options, "priceCents",
      "compareAtPriceCents", inventory, position, "updatedAt")
    SELECT r.id, ${workspaceId}::uuid, r."productId", r."externalId", r.sku, r.title, r.options, r."priceCents",
      r."compareAtPriceCents", r.inventory, r.position, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, "productId" uuid, "externalId" text,
      sku text, title text, options jsonb, "priceCents" int, "compareAtPriceCents" int, inventory int, position int)`;
}

/** Matched variants keep their id; fields a row leaves out keep their values. */
async function updateVariants(tx: Tx, workspaceId: string, rows: object[]) {
  if (rows.length === 0) return;
  const keep = (column: string, cast = '') =>
    Prisma.raw(`CASE WHEN r.doc ? '${column}' THEN (r.doc->>'${column}')${cast} ELSE v."${column}" END`);
  await tx.$executeRaw`
    UPDATE "Variant" v SET
      "externalId" = ${keep('externalId')},
      sku = ${keep('sku')},
      title = coalesce(r.doc->>'title', v.title),
      options = coalesce(r.doc->'options', v.options),
      "priceCents" = (r.doc->>'priceCents')::int,
      "compareAtPriceCents" = ${keep('compareAtPriceCents', '::int')},
      inventory = ${keep('inventory', '::int')},
      position = (r.doc->>'position')::int,
      "updatedAt" = now()
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r(doc)
    WHERE v.id = (r.doc->>'id')::uuid AND v."workspaceId" = ${workspaceId}::uuid`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const constraintFields: Array<[RegExp, string, string]> = [
  [/Product_workspaceId_handle_key/, 'handle', 'Another product already has this handle.'],
  [/Product_workspaceId_externalId_key/, 'externalId', 'Another product already has this externalId.'],
  [/Variant_workspaceId_externalId_key/, 'variants', 'A variant externalId belongs to another product.'],
];

/** A unique index one product's write collided with, as that row's problem; undefined for any other error. */
export function describeProductWriteError(error: unknown): RowProblem | undefined {
  const text = describeDatabaseError(error);
  if (!text.includes('23505') && !/unique constraint/i.test(text)) return undefined;
  for (const [pattern, field, message] of constraintFields) if (pattern.test(text)) return { field, message };
  return { message: 'This product collides with another one (a value that must be unique is taken).' };
}

function describeDatabaseError(error: unknown): string {
  try {
    return `${(error as Error)?.message ?? ''} ${JSON.stringify(error)}`;
  } catch {
    return String(error);
  }
}
