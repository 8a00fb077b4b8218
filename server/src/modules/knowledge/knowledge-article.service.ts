import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import {
  type EditableKind,
  type KnowledgeArticleInput,
  KnowledgeArticleNotFoundError,
  type KnowledgeArticlePage,
  type KnowledgeArticleView,
  knowledgeArticleInputSchema,
  knowledgeArticleLimits,
} from './knowledge-article.model';
import {
  deleteKnowledgeArticle,
  insertKnowledgeArticle,
  listKnowledgeArticlesPage,
  updateKnowledgeArticle,
} from './knowledge-article.repo';

/**
 * Editing what the assistant knows. Every call is scoped to one workspace: an
 * id of another workspace's article is "not found", exactly like a made-up one.
 */
export async function listKnowledgeArticles(
  prisma: PrismaClient,
  workspaceId: string,
  kind: EditableKind,
  page = 1,
): Promise<KnowledgeArticlePage> {
  const take = knowledgeArticleLimits.pageSize;
  const wanted = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const { articles, total } = await listKnowledgeArticlesPage(prisma, workspaceId, kind, {
    skip: (wanted - 1) * take,
    take,
  });
  return { articles, total, page: wanted, pageCount: Math.max(1, Math.ceil(total / take)) };
}

export async function createKnowledgeArticle(
  prisma: PrismaClient,
  workspaceId: string,
  input: KnowledgeArticleInput,
): Promise<KnowledgeArticleView> {
  return insertKnowledgeArticle(prisma, workspaceId, toRow(knowledgeArticleInputSchema.parse(input)));
}

export async function editKnowledgeArticle(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
  input: KnowledgeArticleInput,
): Promise<KnowledgeArticleView> {
  const article = toRow(knowledgeArticleInputSchema.parse(input));
  const updated = isUuid(id) ? await updateKnowledgeArticle(prisma, workspaceId, id, article) : null;
  if (!updated) throw new KnowledgeArticleNotFoundError();
  return updated;
}

export async function removeKnowledgeArticle(prisma: PrismaClient, workspaceId: string, id: string): Promise<void> {
  if (!isUuid(id) || !(await deleteKnowledgeArticle(prisma, workspaceId, id)))
    throw new KnowledgeArticleNotFoundError();
}

function toRow(input: z.output<typeof knowledgeArticleInputSchema>) {
  return {
    kind: input.kind,
    topic: input.kind === 'policy' ? input.topic : null,
    title: input.title,
    body: input.body,
  };
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;
