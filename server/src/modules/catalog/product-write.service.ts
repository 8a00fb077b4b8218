import type { PrismaClient } from '@prisma/client';
import type { z } from 'zod';
import { ProductNotFoundError, type ProductWithVariants } from './catalog.model';
import {
  type BulkRowResult,
  InvalidProductWriteError,
  ProductConflictError,
  type ProductCreate,
  type ProductUpdate,
  type ProductUpsert,
  productUpsertSchema,
} from './product-write.model';
import { changeProduct, findFreeHandle, findProductIdBy, insertProduct } from './product-write.repo';

/**
 * Product writes from a team's own systems: create, update, and bulk upsert
 * where each row stands alone — a bad row is reported with its index and the
 * good rows around it are kept.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createProduct(
  prisma: PrismaClient,
  workspaceId: string,
  input: ProductCreate,
  defaults: { currency?: string } = {},
): Promise<ProductWithVariants> {
  const handle = input.handle ?? (await findFreeHandle(prisma, workspaceId, toHandle(input.title)));
  const currency = input.currency ?? defaults.currency ?? (await findWorkspaceCurrency(prisma, workspaceId));
  return insertProduct(prisma, workspaceId, { ...input, handle, currency });
}

export async function updateProduct(
  prisma: PrismaClient,
  workspaceId: string,
  productId: string,
  changes: ProductUpdate,
): Promise<ProductWithVariants> {
  if (!uuidPattern.test(productId)) throw new ProductNotFoundError(productId);
  const product = await changeProduct(prisma, workspaceId, productId, changes);
  if (!product) throw new ProductNotFoundError(productId);
  return product;
}

export async function upsertProduct(
  prisma: PrismaClient,
  workspaceId: string,
  row: ProductUpsert,
  defaults: { currency?: string } = {},
): Promise<{ product: ProductWithVariants; created: boolean }> {
  const match = await findMatchingProduct(prisma, workspaceId, row);
  if (match) return { product: await updateProduct(prisma, workspaceId, match.id, row), created: false };
  if (!row.variants) throw new InvalidProductWriteError('A new product needs at least one variant.', 'variants');
  const product = await createProduct(
    prisma,
    workspaceId,
    {
      ...row,
      description: row.description ?? '',
      tags: row.tags ?? [],
      status: row.status ?? 'active',
      variants: row.variants,
    },
    defaults,
  );
  return { product, created: true };
}

/** Validates and writes each row on its own; rows are processed in order, so a later duplicate updates an earlier one. */
export async function bulkUpsertProducts(
  prisma: PrismaClient,
  workspaceId: string,
  rows: unknown[],
): Promise<BulkRowResult[]> {
  const defaults = { currency: await findWorkspaceCurrency(prisma, workspaceId) };
  const results: BulkRowResult[] = [];
  for (const [index, raw] of rows.entries()) {
    const parsed = productUpsertSchema.safeParse(raw);
    if (!parsed.success) {
      results.push({ index, status: 'failed', error: describeInvalidRow(parsed.error) });
      continue;
    }
    try {
      const { product, created } = await upsertProduct(prisma, workspaceId, parsed.data, defaults);
      results.push({ index, status: created ? 'created' : 'updated', id: product.id });
    } catch (error) {
      results.push({ index, status: 'failed', error: describeRowError(error) });
    }
  }
  return results;
}

async function findMatchingProduct(prisma: PrismaClient, workspaceId: string, row: ProductUpsert) {
  if (row.externalId) {
    const byExternalId = await findProductIdBy(prisma, workspaceId, { externalId: row.externalId });
    if (byExternalId) return byExternalId;
  }
  if (!row.handle) return null;
  const byHandle = await findProductIdBy(prisma, workspaceId, { handle: row.handle });
  if (byHandle && row.externalId && byHandle.externalId && byHandle.externalId !== row.externalId) {
    throw new ProductConflictError(
      'handle',
      row.handle,
      `Handle "${row.handle}" belongs to the product with externalId "${byHandle.externalId}".`,
    );
  }
  return byHandle;
}

async function findWorkspaceCurrency(prisma: PrismaClient, workspaceId: string): Promise<string> {
  const workspace = await prisma.workspace.findUnique({ where: { id: workspaceId }, select: { currency: true } });
  return workspace?.currency ?? 'USD';
}

/** "Men’s Trail Shoe — Größe 42" → "mens-trail-shoe-grosse-42". */
export function toHandle(title: string): string {
  const handle = title
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
  return handle || 'product';
}

function describeInvalidRow(error: z.ZodError): NonNullable<BulkRowResult['error']> {
  const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid row';
  return { code: 'invalid_row', message, details };
}

function describeRowError(error: unknown): NonNullable<BulkRowResult['error']> {
  if (error instanceof ProductConflictError) return { code: 'conflict', message: error.message };
  if (error instanceof InvalidProductWriteError) {
    return { code: 'invalid_row', message: error.message, details: [{ path: error.path, message: error.message }] };
  }
  if (error instanceof ProductNotFoundError) return { code: 'not_found', message: error.message };
  throw error;
}
