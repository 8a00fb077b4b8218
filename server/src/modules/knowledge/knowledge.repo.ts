import { type KnowledgeArticle, type KnowledgeKind, Prisma, type PrismaClient } from '@prisma/client';
import type { KnowledgeHit } from './knowledge.model';

/**
 * Knowledge articles of one workspace. A workspace has tens or hundreds of
 * them, so one query can afford every signal at once: all words (first), any
 * word or a phrasing it implies, spelling variants, and trigram look-alikes
 * of the title.
 */
export interface KnowledgeQuery {
  /** The shopper's text, for websearch_to_tsquery. */
  text: string;
  /** tsquery of any word, plus words the phrasing implies ("send back" → return). */
  anyWords: string;
  /** tsquery of spelling variants of the words, or '' for none. */
  variants: string;
  /** Words long enough to compare with titles letter by letter. */
  words: string[];
  kind?: KnowledgeKind;
  limit: number;
}

const weights = Prisma.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`);

export async function findKnowledgeArticles(
  prisma: PrismaClient,
  workspaceId: string,
  query: KnowledgeQuery,
): Promise<KnowledgeHit[]> {
  const anyWords = Prisma.sql`to_tsquery('english', ${query.anyWords})`;
  const variants = Prisma.sql`to_tsquery('english', ${query.variants})`;
  // Only words no article contains are compared letter by letter: "warm" must not
  // find "Warranty". Stop words ("does") drop out. The tables are small, so the
  // threshold is a plain comparison rather than the indexed <% operator (0.6):
  // a wrong vowel in a short word ("warrenty") scores 0.5.
  const lookalike = Prisma.sql`(SELECT max(word_similarity(w, a.title)) FROM unnest(${query.words}::text[]) w
    WHERE numnode(plainto_tsquery('english', w)) > 0 AND word_similarity(w, a.title) >= 0.45
      AND NOT EXISTS (SELECT 1 FROM "KnowledgeArticle" k
        WHERE k."workspaceId" = ${workspaceId}::uuid AND k."searchVector" @@ plainto_tsquery('english', w)))`;
  const matches = [
    ...(query.anyWords ? [Prisma.sql`a."searchVector" @@ ${anyWords}`] : []),
    ...(query.variants ? [Prisma.sql`a."searchVector" @@ ${variants}`] : []),
    ...(query.words.length > 0 ? [Prisma.sql`${lookalike} IS NOT NULL`] : []),
  ];
  if (matches.length === 0) return [];
  const score = [
    Prisma.sql`2 * (a."searchVector" @@ websearch_to_tsquery('english', ${query.text}))::int`,
    ...(query.anyWords ? [Prisma.sql`ts_rank_cd(${weights}, a."searchVector", ${anyWords}, 32)`] : []),
    ...(query.variants ? [Prisma.sql`0.5 * ts_rank_cd(${weights}, a."searchVector", ${variants}, 32)`] : []),
    ...(query.words.length > 0 ? [Prisma.sql`0.5 * coalesce(${lookalike}, 0)`] : []),
  ];
  return prisma.$queryRaw<KnowledgeHit[]>`
    SELECT a.id, a.kind, a.topic, a.title, a.body, a."updatedAt", (${Prisma.join(score, ' + ')})::float8 AS score
    FROM "KnowledgeArticle" a
    WHERE a."workspaceId" = ${workspaceId}::uuid
      ${query.kind ? Prisma.sql`AND a.kind = ${query.kind}::"KnowledgeKind"` : Prisma.empty}
      AND (${Prisma.join(matches, ' OR ')})
    ORDER BY score DESC, a.id LIMIT ${query.limit}`;
}

/** The store's policies (shipping, returns, …), by topic. */
export async function listPolicies(prisma: PrismaClient, workspaceId: string): Promise<KnowledgeArticle[]> {
  return prisma.knowledgeArticle.findMany({
    where: { workspaceId, kind: 'policy' },
    orderBy: [{ topic: 'asc' }, { title: 'asc' }],
  });
}
