import type { KnowledgeArticle } from '@prisma/client';
import { z } from 'zod';

/**
 * What the merchant writes for the assistant to cite: policies (one per
 * topic, usually) and FAQ entries (a question and its answer). Pages come
 * from imports, not from this editor.
 */
export const policyTopics = [
  'shipping',
  'returns',
  'exchanges',
  'warranty',
  'payment',
  'privacy',
  'terms',
  'other',
] as const;
export type EditableKind = 'policy' | 'faq';

export const knowledgeArticleLimits = { title: 200, body: 10_000, pageSize: 25 } as const;

const title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(knowledgeArticleLimits.title, `at most ${knowledgeArticleLimits.title} characters`);
const body = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(knowledgeArticleLimits.body, `at most ${knowledgeArticleLimits.body.toLocaleString('en')} characters`);

export const knowledgeArticleInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('policy'),
      topic: z.enum(policyTopics, { message: `must be one of ${policyTopics.join(', ')}` }),
      title,
      body,
    }),
    z.object({ kind: z.literal('faq'), title, body }),
  ],
  { error: () => 'must be policy or faq' },
);
/** As a form submits it: checked by `knowledgeArticleInputSchema`, which says what is wrong per field. */
export interface KnowledgeArticleInput {
  kind: string;
  topic?: string | null;
  title: string;
  body: string;
}

export type KnowledgeArticleView = Pick<KnowledgeArticle, 'id' | 'kind' | 'topic' | 'title' | 'body' | 'updatedAt'>;

export interface KnowledgeArticlePage {
  articles: KnowledgeArticleView[];
  total: number;
  page: number;
  pageCount: number;
}

/** Unknown or another workspace's: the same answer, so ids cannot be probed. */
export class KnowledgeArticleNotFoundError extends Error {
  override readonly name = 'KnowledgeArticleNotFoundError';
  readonly status = 404;
  constructor() {
    super('No such policy or FAQ entry (it may have been deleted).');
  }
}
