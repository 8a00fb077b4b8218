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

export function buildProductFilters(workspaceId: string, filters: SearchFilters): Prisma.Sql {
  const conditions = [Prisma.sql`p."workspaceId" = ${workspaceId}::uuid`, Prisma.sql`p.status = 'active'`];
  if (filters.category) conditions.push(Prisma.sql`lower(p.category) = lower(${filters.category})`);
  const variant: Prisma.Sql[] = [];
  if (filters.minPriceCents !== undefined) variant.push(Prisma.sql`v."priceCents" >= ${filters.minPriceCents}`);
  if (filters.maxPriceCents !== undefined) variant.push(Prisma.sql`v."priceCents" <= ${filters.maxPriceCents}`);
  if (filters.inStockOnly) variant.push(Prisma.sql`(v.inventory IS NULL OR v.inventory > 0)`);
  // One index probe per candidate. OFFSET 0 keeps the planner from turning this
  // into a hash join over every variant in the database, which it prefers when
  // it expects many candidates — though we stop after a small pool. The
  // product's workspace test already scopes the match; a variant one would cost
  // a heap visit per variant.
  if (variant.length > 0) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Variant" v
      WHERE v."productId" = p.id AND ${Prisma.join(variant, ' AND ')} OFFSET 0)`);
  }
  return Prisma.join(conditions, ' AND ');
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
