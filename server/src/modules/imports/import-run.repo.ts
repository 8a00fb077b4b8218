import type { ImportKind, ImportRun, ImportStatus, Prisma, PrismaClient } from '@prisma/client';
import {
  formatLabels,
  type ImportFormat,
  type ImportRunFormat,
  type ImportRunSummary,
  type ImportRunView,
  importLimits,
  type RowError,
} from './import.model';

/**
 * ImportRun rows: the run's state machine (queued → running →
 * succeeded | failed | cancelled), its counters and row problems, and the
 * uploaded file until the run ends. Every read by the admin is scoped to one
 * workspace. The worker locks the row for each batch it commits, so a cancel
 * lands between batches and the counters always match what was written.
 */
type Tx = Prisma.TransactionClient;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const withoutSource = {
  id: true,
  kind: true,
  format: true,
  fileName: true,
  status: true,
  totalRows: true,
  processedRows: true,
  importedRows: true,
  failedRows: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.ImportRunSelect;

export async function createImportRun(
  tx: Tx,
  run: {
    workspaceId: string;
    kind: ImportKind;
    format: ImportFormat;
    fileName: string;
    source: Uint8Array;
    userId: string;
  },
): Promise<ImportRunSummary> {
  const created = await tx.importRun.create({
    data: {
      workspaceId: run.workspaceId,
      kind: run.kind,
      format: run.format,
      fileName: run.fileName,
      createdByUserId: run.userId,
    },
    select: withoutSource,
  });
  await storeSource(tx, created.id, run.source);
  return toSummary(created);
}

/**
 * The file goes in and out as base64 text, a few megabytes at a time: Prisma
 * hands `Bytes` through its driver adapter as arrays of numbers, which turned
 * a 17 MB file into 400 MB of heap.
 */
const sourceChunkBytes = 8 * 1024 * 1024;

async function storeSource(tx: Tx, runId: string, source: Uint8Array): Promise<void> {
  for (let offset = 0; offset < source.byteLength; offset += sourceChunkBytes) {
    const chunk = Buffer.from(
      source.buffer,
      source.byteOffset + offset,
      Math.min(sourceChunkBytes, source.byteLength - offset),
    );
    await tx.$executeRaw`
      UPDATE "ImportRun" SET source = coalesce(source, ''::bytea) || decode(${chunk.toString('base64')}, 'base64')
      WHERE id = ${runId}::uuid`;
  }
}

export async function findImportRun(
  prisma: PrismaClient,
  workspaceId: string,
  runId: string,
): Promise<ImportRunView | null> {
  if (!uuidPattern.test(runId)) return null;
  const run = await prisma.importRun.findFirst({
    where: { id: runId, workspaceId },
    select: { ...withoutSource, rowErrors: true },
  });
  return run ? { ...toSummary(run), rowErrors: run.rowErrors as unknown as RowError[] } : null;
}

export async function listImportRuns(
  prisma: PrismaClient,
  workspaceId: string,
  filter: { kind?: ImportKind; limit: number },
): Promise<ImportRunSummary[]> {
  const runs = await prisma.importRun.findMany({
    where: { workspaceId, ...(filter.kind ? { kind: filter.kind } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filter.limit,
    select: withoutSource,
  });
  return runs.map(toSummary);
}

/** Queued or running → cancelled; the count says whether it was still going. */
export async function cancelActiveRun(prisma: PrismaClient, workspaceId: string, runId: string): Promise<boolean> {
  if (!uuidPattern.test(runId)) return false;
  const { count } = await prisma.importRun.updateMany({
    where: { id: runId, workspaceId, status: { in: ['queued', 'running'] } },
    data: { status: 'cancelled', finishedAt: new Date(), source: null },
  });
  return count > 0;
}

export interface ClaimedRun {
  id: string;
  workspaceId: string;
  format: ImportFormat;
  totalRows: number | null;
  processedRows: number;
  importedRows: number;
  failedRows: number;
  rowErrors: RowError[];
  currency: string;
}

/** Marks a queued run running (a retried one stays running) and returns where it got to; null when it has ended. */
export async function claimImportRun(
  prisma: PrismaClient,
  workspaceId: string,
  runId: string,
): Promise<ClaimedRun | null> {
  const { count } = await prisma.importRun.updateMany({
    where: { id: runId, workspaceId, status: { in: ['queued', 'running'] } },
    data: { status: 'running' },
  });
  if (count === 0) return null;
  await prisma.importRun.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: new Date() } });
  const run = await prisma.importRun.findUniqueOrThrow({
    where: { id: runId },
    select: {
      id: true,
      workspaceId: true,
      format: true,
      totalRows: true,
      processedRows: true,
      importedRows: true,
      failedRows: true,
      rowErrors: true,
      workspace: { select: { currency: true } },
    },
  });
  return {
    ...run,
    format: run.format as ImportFormat,
    rowErrors: run.rowErrors as unknown as RowError[],
    currency: run.workspace.currency,
  };
}

export async function loadImportSource(prisma: PrismaClient, runId: string): Promise<Uint8Array | null> {
  const [row] = await prisma.$queryRaw<Array<{ size: number | null }>>`
    SELECT octet_length(source) AS size FROM "ImportRun" WHERE id = ${runId}::uuid`;
  if (row?.size === null || row?.size === undefined) return null;
  const source = Buffer.alloc(row.size);
  for (let offset = 0; offset < row.size; offset += sourceChunkBytes) {
    const [chunk] = await prisma.$queryRaw<Array<{ text: string }>>`
      SELECT encode(substring(source FROM ${offset + 1}::int FOR ${sourceChunkBytes}::int), 'base64') AS text
      FROM "ImportRun" WHERE id = ${runId}::uuid`;
    Buffer.from(chunk?.text ?? '', 'base64').copy(source, offset);
  }
  return source;
}

export async function saveTotalRows(prisma: PrismaClient, runId: string, totalRows: number): Promise<void> {
  await prisma.importRun.update({ where: { id: runId }, data: { totalRows }, select: { id: true } });
}

/** Holds the run's row until the transaction ends; the status it has (a cancel waits for the batch). */
export async function lockImportRun(tx: Tx, runId: string): Promise<ImportStatus | undefined> {
  const rows = await tx.$queryRaw<Array<{ status: ImportStatus }>>`
    SELECT status FROM "ImportRun" WHERE id = ${runId}::uuid FOR UPDATE`;
  return rows[0]?.status;
}

export interface RunCounters {
  processedRows: number;
  importedRows: number;
  failedRows: number;
  rowErrors: RowError[];
}

export async function saveProgress(tx: Tx, runId: string, counters: RunCounters): Promise<void> {
  // Selecting only the id: by default Prisma would send the whole row back, uploaded file included.
  await tx.importRun.update({
    where: { id: runId },
    data: { ...counters, rowErrors: counters.rowErrors.slice(0, importLimits.keptRowErrors) as object[] },
    select: { id: true },
  });
}

/** Ends a running run (a cancelled one stays cancelled) and drops the file. */
export async function finishImportRun(
  prisma: PrismaClient,
  runId: string,
  outcome: { status: 'succeeded' | 'failed'; error?: string },
): Promise<void> {
  await prisma.importRun.updateMany({
    where: { id: runId, status: { in: ['queued', 'running'] } },
    data: { status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(), source: null },
  });
}

function toSummary(run: Pick<ImportRun, keyof typeof withoutSource>): ImportRunSummary {
  const format = run.format as ImportRunFormat;
  return { ...run, format, formatLabel: formatLabels[format] ?? run.format };
}
