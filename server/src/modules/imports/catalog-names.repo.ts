import type { Prisma } from '@prisma/client';
import type { OrderLineDraft } from './orders-csv.mapper';

/** The variants (by SKU) and products (by handle) a batch of order lines names, in two queries. */
type Tx = Prisma.TransactionClient;

export interface CatalogNames {
  variantsBySku: Map<string, Array<{ id: string; productId: string; productTitle: string }>>;
  productsByHandle: Map<string, { id: string; title: string }>;
}

export async function findCatalogNames(tx: Tx, workspaceId: string, lines: OrderLineDraft[]): Promise<CatalogNames> {
  const skus = [...new Set(lines.flatMap((line) => (line.sku ? [line.sku] : [])))];
  const handles = [...new Set(lines.flatMap((line) => (line.handle ? [line.handle] : [])))];
  const [variants, products] = await Promise.all([
    skus.length === 0
      ? []
      : tx.variant.findMany({
          where: { workspaceId, sku: { in: skus } },
          select: { id: true, sku: true, productId: true, product: { select: { title: true } } },
        }),
    handles.length === 0
      ? []
      : tx.product.findMany({
          where: { workspaceId, handle: { in: handles } },
          select: { id: true, title: true, handle: true },
        }),
  ]);
  const variantsBySku: CatalogNames['variantsBySku'] = new Map();
  for (const variant of variants) {
    const entry = {
      id: variant.id,
      productId: variant.productId,
      productTitle: variant.product.title,
    };
    const sku = variant.sku as string;
    variantsBySku.set(sku, [...(variantsBySku.get(sku) ?? []), entry]);
  }
  return { variantsBySku, productsByHandle: new Map(products.map((product) => [product.handle, product])) };
}
