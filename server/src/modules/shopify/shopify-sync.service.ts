import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { Logger } from '../../platform/logger';
import type { RowError } from '../imports';
import { ShopifyAdminAccessError, type ShopifyAdminApi, ShopifyGraphqlError } from './admin-graphql.client';
import { shopCountsQuery } from './admin-graphql.queries';
import { BulkResultFormatError } from './bulk-result.reader';
import { isShopDomain } from './shopify-signature';
import {
  readBulkBatches,
  readPages,
  type SyncBatch,
  type SyncItem,
  type SyncWorkspace,
  startBulkOperation,
  syncKinds,
  waitForBulkOperation,
} from './shopify-sync.sources';
import {
  claimSyncRun,
  commitSyncProgress,
  failActiveSyncRuns,
  finishSyncRun,
  openSyncRuns,
  type SyncCheckpoint,
  type SyncCounters,
  type SyncKind,
  type SyncRun,
  SyncRunStoppedError,
  SyncRunSupersededError,
  saveSyncTotal,
} from './shopify-sync-run.repo';

/**
 * The full import of a shop's catalog and orders after install (`shopify.sync`).
 * A shop with more than `bulkThreshold` products (orders) is read through a
 * bulk operation, a smaller one page by page. Rows go through the same row
 * writers as webhooks, so an import and a webhook converge on one row; a
 * retried job resumes after the last committed batch, and writing a batch
 * twice leaves one copy.
 */
export const SHOPIFY_SYNC_QUEUE = 'shopify.sync';

export const shopifySyncJobSchema = z.object({
  workspaceId: z.uuid(),
  shop: z.string().refine(isShopDomain, 'must be a *.myshopify.com domain'),
});
export type ShopifySyncJob = z.infer<typeof shopifySyncJobSchema>;

export type SyncRunOutcome = 'succeeded' | 'failed' | 'cancelled' | 'superseded' | 'skipped';

export interface ShopifySyncDeps {
  prisma: PrismaClient;
  adminApi: ShopifyAdminApi;
  log: Logger;
  /** Products or orders above which a bulk operation replaces paginated queries. */
  bulkThreshold?: number;
  pageSize?: number;
  childrenPageSize?: number;
  /** Bulk records written per transaction. */
  bulkBatchSize?: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The job names a workspace that is not that shop's: nothing to sync, and retrying will not change it. */
export class ShopifySyncTargetError extends Error {
  override readonly name = 'ShopifySyncTargetError';
}

// Ten orders with ten lines each cost about 870 of the 1,000 points Shopify allows one query.
const defaultPageSize = 10;

// Prisma's codes for a row the database refuses (too long, duplicate key, bad reference, out of range …).
const dataErrorCodes = new Set([
  'P2000',
  'P2002',
  'P2003',
  'P2004',
  'P2005',
  'P2006',
  'P2007',
  'P2011',
  'P2020',
  'P2023',
]);

export async function syncShop(deps: ShopifySyncDeps, job: ShopifySyncJob): Promise<Record<SyncKind, SyncRunOutcome>> {
  const { prisma } = deps;
  const found = await prisma.workspace.findFirst({
    where: { id: job.workspaceId, shopDomain: job.shop },
    select: { id: true, currency: true, shopifyUninstalledAt: true },
  });
  if (!found) throw new ShopifySyncTargetError(`Workspace ${job.workspaceId} is not the workspace of ${job.shop}`);
  const outcomes: Record<SyncKind, SyncRunOutcome> = { products: 'skipped', orders: 'skipped' };
  if (found.shopifyUninstalledAt) {
    await failActiveSyncRuns(prisma, found.id, 'The app was uninstalled before the Shopify sync finished.');
    return outcomes;
  }
  const workspace: SyncWorkspace = { id: found.id, currency: found.currency, shop: job.shop };
  const runs = await openSyncRuns(prisma, workspace.id, job.shop);
  try {
    const counts = runs.some((run) => run.totalRows === null)
      ? await deps.adminApi.request<Record<string, { count: number }>>(job.shop, shopCountsQuery)
      : {};
    for (const run of runs) {
      outcomes[run.kind] = await syncRun(deps, workspace, run, counts[syncKinds[run.kind].countField]?.count ?? 0);
    }
  } catch (error) {
    if (error instanceof ShopifyAdminAccessError) {
      await failActiveSyncRuns(prisma, workspace.id, error.message);
    }
    throw error;
  }
  return outcomes;
}

/** Queues a sync of the workspace's shop (a retry from the admin; install queues its own in its transaction). */
export async function requestShopifySync(
  deps: { prisma: PrismaClient; jobs: { send(name: string, data: object): Promise<string | null> } },
  workspaceId: string,
): Promise<void> {
  const workspace = await deps.prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { shopDomain: true, shopifyUninstalledAt: true },
  });
  if (!workspace?.shopDomain || workspace.shopifyUninstalledAt) {
    throw new ShopifySyncTargetError('This workspace has no installed Shopify store to sync.');
  }
  await deps.jobs.send(SHOPIFY_SYNC_QUEUE, { workspaceId, shop: workspace.shopDomain } satisfies ShopifySyncJob);
}

