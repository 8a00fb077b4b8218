import { Prisma, type PrismaClient } from '@prisma/client';
import {
  type ProductFilters,
  type ProductRow,
  rankWeights,
  selectProductWithVariants,
  takePassing,
  toProductRow,
} from './product-search.sql';

/**
 * The product search queries. Two rules shape them:
 *
 * - A broad word ("jacket" in 10,000 of 100,000 products) must not cost a
 *   rank of every match. Each tier takes at most `poolSize` matches and only
 *   those are ranked, so cost follows the pool, not the catalog.
 * - Where the planner cannot know how many rows match (spelling variants, a
 *   word it has no statistics for), a tier is a MATERIALIZED CTE read through
 *   a LIMIT: it is planned for all its rows — a GIN bitmap when few — and
 *   still stops after `poolSize`. A bare `WHERE … LIMIT` invites a bet on a
 *   sequential scan that will "soon" find enough rows; for a word no product
 *   has, that reads the whole table.
 *
 * Every value is a parameter; tsquery texts come from search-terms.ts, built
 * from letters and digits only.
 */
export interface WordStats {
  /** Share of a sample of the catalog that contains the word (0 … 1). */
  frequency: number;
  /** Whether any active product contains it at all. */
  known: boolean;
}

/** No words: the newest products that pass the filters (the workspace/status/updatedAt index serves it). */
export async function browseProducts(
  prisma: PrismaClient,
  workspaceId: string,
  filters: ProductFilters,
  limit: number,
): Promise<ProductRow[]> {
  const newest = Prisma.sql`SELECT p.id FROM "Product" p WHERE ${filters.scope} ORDER BY p."updatedAt" DESC, p.id`;
  const rows = await prisma.$queryRaw<ProductRow[]>`
    WITH pool AS (${takePassing(filters, newest, limit)})
    SELECT ${selectProductWithVariants(workspaceId)}, 0::float8 AS score FROM pool JOIN "Product" p ON p.id = pool.id
    ORDER BY p."updatedAt" DESC, p.id`;
  return rows.map(toProductRow);
}

export interface StrictSearch {
  /** The shopper's words as typed, for websearch_to_tsquery (quotes and -exclusions work). */
  keywords: string;
  /** The words one by one, measured when the search comes up short. */
  words: string[];
  limit: number;
  poolSize: number;
}

/**
 * Products matching every word, title matches first (description matches only
 * if titles do not fill the pool; they would rank lower anyway). These are
 * plain `WHERE … LIMIT` scans: the planner knows every real word's frequency.
 * The title tier wants the expression index on to_tsvector('english', title)
 * (see README): without it, a word common in descriptions but absent from
 * titles ("warm") makes it parse every title of the store.
 *
 * When fewer than `limit` match, the same round trip measures each word (null:
 * a stop word such as "for"): a sample of the workspace's catalog gives its
 * frequency and answers for common words at once; only a word the sample lacks
 * is looked up in the index — by then a rare word with a short posting list.
 */
export async function findProductsMatchingAllWords(
  prisma: PrismaClient,
  workspaceId: string,
  filters: ProductFilters,
  search: StrictSearch,
): Promise<{ products: ProductRow[]; wordStats: Array<WordStats | null> | null }> {
  const query = Prisma.sql`websearch_to_tsquery('english', ${search.keywords})`;
  const scope = Prisma.sql`p."workspaceId" = ${workspaceId}::uuid AND p.status = 'active'`;
  const indexed = (index: number) => Prisma.raw(`indexed_${index}`);
  const lookups = search.words.map(
    (word, index) => Prisma.sql`, ${indexed(index)} AS MATERIALIZED (
      SELECT 1 FROM "Product" p WHERE ${scope} AND p."searchVector" @@ plainto_tsquery('english', ${word}))`,
  );
  const stats = search.words.map(
    (word, index) => Prisma.sql`(SELECT CASE WHEN numnode(plainto_tsquery('english', ${word})) = 0 THEN NULL
      ELSE json_build_object('frequency', hits::float8 / greatest(total, 1),
        'known', hits > 0 OR EXISTS (SELECT 1 FROM ${indexed(index)})) END
      FROM (SELECT count(*) FILTER (WHERE sample."searchVector" @@ plainto_tsquery('english', ${word})) AS hits,
        count(*) AS total FROM sample) counted)`,
  );
  const rows = await prisma.$queryRaw<Array<ProductRow & { wordStats: Array<WordStats | null> | null }>>`
    WITH in_title AS (${takePassing(
      filters,
      Prisma.sql`SELECT p.id FROM "Product" p WHERE ${filters.scope} AND to_tsvector('english', p.title) @@ ${query}`,
      search.poolSize,
    )}),
    pool AS (
      SELECT id FROM in_title
      UNION
      (${takePassing(
        filters,
        Prisma.sql`SELECT p.id FROM "Product" p WHERE (SELECT count(*) FROM in_title) < ${search.poolSize}
          AND ${filters.scope} AND p."searchVector" @@ ${query}`,
        search.poolSize,
      )})),
    ranked AS (
      SELECT ${selectProductWithVariants(workspaceId)},
        (ts_rank_cd(${rankWeights}, p."searchVector", ${query}, 32) + 0.3 * word_similarity(${search.keywords}, p.title))::float8 AS score
      FROM pool JOIN "Product" p ON p.id = pool.id
      ORDER BY score DESC, p.id LIMIT ${search.limit}),
    sample AS MATERIALIZED (SELECT p."searchVector" FROM "Product" p WHERE ${scope} LIMIT 1000)
    ${Prisma.join(lookups, ' ')}
    SELECT CASE WHEN (SELECT count(*) FROM ranked) < ${search.limit}
        THEN json_build_array(${Prisma.join(stats.length > 0 ? stats : [Prisma.raw('NULL')])}) END AS "wordStats",
      ranked.*
    FROM (SELECT 1) AS always LEFT JOIN ranked ON true
    ORDER BY ranked.score DESC NULLS LAST, ranked.id`;
  const wordStats = rows[0]?.wordStats ? rows[0].wordStats.slice(0, search.words.length) : null;
  const products = rows
    .filter((row) => row.id !== null)
    .map(({ wordStats: _stats, ...product }) => toProductRow(product));
  return { products, wordStats };
}
