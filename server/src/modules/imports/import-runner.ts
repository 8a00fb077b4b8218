import type { ImportStatus, PrismaClient } from '@prisma/client';
import { ImportFileError, type ImportJob, importLimits, type RowError } from './import.model';
import { countRecords, readUnits } from './import-reader';
import {
  type ClaimedRun,
  claimImportRun,
  finishImportRun,
  loadImportSource,
  lockImportRun,
  type RunCounters,
  saveProgress,
  saveTotalRows,
} from './import-run.repo';
import { failUnit, type ImportUnit } from './import-unit';
import type { UnitOutcome, UnitWriter, WriteContext } from './import-writers';

/**
 * Runs one import: reads the file unit by unit, writes units in batches, and
 * after each batch records how far it got, in the batch's own transaction.
 * A retried job (the process died, the database went away) starts again from
 * `processedRows`, skipping units already written; units are written by
 * upsert, so even a batch written twice leaves one copy. Each batch first
 * takes the run's row lock and stops if the run is no longer running: that
 * is how a cancel stops the run between batches.
 */
export interface ImportRunnerDeps {
  prisma: PrismaClient;
  batchSize?: number;
}

/** The status the run ended in, or null when there was nothing to do (already ended). */
export async function runImport(deps: ImportRunnerDeps, job: ImportJob): Promise<ImportStatus | null> {
  const { prisma } = deps;
  const run = await claimImportRun(prisma, job.workspaceId, job.runId);
  if (!run) return null;
  const source = await loadImportSource(prisma, run.id);
  if (!source) {
    await finishImportRun(prisma, run.id, { status: 'failed', error: 'The uploaded file is no longer there.' });
    return 'failed';
  }
  try {
    if (run.totalRows === null) await saveTotalRows(prisma, run.id, await countRecords(run.format, source));
    const finished = await readUnits(run.format, source, (units, writer) =>
      writeUnits({ ...deps, batchSize: deps.batchSize ?? importLimits.batchSize }, run, units, writer),
    );
    if (!finished) return 'cancelled';
    await finishImportRun(prisma, run.id, { status: 'succeeded' });
    return 'succeeded';
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await finishImportRun(prisma, run.id, { status: 'failed', error: error.message });
    return 'failed';
  }
}

class RunStoppedError extends Error {}

/** False when the run was stopped (cancelled) before the end of the file. */
async function writeUnits<Value>(
  deps: Required<ImportRunnerDeps>,
  run: ClaimedRun,
  units: AsyncIterable<ImportUnit<Value>>,
  writer: UnitWriter<Value>,
): Promise<boolean> {
  let counters: RunCounters = {
    processedRows: run.processedRows,
    importedRows: run.importedRows,
    failedRows: run.failedRows,
    rowErrors: run.rowErrors,
  };
  const commit = async (batch: ImportUnit<Value>[]) => {
    counters = await commitBatch(deps.prisma, run, batch, writer, counters);
  };
  let batch: ImportUnit<Value>[] = [];
  try {
    for await (const unit of units) {
      // Written by an earlier attempt of this run.
      if (unit.last < run.processedRows) continue;
      batch.push(unit);
      if (batch.length >= deps.batchSize) {
        await commit(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await commit(batch);
    return true;
  } catch (error) {
    if (error instanceof RunStoppedError) return false;
    throw error;
  }
}

async function commitBatch<Value>(
  prisma: PrismaClient,
  run: ClaimedRun,
  batch: ImportUnit<Value>[],
  writer: UnitWriter<Value>,
  counters: RunCounters,
): Promise<RunCounters> {
  const writable = batch.flatMap((unit) => (unit.value === undefined ? [] : [unit.value]));
  const context = (tx: WriteContext['tx']): WriteContext => ({
    tx,
    prisma,
    workspaceId: run.workspaceId,
    currency: run.currency,
  });
  const inTransaction = <T>(work: (tx: WriteContext['tx']) => Promise<T>) =>
    prisma.$transaction(work, { maxWait: 30_000, timeout: 180_000 });
  try {
    return await inTransaction(async (tx) => {
      await assertRunning(tx, run.id);
      const outcomes = await writer.write(context(tx), writable);
      const next = advance(counters, batch, outcomes);
      await saveProgress(tx, run.id, next);
      return next;
    });
  } catch (error) {
    if (error instanceof RunStoppedError || !writer.describeError(error)) throw error;
  }
  // One unit of the batch collides with something: write them one by one to find it.
  const outcomes: UnitOutcome[] = [];
  for (const value of writable) {
    try {
      const [outcome] = await inTransaction((tx) => writer.write(context(tx), [value]));
      outcomes.push(outcome ?? null);
    } catch (error) {
      const problem = writer.describeError(error);
      if (!problem) throw error;
      outcomes.push(problem);
    }
  }
  return inTransaction(async (tx) => {
    await assertRunning(tx, run.id);
    const next = advance(counters, batch, outcomes);
    await saveProgress(tx, run.id, next);
    return next;
  });
}

async function assertRunning(tx: WriteContext['tx'], runId: string): Promise<void> {
  if ((await lockImportRun(tx, runId)) !== 'running') throw new RunStoppedError();
}

/** The counters after a batch: outcomes are in the order of the batch's writable units. */
export function advance<Value>(
  counters: RunCounters,
  batch: ImportUnit<Value>[],
  outcomes: UnitOutcome[],
): RunCounters {
  let imported = 0;
  let failed = 0;
  const errors: RowError[] = [];
  let next = 0;
  for (const unit of batch) {
    const outcome = unit.value === undefined ? undefined : (outcomes[next++] ?? null);
    if (outcome === null) {
      const failedRows = new Set(unit.errors.map((error) => error.row)).size;
      imported += unit.rows.length - failedRows;
      failed += failedRows;
      errors.push(...unit.errors);
      continue;
    }
    failed += unit.rows.length;
    if (outcome === undefined) errors.push(...unit.errors);
    else {
      const { row, ...problem } = outcome;
      const causes = row === undefined ? unit.errors : [...unit.errors, { row, ...problem }];
      errors.push(...failUnit({ ...unit, errors: causes }, row === undefined ? problem : undefined));
    }
  }
  const last = batch.at(-1);
  const room = importLimits.keptRowErrors - counters.rowErrors.length;
  return {
    processedRows: last ? last.last + 1 : counters.processedRows,
    importedRows: counters.importedRows + imported,
    failedRows: counters.failedRows + failed,
    rowErrors: room > 0 ? [...counters.rowErrors, ...errors.slice(0, room)] : counters.rowErrors,
  };
}
