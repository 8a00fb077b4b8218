import type { PrismaClient } from '@prisma/client';
import { abandonImport, IMPORT_QUEUE, type ImportJob, importJobSchema, runImport } from '../../modules/imports';
import type { Jobs } from '../../platform/jobs/jobs';
import { deadLetterQueueName } from '../../platform/jobs/queues';
import type { Logger } from '../../platform/logger';

/**
 * `import.run` runs one ImportRun. A failed attempt is retried and resumes
 * where it stopped; a job that has used up its retries lands in the dead-letter
 * queue, whose worker marks the run failed so the page stops showing it running.
 */
export async function registerImportJobs(deps: {
  jobs: Jobs;
  prisma: PrismaClient;
  log: Logger;
  /** Units written per transaction (tests use small batches). */
  batchSize?: number;
}): Promise<void> {
  const { jobs, prisma, log } = deps;
  await jobs.work<ImportJob>(IMPORT_QUEUE, async (job) => {
    const { workspaceId, runId } = importJobSchema.parse(job.data);
    const started = Date.now();
    const status = await runImport({ prisma, batchSize: deps.batchSize }, { workspaceId, runId });
    log.info({ workspaceId, runId, status, ms: Date.now() - started }, 'import finished');
  });
  await jobs.work<ImportJob>(deadLetterQueueName(IMPORT_QUEUE), async (job) => {
    const { workspaceId, runId } = importJobSchema.parse(job.data);
    await abandonImport(prisma, runId, 'The import stopped after repeated errors on our side. Please try again.');
    log.error({ workspaceId, runId }, 'import gave up after its retries');
  });
}