/** The sync's job gave up (retries used up): its runs say so instead of staying "running". */
export function abandonShopifySync(prisma: PrismaClient, workspaceId: string, reason: string): Promise<number> {
  return failActiveSyncRuns(prisma, workspaceId, reason);
}

interface RunState {
  checkpoint: SyncCheckpoint;
  counters: SyncCounters;
}

async function syncRun(
  deps: ShopifySyncDeps,
  workspace: SyncWorkspace,
  run: SyncRun,
  count: number,
): Promise<SyncRunOutcome> {
  const { prisma, log } = deps;
  if (!(await claimSyncRun(prisma, run.id))) return 'cancelled';
  if (run.totalRows === null) await saveSyncTotal(prisma, run.id, count);
  const mode = run.checkpoint.mode ?? (count > (deps.bulkThreshold ?? 2_000) ? 'bulk' : 'paginated');
  const state: RunState = {
    checkpoint: run.checkpoint,
    counters: {
      processedRows: run.processedRows,
      importedRows: run.importedRows,
      failedRows: run.failedRows,
      rowErrors: run.rowErrors,
    },
  };
  const started = Date.now();
  try {
    const batches =
      mode === 'bulk'
        ? await openBulkBatches(deps, workspace, run, state)
        : readPages(
            deps.adminApi,
            workspace.shop,
            syncKinds[run.kind],
            { cursor: state.checkpoint.cursor ?? null },
            {
              pageSize: deps.pageSize ?? defaultPageSize,
              childrenPageSize: deps.childrenPageSize ?? defaultPageSize,
            },
          );
    for await (const batch of batches) await commitBatch(deps, workspace, run, state, batch);
  } catch (error) {
    if (error instanceof SyncRunStoppedError) return 'cancelled';
    if (error instanceof SyncRunSupersededError) return 'superseded';
    if (error instanceof BulkResultFormatError) {
      await finishSyncRun(prisma, run.id, { status: 'failed', error: error.message });
      return 'failed';
    }
    throw error;
  }
  await finishSyncRun(prisma, run.id, { status: 'succeeded' });
  log.info(
    { workspaceId: workspace.id, kind: run.kind, mode, ...summary(state.counters), ms: Date.now() - started },
    'shopify sync finished',
  );
  return 'succeeded';
}

function summary(counters: SyncCounters) {
  return { processed: counters.processedRows, imported: counters.importedRows, failed: counters.failedRows };
}

/**
 * Starts the run's bulk operation, or picks up the one an earlier attempt
 * started (its id is committed before waiting), waits for it, and opens its
 * file. An operation that failed on Shopify's side is forgotten, so the
 * retry starts a fresh one.
 */
