import { Prisma, type PrismaClient, type ProductStatus } from '@prisma/client';
import type { ProductWithVariants } from './catalog.model';

/**
 * The whole catalog page by page, for systems that sync it: every product
 * (drafts and archived too) in a stable order, (createdAt, id) ascending, read
 * by keyset so a page costs the same at the end of a big catalog as at the
 * start, and rows added while a client pages through land after it instead of
 * shifting what it has yet to read. `query` narrows the list — it does not
 * rank it (searchProducts ranks) — matching words of the title, tags,
 * category and description, part of the title, or an exact handle,
 * externalId or sku.
 */
export interface ProductListing {
  limit: number;
  /** The last row of the previous page. */
  after?: { createdAt: Date; id: string };
  query?: string;
  status?: ProductStatus;
}

export async function listProducts(
  prisma: PrismaClient,
  workspaceId: string,
  listing: ProductListing,
): Promise<{ items: ProductWithVariants[]; hasMore: boolean }> {
  const conditions = [Prisma.sql`p."workspaceId" = ${workspaceId}::uuid`];
  if (listing.status) conditions.push(Prisma.sql`p.status = ${listing.status}::"ProductStatus"`);
  if (listing.after) {
    // The ISO text's "Z" is ignored by the cast, leaving the UTC wall time Prisma stores.
    const { createdAt, id } = listing.after;
    conditions.push(Prisma.sql`(p."createdAt", p.id) > (${createdAt.toISOString()}::timestamp(3), ${id}::uuid)`);
  }
  const query = listing.query?.trim();
  if (query) conditions.push(matchQuery(query));
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT p.id FROM "Product" p
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY p."createdAt", p.id
    LIMIT ${listing.limit + 1}`;
  const ids = rows.slice(0, listing.limit).map((row) => row.id);
  const products = await prisma.product.findMany({
    where: { workspaceId, id: { in: ids } },
    include: { variants: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  return {
    items: ids.flatMap((id) => byId.get(id) ?? []),
    hasMore: rows.length > listing.limit,
  };
}

function matchQuery(query: string): Prisma.Sql {
  const contains = `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return Prisma.sql`(
    p."searchVector" @@ websearch_to_tsquery('english', ${query})
    OR p.title ILIKE ${contains}
    OR p.handle = lower(${query})
    OR p."externalId" = ${query}
    OR EXISTS (SELECT 1 FROM "Variant" v WHERE v."productId" = p.id AND (v.sku = ${query} OR v."externalId" = ${query}))
  )`;
}
