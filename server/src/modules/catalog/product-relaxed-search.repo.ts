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
 * The searches behind "not every word matched". The rules of
 * product-search.repo.ts hold here too; every tier is a MATERIALIZED CTE,
 * because these queries are made of spelling variants and word combinations
 * the planner cannot estimate.
 */
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

/** Products with most of the words, level by level, ranked by how many of the words they have. */
export async function findProductsMatchingSomeWords(
  prisma: PrismaClient,
  workspaceId: string,
  filters: ProductFilters,
  search: RelaxedSearch,
): Promise<ProductRow[]> {
  if (search.levelQueries.length === 0) return [];
  const where = excluding(filters, search.excludedQuery);
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
      Prisma.sql`${name('pool', index)} AS (${takePassing(filters, Prisma.sql`SELECT id FROM ${name('level', index)} ${gate}`, search.poolSize)})`,
    ];
  });
  const sources = search.levelQueries.map((_text, index) => Prisma.sql`SELECT id FROM ${name('pool', index)}`);
  const rows = await prisma.$queryRaw<ProductRow[]>`
    WITH ${Prisma.join(ctes, ', ')}, pool AS (${Prisma.join(sources, ' UNION ')})
    ${rankPool(workspaceId, search)}`;
  return rows.map(toProductRow);
}

/**
 * The last resort when no word combination matched: titles that look like the
 * words nobody has ("carigan", "windbraker"). pg_trgm's default word
 * similarity (0.6) turns away one missing letter in a short word ("carigan" to
 * "Cardigan" scores 0.55), so this query runs in a transaction that lowers it to 0.5 for itself.
 */
export async function findProductsLookingLike(
  prisma: PrismaClient,
  workspaceId: string,
  filters: ProductFilters,
  search: RelaxedSearch,
): Promise<ProductRow[]> {
  const words = search.groups.flatMap((group) => (group.unknownWord ? [group.unknownWord] : []));
  if (words.length === 0) return [];
  const where = excluding(filters, search.excludedQuery);
  const ctes = words.map(
    (word, index) => Prisma.sql`${Prisma.raw(`lookalike_${index}`)} AS MATERIALIZED (
      SELECT p.id FROM "Product" p WHERE ${where} AND ${word} <% p.title)`,
  );
  const sources = words.map(
    (_word, index) =>
      Prisma.sql`(${takePassing(filters, Prisma.sql`SELECT id FROM ${Prisma.raw(`lookalike_${index}`)}`, search.poolSize)})`,
  );
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`,
    prisma.$queryRaw<ProductRow[]>`
      WITH ${Prisma.join(ctes, ', ')}, pool AS (${Prisma.join(sources, ' UNION ')})
      ${rankPool(workspaceId, search)}`,
  ]);
  return rows.map(toProductRow);
}

function excluding(filters: ProductFilters, excludedQuery: string | undefined): Prisma.Sql {
  return excludedQuery
    ? Prisma.sql`${filters.scope} AND NOT p."searchVector" @@ to_tsquery('english', ${excludedQuery})`
    : filters.scope;
}

/** Ranks the CTE `pool`: how many of the words a product has, then text rank and title similarity. */
function rankPool(workspaceId: string, search: RelaxedSearch): Prisma.Sql {
  const matchedGroups = search.groups.map(
    ({ query, unknownWord }) =>
      Prisma.sql`(p."searchVector" @@ to_tsquery('english', ${query})${unknownWord ? Prisma.sql` OR ${unknownWord} <% p.title` : Prisma.empty})::int`,
  );
  return Prisma.sql`SELECT ${selectProductWithVariants(workspaceId)},
      (${Prisma.join(matchedGroups, ' + ')}
        + ts_rank_cd(${rankWeights}, p."searchVector", to_tsquery('english', ${search.anyQuery}), 32)
        + 0.3 * word_similarity(${search.keywords}, p.title))::float8 AS score
    FROM pool JOIN "Product" p ON p.id = pool.id
    ORDER BY score DESC, p.id LIMIT ${search.limit}`;
}
