import type { Prisma, PrismaClient } from '@prisma/client';
import type { RowError } from '../imports';

/**
 * A Shopify sync is recorded as two ImportRun rows (products, orders) with
 * format `shopify_sync`, so the catalog and orders pages list it with its
 * progress beside file imports, and their cancel button stops it. The runs
 * follow the imports' state machine (queued → running → succeeded | failed |
 * cancelled). Where the sync got to (page cursor or bulk operation) is kept
 * in the run's `source`, the column that holds an upload's file for a file
 * import: written in the same transaction as the rows it covers, and cleared
 * when the run ends.
 */
type Tx = Prisma.TransactionClient;

export const SHOPIFY_SYNC_FORMAT = 'shopify_sync';
export type SyncKind = 'products' | 'orders';

export interface SyncCheckpoint {
  /** Bumped by every commit: a second worker on the same run sees it move and stops. */
  step: number;
  mode?: 'paginated' | 'bulk';
  cursor?: string | null;
  bulkOperationId?: string;
}

export interface SyncCounters {
  processedRows: number;
  importedRows: number;
  failedRows: number;
  rowErrors: RowError[];
}

export interface SyncRun extends SyncCounters {
  id: string;
  workspaceId: string;
  kind: SyncKind;
  totalRows: number | null;
  checkpoint: SyncCheckpoint;
}

/** The run was cancelled from the admin or ended by someone else. */
export class SyncRunStoppedError extends Error {}
/** Another worker committed to this run since we read it (a duplicate job). */
export class SyncRunSupersededError extends Error {}

const keptRowErrors = 1_000;
const runSelect = {
  id: true,
  workspaceId: true,
  kind: true,
  totalRows: true,
  processedRows: true,
  importedRows: true,
  failedRows: true,
  rowErrors: true,
  source: true,
} satisfies Prisma.ImportRunSelect;

function toSyncRun(row: Prisma.ImportRunGetPayload<{ select: typeof runSelect }>): SyncRun {
  const { source, rowErrors, kind, ...rest } = row;
  return {
    ...rest,
    kind: kind as SyncKind,
    rowErrors: rowErrors as unknown as RowError[],
    checkpoint: source ? (JSON.parse(Buffer.from(source).toString('utf8')) as SyncCheckpoint) : { step: 0 },
  };
}

/**
 * The workspace's unfinished sync runs, or a new pair when none is left: a
 * retried job resumes its runs, a new job (a reinstall) starts over. The
 * workspace row is locked so two jobs arriving together open one pair.
 */
export async function openSyncRuns(prisma: PrismaClient, workspaceId: string, shop: string): Promise<SyncRun[]> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    const active = await tx.importRun.findMany({
      where: { workspaceId, format: SHOPIFY_SYNC_FORMAT, status: { in: ['queued', 'running'] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: runSelect,
    });
    if (active.length > 0) return active.map(toSyncRun).sort(byKind);
    const created: SyncRun[] = [];
    for (const kind of ['products', 'orders'] as const) {
      const row = await tx.importRun.create({
        data: { workspaceId, kind, format: SHOPIFY_SYNC_FORMAT, fileName: `Shopify store ${shop}` },
        select: runSelect,
      });
      created.push(toSyncRun(row));
    }
    return created;
  });
}

// Products first: order lines point at the products and variants the catalog sync wrote.
function byKind(a: SyncRun, b: SyncRun): number {
  return a.kind === b.kind ? 0 : a.kind === 'products' ? -1 : 1;
}

/** Marks the run running; false when it ended meanwhile (cancelled from the admin). */
export async function claimSyncRun(prisma: PrismaClient, runId: string): Promise<boolean> {
  const { count } = await prisma.importRun.updateMany({
    where: { id: runId, status: { in: ['queued', 'running'] } },
    data: { status: 'running' },
  });
  if (count === 0) return false;
  await prisma.importRun.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: new Date() } });
  return true;
}

export async function saveSyncTotal(prisma: PrismaClient, runId: string, totalRows: number): Promise<void> {
  await prisma.importRun.update({ where: { id: runId }, data: { totalRows }, select: { id: true } });
}

/**
 * Records progress inside the transaction that wrote the rows it counts,
 * after checking, under the run's row lock, that the run is still running
 * and still where this worker left it.
 */
export async function commitSyncProgress(
  tx: Tx,
  runId: string,
  expectedStep: number,
  counters: SyncCounters,
  checkpoint: Omit<SyncCheckpoint, 'step'>,
): Promise<SyncCheckpoint> {
  const [row] = await tx.$queryRaw<Array<{ status: string; checkpoint: string | null }>>`
    SELECT status::text AS status, convert_from(source, 'UTF8') AS checkpoint
    FROM "ImportRun" WHERE id = ${runId}::uuid FOR UPDATE`;
  if (row?.status !== 'running') throw new SyncRunStoppedError(`Sync run ${runId} is ${row?.status ?? 'gone'}`);
  const stored = row.checkpoint ? (JSON.parse(row.checkpoint) as SyncCheckpoint) : { step: 0 };
  if (stored.step !== expectedStep) throw new SyncRunSupersededError(`Sync run ${runId} moved on without us`);
  const next: SyncCheckpoint = { ...checkpoint, step: expectedStep + 1 };
  await tx.importRun.update({
    where: { id: runId },
    data: {
      ...counters,
      rowErrors: counters.rowErrors.slice(0, keptRowErrors) as unknown as Prisma.InputJsonValue,
      source: Buffer.from(JSON.stringify(next), 'utf8'),
    },
    select: { id: true },
  });
  return next;
}

/** Ends a running run (a cancelled one stays cancelled) and drops its checkpoint. */
export async function finishSyncRun(
  prisma: PrismaClient,
  runId: string,
  outcome: { status: 'succeeded' | 'failed'; error?: string },
): Promise<void> {
  await prisma.importRun.updateMany({
    where: { id: runId, status: { in: ['queued', 'running'] } },
    data: { status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(), source: null },
  });
}

/** Every unfinished sync run of the workspace ends as failed (uninstalled, access refused, retries used up). */
export async function failActiveSyncRuns(prisma: PrismaClient, workspaceId: string, reason: string): Promise<number> {
  const { count } = await prisma.importRun.updateMany({
    where: { workspaceId, format: SHOPIFY_SYNC_FORMAT, status: { in: ['queued', 'running'] } },
    data: { status: 'failed', error: reason, finishedAt: new Date(), source: null },
  });
  return count;
}
