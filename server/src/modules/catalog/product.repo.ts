import type { PrismaClient } from '@prisma/client';
import { type CategorySummary, ProductNotFoundError, type ProductWithVariants } from './catalog.model';

/**
 * Products by id or handle, categories, and variants in bulk. Every query is
 * scoped to one workspace; a product of another workspace is "not found".
 * Drafts and archived products are for the merchant's eyes: the shopper-facing
 * default is active products only.
 */
export interface ProductLookupOptions {
  /** Also return drafts and archived products (admin screens). */
  includeInactive?: boolean;
}

// Postgres rejects a malformed uuid with an error; for us it is simply no such product.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getProduct(
  prisma: PrismaClient,
  workspaceId: string,
  productId: string,
  options: ProductLookupOptions = {},
): Promise<ProductWithVariants> {
  if (!uuidPattern.test(productId)) throw new ProductNotFoundError(productId);
  const product = await prisma.product.findFirst({
    where: { id: productId, workspaceId, ...(options.includeInactive ? {} : { status: 'active' }) },
    include: { variants: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  if (!product) throw new ProductNotFoundError(productId);
  return product;
}

export async function getProductByHandle(
  prisma: PrismaClient,
  workspaceId: string,
  handle: string,
  options: ProductLookupOptions = {},
): Promise<ProductWithVariants> {
  const product = await prisma.product.findFirst({
    where: { handle, workspaceId, ...(options.includeInactive ? {} : { status: 'active' }) },
    include: { variants: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  if (!product) throw new ProductNotFoundError(handle);
  return product;
}

/** Categories of active products, the biggest first (what the assistant offers when a shopper browses). */
export async function listCategories(prisma: PrismaClient, workspaceId: string): Promise<CategorySummary[]> {
  const groups = await prisma.product.groupBy({
    by: ['category'],
    where: { workspaceId, status: 'active', category: { not: null } },
    _count: { _all: true },
  });
  return groups
    .filter((group): group is typeof group & { category: string } => Boolean(group.category?.trim()))
    .map((group) => ({ name: group.category, productCount: group._count._all }))
    .sort((a, b) => b.productCount - a.productCount || a.name.localeCompare(b.name));
}
