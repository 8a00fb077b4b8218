import type { ProductStatus } from '@prisma/client';
import { z } from 'zod';
import { listProducts, type ProductWithVariants, searchLimits, searchProducts } from '../../modules/catalog';
import { requirePermission } from '../../modules/identity';
import { cancelImport, getImport, type ImportRunView } from '../../modules/imports';
import { decodeCursor, encodeCursor } from '../http/api/cursor';
import type { AdminActor, AdminDeps } from './admin-deps';
import { formatMoney } from './admin-money';
import { createImportUploads } from './import-upload.admin';

/**
 * The catalog page: every product page by page, or — when the person types a
 * search — what the assistant's own search finds for it (active products,
 * best first), so the merchant sees the catalog as shoppers' questions do.
 * Also the product imports, and any import run by id.
 */
export interface ProductRow {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  imageUrl: string | null;
  category: string | null;
  vendor: string | null;
  price: string | null;
  variantCount: number;
  /** Units on hand over tracked variants; null when none is tracked. */
  inventory: number | null;
}

export interface ProductsPage {
  mode: 'list' | 'search';
  products: ProductRow[];
  /** The cursors of the pages before this one and of this one (list mode), for the URL. */
  cursors: string[];
  nextCursor: string | null;
}

const pageSize = 25;
const productQuerySchema = z.object({
  q: z.string().trim().max(searchLimits.queryLength).optional(),
  status: z.enum(['active', 'draft', 'archived']).optional(),
  /** Cursors of every page so far, "."-separated (base64url has no "."). */
  cursors: z.string().max(4_000).optional(),
});

export function createCatalogAdmin(deps: AdminDeps) {
  const { prisma } = deps;
  return {
    async listProducts(actor: AdminActor, query: z.input<typeof productQuerySchema>): Promise<ProductsPage> {
      const { q, status, cursors } = productQuerySchema.parse(query);
      if (q) {
        const hits = await searchProducts(prisma, actor.workspaceId, { query: q, limit: searchLimits.maxResults });
        return { mode: 'search', products: hits.map(toProductRow), cursors: [], nextCursor: null };
      }
      const trail = cursors ? cursors.split('.').filter(Boolean) : [];
      const page = await listProducts(prisma, actor.workspaceId, {
        limit: pageSize,
        after: decodeCursor(trail.at(-1)),
        status,
      });
      const last = page.items.at(-1);
      return {
        mode: 'list',
        products: page.items.map(toProductRow),
        cursors: trail,
        nextCursor: page.hasMore && last ? encodeCursor(last) : null,
      };
    },
    ...createImportUploads(deps, 'products'),
    getImport: (actor: AdminActor, runId: string): Promise<ImportRunView> =>
      getImport(prisma, actor.workspaceId, runId),
    cancelImport: (actor: AdminActor, runId: string): Promise<ImportRunView> => {
      // Checked here as well as by the page: every admin shell reaches this service.
      requirePermission(actor, 'catalog.write');
      return cancelImport(prisma, actor.workspaceId, runId);
    },
  };
}

function toProductRow(product: ProductWithVariants): ProductRow {
  const tracked = product.variants.filter((variant) => variant.inventory !== null);
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    status: product.status,
    imageUrl: product.imageUrl,
    category: product.category,
    vendor: product.vendor,
    price: product.minPriceCents === null ? null : formatMoney(product.minPriceCents, product.currency),
    variantCount: product.variants.length,
    inventory: tracked.length > 0 ? tracked.reduce((sum, variant) => sum + (variant.inventory ?? 0), 0) : null,
  };
}
