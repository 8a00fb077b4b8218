import type { KnowledgeKind, PrismaClient } from '@prisma/client';
import type { KnowledgeArticleView } from './knowledge-article.model';

/** Policies and FAQ entries of one workspace, for the admin's editor. The search triggers keep `searchVector` current. */
const view = { id: true, kind: true, topic: true, title: true, body: true, updatedAt: true } as const;

export async function listKnowledgeArticlesPage(
  prisma: PrismaClient,
  workspaceId: string,
  kind: KnowledgeKind,
  page: { skip: number; take: number },
): Promise<{ articles: KnowledgeArticleView[]; total: number }> {
  const where = { workspaceId, kind };
  const [articles, total] = await prisma.$transaction([
    prisma.knowledgeArticle.findMany({
      where,
      orderBy: [{ topic: 'asc' }, { title: 'asc' }, { id: 'asc' }],
      skip: page.skip,
      take: page.take,
      select: view,
    }),
    prisma.knowledgeArticle.count({ where }),
  ]);
  return { articles, total };
}

export async function insertKnowledgeArticle(
  prisma: PrismaClient,
  workspaceId: string,
  article: { kind: KnowledgeKind; topic: string | null; title: string; body: string },
): Promise<KnowledgeArticleView> {
  return prisma.knowledgeArticle.create({ data: { workspaceId, ...article }, select: view });
}

/** Null when the workspace has no such article (of that kind). */
export async function updateKnowledgeArticle(
  prisma: PrismaClient,
  workspaceId: string,
  id: string,
  article: { kind: KnowledgeKind; topic: string | null; title: string; body: string },
): Promise<KnowledgeArticleView | null> {
  const { count } = await prisma.knowledgeArticle.updateMany({ where: { id, workspaceId }, data: article });
  if (count === 0) return null;
  return prisma.knowledgeArticle.findFirst({ where: { id, workspaceId }, select: view });
}

export async function deleteKnowledgeArticle(prisma: PrismaClient, workspaceId: string, id: string): Promise<boolean> {
  const { count } = await prisma.knowledgeArticle.deleteMany({ where: { id, workspaceId } });
  return count === 1;
}
