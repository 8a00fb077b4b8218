import type { ImportKind, Prisma, PrismaClient } from '@prisma/client';
import {
  ImportFileError,
  ImportFileTooLargeError,
  type ImportJob,
  ImportRunFinishedError,
  ImportRunNotFoundError,
  type ImportRunSummary,
  type ImportRunView,
  importLimits,
  startImportSchema,
} from './import.model';
import { detectFormat } from './import-format';
import { cancelActiveRun, createImportRun, findImportRun, finishImportRun, listImportRuns } from './import-run.repo';

/**
 * Starting, reading and cancelling imports for one workspace. Starting
 * checks what can be checked at once — size, format, required columns — so
 * the person hears about a wrong file on the form, not minutes later; the run
 * row and its `import.run` job are written in one transaction, so a job never
 * exists without its row.
 */
export const IMPORT_QUEUE = 'import.run';

export interface ImportDeps {
  prisma: PrismaClient;
  jobs: {
    sendInTransaction(tx: Prisma.TransactionClient, name: string, data: object): Promise<string | null>;
  };
}

export async function startImport(
  deps: ImportDeps,
  who: { workspaceId: string; userId: string },
  request: { kind: ImportKind; format?: string; fileName: string; source: Uint8Array<ArrayBuffer> },
): Promise<ImportRunSummary> {
  const input = startImportSchema.parse({ kind: request.kind, format: request.format, fileName: request.fileName });
  const { source } = request;
  if (source.byteLength > importLimits.maxFileBytes) throw new ImportFileTooLargeError(source.byteLength);
  if (source.byteLength === 0) throw new ImportFileError('The file is empty.');
  const format = await detectFormat(input.kind, input.fileName, source, input.format);
  return deps.prisma.$transaction(
    async (tx) => {
      const run = await createImportRun(tx, { ...who, kind: input.kind, format, fileName: input.fileName, source });
      await deps.jobs.sendInTransaction(tx, IMPORT_QUEUE, {
        workspaceId: who.workspaceId,
        runId: run.id,
      } satisfies ImportJob);
      return run;
    },
    { timeout: 60_000 },
  );
}

export async function getImport(prisma: PrismaClient, workspaceId: string, runId: string): Promise<ImportRunView> {
  const run = await findImportRun(prisma, workspaceId, runId);
  if (!run) throw new ImportRunNotFoundError(runId);
  return run;
}

export function listRecentImports(
  prisma: PrismaClient,
  workspaceId: string,
  kind?: ImportKind,
): Promise<ImportRunSummary[]> {
  return listImportRuns(prisma, workspaceId, { kind, limit: importLimits.recentRuns });
}

export async function cancelImport(prisma: PrismaClient, workspaceId: string, runId: string): Promise<ImportRunView> {
  if (await cancelActiveRun(prisma, workspaceId, runId)) return getImport(prisma, workspaceId, runId);
  const run = await getImport(prisma, workspaceId, runId);
  throw new ImportRunFinishedError(run.status);
}

/** The job gave up on a run (its retries are used up): the run says so instead of staying "running". */
export async function abandonImport(prisma: PrismaClient, runId: string, reason: string): Promise<void> {
  await finishImportRun(prisma, runId, { status: 'failed', error: reason });
}
