import type { ContentKind, Prisma, PrismaClient } from '@prisma/client';
import { uuidV7 } from '../../platform/uuid-v7';
import type { RunScope } from './content.model';

type Db = PrismaClient | Prisma.TransactionClient;

/** The products a scope selects, oldest first, only this workspace's and never archived ones. */
export async function selectScopeProductIds(prisma: Db, workspaceId: string, scope: RunScope): Promise<string[]> {
  const where: Prisma.ProductWhereInput = { workspaceId, status: { not: 'archived' } };
  if (scope.type === 'products') where.id = { in: scope.productIds };
  if (scope.type === 'category') where.category = { equals: scope.category, mode: 'insensitive' };
  const rows = await prisma.product.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.id);
}

/** Characters of product text the prompts will quote, for the estimate (tokens ≈ characters / 4). */
export async function sumPromptCharacters(prisma: Db, workspaceId: string, productIds: string[]): Promise<number> {
  if (productIds.length === 0) return 0;
  const [row] = await prisma.$queryRaw<{ characters: bigint | null }[]>`
    SELECT sum(length(title) + least(length(description), 4000) + coalesce(length(category), 0)
               + coalesce(length(vendor), 0) + coalesce(length(array_to_string(tags, ', ')), 0)) AS characters
    FROM "Product" WHERE "workspaceId" = ${workspaceId}::uuid AND id = ANY(${productIds}::uuid[])`;
  return Number(row?.characters ?? 0);
}

export interface NewRun {
  workspaceId: string;
  createdByUserId: string | null;
  kinds: ContentKind[];
  languages: string[];
  scope: Prisma.InputJsonObject;
  options: Prisma.InputJsonObject;
  estimatedCostMicroUsd: bigint;
}

export interface NewDraft {
  productId: string | null;
  kind: ContentKind;
  language: string;
  sourceDraftId: string | null;
}

/**
 * The run and its queued drafts. Drafts go in with one statement over arrays:
 * 10,000 products × 3 kinds would exceed PostgreSQL's 65,535 bind parameters
 * as a multi-row insert.
 */
export async function insertRunWithDrafts(
  tx: Prisma.TransactionClient,
  run: NewRun,
  drafts: NewDraft[],
): Promise<{ runId: string; draftIds: string[] }> {
  const created = await tx.contentRun.create({
    data: {
      ...run,
      status: 'running',
      startedAt: new Date(),
      totalItems: drafts.length,
    },
    select: { id: true },
  });
  const ids = drafts.map(() => uuidV7());
  await tx.$executeRaw`
    INSERT INTO "ContentDraft" (id, "workspaceId", "runId", "productId", kind, language, "sourceDraftId", status, "updatedAt")
    SELECT draft.id, ${run.workspaceId}::uuid, ${created.id}::uuid, draft.product, draft.kind, draft.language, draft.source,
           'queued', now()
    FROM unnest(${ids}::uuid[], ${drafts.map((draft) => draft.productId)}::uuid[],
                ${drafts.map((draft) => draft.kind)}::"ContentKind"[], ${drafts.map((draft) => draft.language)}::text[],
                ${drafts.map((draft) => draft.sourceDraftId)}::uuid[])
         AS draft(id, product, kind, language, source)`;
  return { runId: created.id, draftIds: ids };
}

export interface RunProgress {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';
  kinds: ContentKind[];
  languages: string[];
  totalItems: number;
  doneItems: number;
  failedItems: number;
  remainingItems: number;
  estimatedCostMicroUsd: bigint;
  costMicroUsd: bigint;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const runSelect = {
  id: true,
  status: true,
  kinds: true,
  languages: true,
  totalItems: true,
  doneItems: true,
  failedItems: true,
  estimatedCostMicroUsd: true,
  costMicroUsd: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  cancelledAt: true,
} as const;

function toProgress(row: Prisma.ContentRunGetPayload<{ select: typeof runSelect }>): RunProgress {
  const { cancelledAt: _cancelledAt, ...rest } = row;
  const cancelled = row.status === 'cancelled' || row.status === 'failed';
  return {
    ...rest,
    // A stopped run has nothing left to do: its unprocessed drafts were cancelled.
    remainingItems: cancelled ? 0 : Math.max(0, row.totalItems - row.doneItems - row.failedItems),
  };
}

export async function findRunProgress(prisma: Db, workspaceId: string, runId: string): Promise<RunProgress | null> {
  const row = await prisma.contentRun.findFirst({ where: { id: runId, workspaceId }, select: runSelect });
  return row ? toProgress(row) : null;
}

export async function listRecentRuns(prisma: Db, workspaceId: string, take = 10): Promise<RunProgress[]> {
  const rows = await prisma.contentRun.findMany({
    where: { workspaceId },
    select: runSelect,
    orderBy: { createdAt: 'desc' },
    take,
  });
  return rows.map(toProgress);
}

/**
 * Stops a run: it is marked (cancelled, or failed with a reason) and every
 * draft still queued is cancelled, so workers that pick up its remaining jobs
 * skip them without calling a model. Returns how many drafts were stopped.
 */
export async function stopRun(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  runId: string,
  outcome: { status: 'cancelled' } | { status: 'failed'; error: string },
): Promise<number> {
  // Drafts before the run: a finishing draft locks its draft and then the run, so taking them in
  // the same order cannot deadlock with it.
  const stoppable = { id: runId, workspaceId, status: { in: ['queued' as const, 'running' as const] } };
  if ((await tx.contentRun.count({ where: stoppable })) === 0) return 0;
  const drafts = await tx.contentDraft.updateMany({
    where: { runId, workspaceId, status: 'queued' },
    data: { status: 'cancelled', error: outcome.status === 'failed' ? outcome.error : 'The run was cancelled.' },
  });
  const updated = await tx.contentRun.updateMany({
    where: stoppable,
    data: {
      status: outcome.status,
      error: outcome.status === 'failed' ? outcome.error : null,
      finishedAt: new Date(),
      cancelledAt: outcome.status === 'cancelled' ? new Date() : null,
    },
  });
  if (updated.count === 0) return 0;
  return drafts.count;
}
