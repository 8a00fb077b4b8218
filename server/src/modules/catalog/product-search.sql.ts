import { Prisma, type Product, type Variant } from '@prisma/client';

/** SQL pieces shared by the product search queries, and the mapping of their rows. */
export interface SearchFilters {
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStockOnly?: boolean;
}

export type ProductRow = Product & { variants: Variant[]; score: number };

/** ts_rank_cd weights {D, C, B, A}: title (A) weighs most, then category, vendor and tags (B), then description (C). */
export const rankWeights = Prisma.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`);

const columns = ['id', 'workspaceId', 'externalId', 'handle', 'title', 'description', 'category', 'vendor', 'tags']
  .concat(['imageUrl', 'url', 'status', 'currency', 'minPriceCents', 'sourceCreatedAt', 'createdAt', 'updatedAt'])
  .map((column) => `p."${column}"`)
  .join(', ');

/** The product's columns and its variants (as JSON, in the store's order): no second round trip for them. */
export function selectProductWithVariants(workspaceId: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(columns)},
    (SELECT coalesce(json_agg(v ORDER BY v.position, v.id), '[]') FROM "Variant" v
      WHERE v."productId" = p.id AND v."workspaceId" = ${workspaceId}::uuid) AS variants`;
}

/**
 * The filters of a search, in two parts. `scope` is tested while scanning
 * products. `variants` (price and stock) costs an index probe per product, so
 * queries apply it to at most `examineLimit` candidates: a search for "tent
 * under $5" in a store of 10,000 tents looks at 1,000 and gives up, rather
 * than probing them all to learn there is none.
 */
export interface ProductFilters {
  scope: Prisma.Sql;
  variants: ((productId: Prisma.Sql) => Prisma.Sql) | null;
}

export const examineLimit = 1000;

export function buildProductFilters(workspaceId: string, filters: SearchFilters): ProductFilters {
  const scope = [Prisma.sql`p."workspaceId" = ${workspaceId}::uuid`, Prisma.sql`p.status = 'active'`];
  if (filters.category) scope.push(Prisma.sql`lower(p.category) = lower(${filters.category})`);
  const variant: Prisma.Sql[] = [];
  if (filters.minPriceCents !== undefined) variant.push(Prisma.sql`v."priceCents" >= ${filters.minPriceCents}`);
  if (filters.maxPriceCents !== undefined) variant.push(Prisma.sql`v."priceCents" <= ${filters.maxPriceCents}`);
  if (filters.inStockOnly) variant.push(Prisma.sql`(v.inventory IS NULL OR v.inventory > 0)`);
  // OFFSET 0 keeps this a probe per candidate: unnested, the planner likes a
  // hash join over every variant in the database when it expects many
  // candidates. No workspace test on the variant: the product's scope covers
  // it, and it would cost a heap visit per variant.
  const variants =
    variant.length === 0
      ? null
      : (productId: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM "Variant" v
          WHERE v."productId" = ${productId} AND ${Prisma.join(variant, ' AND ')} OFFSET 0)`;
  return { scope: Prisma.join(scope, ' AND '), variants };
}

/**
 * Ids of up to `poolSize` products from `source` (a query selecting `id`)
 * that pass the variant filters, looking at no more than `examineLimit`.
 */
export function takePassing(filters: ProductFilters, source: Prisma.Sql, poolSize: number): Prisma.Sql {
  if (!filters.variants) return Prisma.sql`SELECT id FROM (${source}) source LIMIT ${poolSize}`;
  return Prisma.sql`SELECT examined.id FROM (SELECT id FROM (${source}) source LIMIT ${examineLimit}) examined
    WHERE ${filters.variants(Prisma.sql`examined.id`)} LIMIT ${poolSize}`;
}

type RawVariant = Omit<Variant, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** JSON carries timestamps without a zone; Prisma stores them as UTC. */
export function toProductRow(row: Omit<ProductRow, 'variants'> & { variants: RawVariant[] | Variant[] }): ProductRow {
  const variants = row.variants.map((variant) => ({
    ...variant,
    createdAt: toDate(variant.createdAt),
    updatedAt: toDate(variant.updatedAt),
  }));
  return { ...row, variants };
}

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
