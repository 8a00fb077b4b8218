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
      Prisma.sql`SELECT p.id FROM "Product" p
        WHERE ${filters.scope} AND p."searchVector" @@ ${query} AND to_tsvector('english', p.title) @@ ${query}`,
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

export interface RelaxedSearch {
  keywords: string;
  /**
   * One tsquery per word, to count how many of the shopper's words a product
   * has; for a word no product contains, a title that looks like it counts too.
   */
  groups: Array<{ query: string; unknownWord?: string }>;
  /** tsqueries from strictest to loosest; each runs only while the pool is still short. */
  levelQueries: string[];
  /** Any of the words, for ranking within the pool. */
  anyQuery: string;
  excludedQuery?: string;
  limit: number;
  poolSize: number;
}

/**
 * When not every word matches: products with most of the words (level by
 * level, strictest first), plus — if the levels find nothing — titles that
 * look like the words nobody has (typos the spelling variants missed), ranked
 * by how many of the words they have.
 */
export async function findProductsMatchingSomeWords(
  prisma: PrismaClient,
  workspaceId: string,
  filters: ProductFilters,
  search: RelaxedSearch,
): Promise<ProductRow[]> {
  const where = search.excludedQuery
    ? Prisma.sql`${filters.scope} AND NOT p."searchVector" @@ to_tsquery('english', ${search.excludedQuery})`
    : filters.scope;
  const name = (prefix: string, index: number) => Prisma.raw(`${prefix}_${index}`);
  const found = (count: number) =>
    Prisma.sql`(SELECT count(*) FROM (${Prisma.join(
      Array.from({ length: count }, (_unused, index) => Prisma.sql`SELECT id FROM ${name('pool', index)}`),
      ' UNION ',
    )}) found)`;
  const ctes = search.levelQueries.flatMap((text, index) => {
    const gate = index === 0 ? Prisma.empty : Prisma.sql`WHERE ${found(index)} < ${search.limit}`;
    return [
      Prisma.sql`${name('level', index)} AS MATERIALIZED (
        SELECT p.id FROM "Product" p WHERE ${where} AND p."searchVector" @@ to_tsquery('english', ${text}))`,
      Prisma.sql`${name('pool', index)} AS (${takePassing(
        filters,
        Prisma.sql`SELECT id FROM ${name('level', index)} ${gate}`,
        search.poolSize,
      )})`,
    ];
  });
  const unknownWords = search.groups.flatMap((group) => (group.unknownWord ? [group.unknownWord] : []));
  // Trigram look-alikes are the costly fallback: only when no level found anything.
  const lookalikes = unknownWords.map(
    (word, index) => Prisma.sql`${name('lookalike', index)} AS MATERIALIZED (
      SELECT p.id FROM "Product" p WHERE ${where} AND ${word} <% p.title)`,
  );
  const levels = search.levelQueries.length;
  const sources = [
    ...search.levelQueries.map((_text, index) => Prisma.sql`SELECT id FROM ${name('pool', index)}`),
    ...unknownWords.map((_word, index) => {
      const gate = levels === 0 ? Prisma.empty : Prisma.sql`WHERE ${found(levels)} = 0`;
      return Prisma.sql`(${takePassing(filters, Prisma.sql`SELECT id FROM ${name('lookalike', index)} ${gate}`, search.poolSize)})`;
    }),
  ];
  if (sources.length === 0) return [];
  const matchedGroups = search.groups.map(
    ({ query, unknownWord }) =>
      Prisma.sql`(p."searchVector" @@ to_tsquery('english', ${query})${unknownWord ? Prisma.sql` OR ${unknownWord} <% p.title` : Prisma.empty})::int`,
  );
  const rows = await prisma.$queryRaw<ProductRow[]>`
    WITH ${Prisma.join([...ctes, ...lookalikes], ', ')},
    pool AS (${Prisma.join(sources, ' UNION ')})
    SELECT ${selectProductWithVariants(workspaceId)},
      (${Prisma.join(matchedGroups, ' + ')}
        + ts_rank_cd(${rankWeights}, p."searchVector", to_tsquery('english', ${search.anyQuery}), 32)
        + 0.3 * word_similarity(${search.keywords}, p.title))::float8 AS score
    FROM pool JOIN "Product" p ON p.id = pool.id
    ORDER BY score DESC, p.id LIMIT ${search.limit}`;
  return rows.map(toProductRow);
}
