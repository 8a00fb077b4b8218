import type { PrismaClient } from '@prisma/client';
import { listTypoCorrections, tokenizeSearch } from '../catalog';
import { type KnowledgeHit, type KnowledgeSearchOptions, knowledgeLimits } from './knowledge.model';
import { findKnowledgeArticles } from './knowledge.repo';
import { expandShopperPhrasing } from './shopper-phrasing';

/**
 * The passages the assistant may cite for a shopper's question: articles with
 * all the words first, then any of them or of the words their phrasing
 * implies, then spelling variants and titles that look like the words.
 */
export async function searchKnowledge(
  prisma: PrismaClient,
  workspaceId: string,
  query: string,
  options: KnowledgeSearchOptions = {},
): Promise<KnowledgeHit[]> {
  const text = query.trim().slice(0, knowledgeLimits.queryLength);
  const limit = Math.min(
    Math.max(1, Math.trunc(options.limit ?? knowledgeLimits.defaultResults)),
    knowledgeLimits.maxResults,
  );
  const { words } = tokenizeSearch(text);
  const implied = expandShopperPhrasing(text).filter((word) => !words.includes(word));
  if (words.length === 0 && implied.length === 0) return [];
  const longWords = words.filter((word) => word.length >= 4);
  return findKnowledgeArticles(prisma, workspaceId, {
    text,
    anyWords: [...words, ...implied].join(' | '),
    variants: longWords.flatMap((word) => listTypoCorrections(word)).join(' | '),
    words: longWords,
    kind: options.kind,
    limit,
  });
}
