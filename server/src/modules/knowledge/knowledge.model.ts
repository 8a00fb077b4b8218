import type { KnowledgeArticle, KnowledgeKind } from '@prisma/client';

/** A policy, FAQ entry or page the assistant may cite, with how well it matched. */
export type KnowledgeHit = Pick<KnowledgeArticle, 'id' | 'kind' | 'topic' | 'title' | 'body' | 'updatedAt'> & {
  score: number;
};

export interface KnowledgeSearchOptions {
  /** Default 3, at most 10. */
  limit?: number;
  kind?: KnowledgeKind;
}

export const knowledgeLimits = { defaultResults: 3, maxResults: 10, queryLength: 500 } as const;
