import type { PrismaClient, Variant } from '@prisma/client';
import {
  InvalidProductSearchError,
  type ParsedProductSearch,
  type ProductHit,
  type ProductSearch,
  productSearchSchema,
  searchLimits,
} from './catalog.model';
import { isVariantAvailable } from './product-card.mapper';
import {
  findProductsLookingLike,
  findProductsMatchingSomeWords,
  type RelaxedSearch,
} from './product-relaxed-search.repo';
import { browseProducts, findProductsMatchingAllWords } from './product-search.repo';
import { buildProductFilters, type ProductFilters, type ProductRow } from './product-search.sql';
import {
  buildAnyTermQuery,
  buildGroupQuery,
  buildSomeTermsQuery,
  listRelaxedLevels,
  type SearchTerms,
  selectRequiredGroups,
  selectWordGroups,
  tokenizeSearch,
} from './search-terms';

/**
 * Product search for shoppers and the assistant. Retrieval runs in stages and
 * stops as soon as it has enough:
 *   1. every word matches (title matches first) — plain full-text search;
 *   2. if that is short: words no product contains get their likely spellings
 *      ("jakcet" → jacket), words in a fifth of the catalog ("warm") stop being
 *      required, and most-of-the-words (n-1 … 1) fill up, ranked by how many
 *      words they have;
 *   3. if still nothing: titles that look like the unknown words (trigrams).
 * Products matching every word always rank above partial matches.
 */
export async function searchProducts(
  prisma: PrismaClient,
  workspaceId: string,
  input: ProductSearch,
): Promise<ProductHit[]> {
  const search = parseSearch(input);
  const filters = buildProductFilters(workspaceId, search);
  const terms = tokenizeSearch(search.query ?? '');
  const rows =
    terms.words.length > 0
      ? await findRankedProducts(prisma, workspaceId, filters, search, terms)
      : await browseProducts(prisma, workspaceId, filters, search.limit);
  return rows.map(({ score, ...product }) => ({
    ...product,
    score,
    matchingPriceCents: findMatchingPrice(product.variants, search) ?? product.minPriceCents ?? 0,
  }));
}

function parseSearch(input: ProductSearch): ParsedProductSearch {
  // A model asking for 50 results gets the most we give rather than an error.
  const limit =
    typeof input.limit === 'number' && Number.isFinite(input.limit)
      ? Math.min(Math.max(1, Math.trunc(input.limit)), searchLimits.maxResults)
      : input.limit;
  const parsed = productSearchSchema.safeParse({ ...input, limit });
  if (!parsed.success) {
    throw new InvalidProductSearchError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return parsed.data;
}

async function findRankedProducts(
  prisma: PrismaClient,
  workspaceId: string,
  filters: ProductFilters,
  search: ParsedProductSearch,
  terms: SearchTerms,
): Promise<ProductRow[]> {
  const keywords = search.query ?? '';
  // Enough candidates that ranking has a choice, few enough that a word in
  // every tenth product costs no more than a rare one.
  const poolSize = Math.max(40, search.limit * 4);
  const strict = await findProductsMatchingAllWords(prisma, workspaceId, filters, {
    keywords,
    words: terms.words,
    limit: search.limit,
    poolSize,
  });
  if (strict.products.length >= search.limit || !strict.wordStats) return strict.products;

  // Something matched every word, so no word needs correcting.
  const groups = selectWordGroups(terms.words, strict.wordStats, strict.products.length > 0);
  // Nothing but stop words ("what do you have?"): show what is new.
  if (groups.length === 0) {
    return strict.products.length > 0 ? strict.products : browseProducts(prisma, workspaceId, filters, search.limit);
  }
  const required = selectRequiredGroups(groups);
  const corrected = required.some((group) => group.alternatives.length > 0);
  const levels = [...(corrected ? [required.length] : []), ...listRelaxedLevels(required.length)];
  const relaxedSearch: RelaxedSearch = {
    keywords,
    groups: groups.map((group) => ({
      query: buildGroupQuery(group),
      unknownWord: group.known || group.word.length < 4 ? undefined : group.word,
    })),
    levelQueries: levels.map((count) => buildSomeTermsQuery(required, count)),
    anyQuery: buildAnyTermQuery(groups),
    excludedQuery: terms.excluded.length > 0 ? terms.excluded.join(' | ') : undefined,
    limit: search.limit,
    poolSize,
  };
  let relaxed = await findProductsMatchingSomeWords(prisma, workspaceId, filters, relaxedSearch);
  if (relaxed.length === 0 && strict.products.length === 0) {
    relaxed = await findProductsLookingLike(prisma, workspaceId, filters, relaxedSearch);
  }
  // Matching every word counts as having every group, so those stay on top.
  const complete = strict.products.map((product) => ({ ...product, score: product.score + groups.length }));
  return mergeByScore([...complete, ...relaxed]).slice(0, search.limit);
}

function mergeByScore(rows: ProductRow[]): ProductRow[] {
  const best = new Map<string, ProductRow>();
  for (const row of rows) {
    const seen = best.get(row.id);
    if (!seen || row.score > seen.score) best.set(row.id, row);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The cheapest variant the filters allow, preferring ones in stock. */
function findMatchingPrice(variants: Variant[], search: ParsedProductSearch): number | undefined {
  const allowed = variants.filter(
    (variant) =>
      (search.minPriceCents === undefined || variant.priceCents >= search.minPriceCents) &&
      (search.maxPriceCents === undefined || variant.priceCents <= search.maxPriceCents) &&
      (!search.inStockOnly || isVariantAvailable(variant)),
  );
  const available = allowed.filter(isVariantAvailable);
  const prices = (available.length > 0 ? available : allowed).map((variant) => variant.priceCents);
  return prices.length > 0 ? Math.min(...prices) : undefined;
}