async function openBulkBatches(
  deps: ShopifySyncDeps,
  workspace: SyncWorkspace,
  run: SyncRun,
  state: RunState,
): Promise<AsyncIterable<SyncBatch> | SyncBatch[]> {
  const api = deps.adminApi;
  let operationId = state.checkpoint.bulkOperationId;
  if (!operationId) {
    operationId = await startBulkOperation(api, workspace.shop, syncKinds[run.kind].bulkQuery);
    await commitBatch(deps, workspace, run, state, {
      items: [],
      checkpoint: { mode: 'bulk', bulkOperationId: operationId },
    });
  }
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const operation = await waitForBulkOperation(api, workspace.shop, operationId, {
    pollIntervalMs: deps.pollIntervalMs ?? 2_000,
    maxPollIntervalMs: 30_000,
    waitLimitMs: 100 * 60 * 1000,
    sleep,
  });
  if (operation.status !== 'COMPLETED') {
    await commitBatch(deps, workspace, run, state, { items: [], checkpoint: { mode: 'bulk' } });
    throw new ShopifyGraphqlError(
      `The bulk export ended ${operation.status}${operation.errorCode ? ` (${operation.errorCode})` : ''}`,
      [],
    );
  }
  await saveSyncTotal(deps.prisma, run.id, Number(operation.rootObjectCount));
  // A shop with nothing to export gets no file.
  if (!operation.url) return [];
  return readBulkBatches(api, operation.url, {
    skip: state.counters.processedRows,
    batchSize: deps.bulkBatchSize ?? 250,
    bulkOperationId: operationId,
  });
}

/**
 * Writes a batch and its progress in one transaction. When a row refuses to
 * go in (a handle another product already uses, a value too long), the batch
 * is written again one row at a time so only that row is reported.
 */
async function commitBatch(
  deps: ShopifySyncDeps,
  workspace: SyncWorkspace,
  run: SyncRun,
  state: RunState,
  batch: SyncBatch,
): Promise<void> {
  const { prisma } = deps;
  const write = syncKinds[run.kind].write;
  const transaction = { maxWait: 30_000, timeout: 180_000 };
  try {
    const counters = advance(state.counters, batch.items.length, []);
    state.checkpoint = await prisma.$transaction(async (tx) => {
      for (const item of batch.items) await write(tx, workspace, item);
      return commitSyncProgress(tx, run.id, state.checkpoint.step, counters, batch.checkpoint);
    }, transaction);
    state.counters = counters;
    return;
  } catch (error) {
    if (!isDataError(error)) throw error;
  }
  const failures: RowError[] = [];
  for (const [index, item] of batch.items.entries()) {
    try {
      await prisma.$transaction((tx) => write(tx, workspace, item), transaction);
    } catch (error) {
      if (!isDataError(error)) throw error;
      failures.push(describeFailure(state.counters.processedRows + index + 1, item, error));
    }
  }
  const counters = advance(state.counters, batch.items.length, failures);
  state.checkpoint = await prisma.$transaction(
    (tx) => commitSyncProgress(tx, run.id, state.checkpoint.step, counters, batch.checkpoint),
    transaction,
  );
  state.counters = counters;
}

function advance(counters: SyncCounters, items: number, failures: RowError[]): SyncCounters {
  return {
    processedRows: counters.processedRows + items,
    importedRows: counters.importedRows + items - failures.length,
    failedRows: counters.failedRows + failures.length,
    rowErrors: [...counters.rowErrors, ...failures],
  };
}

function isDataError(error: unknown): boolean {
  return dataErrorCodes.has((error as { code?: string }).code ?? '');
}

function describeFailure(row: number, item: SyncItem, error: unknown): RowError {
  const code = (error as { code?: string }).code;
  const message =
    code === 'P2002'
      ? 'Another product or order in this workspace already uses its handle or id.'
      : 'The row could not be stored (a value is too long or out of range).';
  return { row, message: `${String(item.node.handle ?? item.node.name ?? item.node.id)}: ${message}` };
}
