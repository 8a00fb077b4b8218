import type { ContentDraftStatus, ContentKind, Prisma, PrismaClient } from '@prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

export interface DraftFilter {
  runId?: string;
  status?: ContentDraftStatus;
  kind?: ContentKind;
  productId?: string;
  /** Matches the product's title or handle. */
  search?: string;
}

export interface DraftListItem {
  id: string;
  runId: string | null;
  kind: ContentKind;
  language: string;
  status: ContentDraftStatus;
  content: unknown;
  error: string | null;
  provider: string | null;
  model: string | null;
  costMicroUsd: bigint;
  updatedAt: Date;
  product: { id: string; title: string; handle: string } | null;
}

const listSelect = {
  id: true,
  runId: true,
  kind: true,
  language: true,
  status: true,
  content: true,
  error: true,
  provider: true,
  model: true,
  costMicroUsd: true,
  updatedAt: true,
  product: { select: { id: true, title: true, handle: true } },
} as const;

function whereOf(workspaceId: string, filter: DraftFilter): Prisma.ContentDraftWhereInput {
  const where: Prisma.ContentDraftWhereInput = { workspaceId };
  if (filter.runId) where.runId = filter.runId;
  if (filter.status) where.status = filter.status;
  if (filter.kind) where.kind = filter.kind;
  if (filter.productId) where.productId = filter.productId;
  if (filter.search) {
    where.product = {
      OR: [
        { title: { contains: filter.search, mode: 'insensitive' } },
        { handle: { contains: filter.search, mode: 'insensitive' } },
      ],
    };
  }
  return where;
}

export async function listDraftPage(
  prisma: Db,
  workspaceId: string,
  filter: DraftFilter,
  page: { take: number; skip: number },
): Promise<{ items: DraftListItem[]; total: number }> {
  const where = whereOf(workspaceId, filter);
  const [items, total] = await Promise.all([
    prisma.contentDraft.findMany({ where, select: listSelect, orderBy: { id: 'asc' }, ...page }),
    prisma.contentDraft.count({ where }),
  ]);
  return { items, total };
}

const recordSelect = {
  ...listSelect,
  promptVersion: true,
  createdAt: true,
  generatedAt: true,
  reviewedAt: true,
  publishedAt: true,
} as const;

export type DraftRecord = Prisma.ContentDraftGetPayload<{ select: typeof recordSelect }>;

/** Ids of the drafts a filter selects, in id order, at most `limit` (bulk actions on "all matching"). */
export async function listMatchingDraftIds(
  prisma: Db,
  workspaceId: string,
  filter: DraftFilter,
  limit: number,
): Promise<string[]> {
  const rows = await prisma.contentDraft.findMany({
    where: whereOf(workspaceId, filter),
    select: { id: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  return rows.map((row) => row.id);
}

export async function countMatchingDrafts(prisma: Db, workspaceId: string, filter: DraftFilter): Promise<number> {
  return prisma.contentDraft.count({ where: whereOf(workspaceId, filter) });
}

/**
 * Drafts page by page for systems that sync them (the REST API): keyset on
 * (createdAt, id), so a page costs the same deep into a 30,000-draft workspace
 * and drafts added meanwhile land after the pages already read.
 */
export async function listDraftsAfter(
  prisma: Db,
  workspaceId: string,
  filter: DraftFilter,
  listing: { limit: number; after?: { createdAt: Date; id: string } },
): Promise<{ items: DraftRecord[]; hasMore: boolean }> {
  const { after } = listing;
  const rows = await prisma.contentDraft.findMany({
    where: {
      ...whereOf(workspaceId, filter),
      ...(after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
        : {}),
    },
    select: recordSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: listing.limit + 1,
  });
  return { items: rows.slice(0, listing.limit), hasMore: rows.length > listing.limit };
}

/** Every draft a filter selects, in id order, a batch at a time (exports of 10,000 products). */
export async function* streamDrafts(
  prisma: Db,
  workspaceId: string,
  filter: DraftFilter,
  batchSize = 1_000,
): AsyncGenerator<DraftListItem> {
  let after: string | undefined;
  for (;;) {
    const batch: DraftListItem[] = await prisma.contentDraft.findMany({
      where: { ...whereOf(workspaceId, filter), ...(after ? { id: { gt: after } } : {}) },
      select: listSelect,
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]?.id;
  }
}

export async function findDraftWithHistory(prisma: Db, workspaceId: string, draftId: string) {
  return prisma.contentDraft.findFirst({
    where: { id: draftId, workspaceId },
    select: { ...recordSelect, revisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
}

/**
 * The drafts before and after one in the list's order (id) within its run, or
 * among drafts without a run: the draft page's previous / next, so a reviewer
 * walks a run without going back to the list.
 */
export async function findNeighbourDraftIds(
  prisma: Db,
  workspaceId: string,
  draft: { id: string; runId: string | null },
): Promise<{ previousId: string | null; nextId: string | null }> {
  const where = { workspaceId, runId: draft.runId };
  const [previous, next] = await Promise.all([
    prisma.contentDraft.findFirst({
      where: { ...where, id: { lt: draft.id } },
      select: { id: true },
      orderBy: { id: 'desc' },
    }),
    prisma.contentDraft.findFirst({
      where: { ...where, id: { gt: draft.id } },
      select: { id: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

export type DraftWithHistory = NonNullable<Awaited<ReturnType<typeof findDraftWithHistory>>>;

/** Locks the workspace's drafts among `draftIds` for a review change; other workspaces' ids are simply absent. */
export async function lockDrafts(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  draftIds: string[],
): Promise<
  { id: string; status: ContentDraftStatus; kind: ContentKind; content: unknown; productId: string | null }[]
> {
  return tx.$queryRaw`
    SELECT id, status, kind, content, "productId" FROM "ContentDraft"
    WHERE "workspaceId" = ${workspaceId}::uuid AND id = ANY(${draftIds}::uuid[])
    ORDER BY id FOR UPDATE`;
}

export async function countDraftsByStatus(
  prisma: Db,
  workspaceId: string,
  runId?: string,
): Promise<Partial<Record<ContentDraftStatus, number>>> {
  const rows = await prisma.contentDraft.groupBy({
    by: ['status'],
    where: { workspaceId, ...(runId ? { runId } : {}) },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
}
