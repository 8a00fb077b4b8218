import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { AiEngine, ProviderId } from '../../ai';
import {
  CONTENT_GENERATE_QUEUE,
  CONTENT_PUBLISH_QUEUE,
  type ContentGenerateJob,
  type ContentPublishJob,
  createProviderPace,
  createRunContexts,
  findRunProgress,
  finishDraft,
  generateDraft,
  type ProviderLimits,
  type PublishProductContent,
  publishProduct,
  type RunProgress,
  recordPublishFailure,
} from '../../modules/content';
import type { Jobs } from '../../platform/jobs/jobs';
import { deadLetterQueueName } from '../../platform/jobs/queues';
import type { Logger } from '../../platform/logger';

const generateJobSchema = z.object({ workspaceId: z.uuid(), runId: z.uuid(), draftId: z.uuid() });
const publishJobSchema = z.object({
  workspaceId: z.uuid(),
  productId: z.uuid(),
  draftIds: z.array(z.uuid()),
  actor: z.object({
    workspaceId: z.uuid(),
    type: z.enum(['user', 'api_key', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
});

/** Where live run progress goes (the admin's sockets); tests may listen directly. */
export type ContentProgressSink = (workspaceId: string, progress: RunProgress) => void;

/**
 * Progress events, at most a few a second per run: a 10,000-item run would
 * otherwise send 10,000 events. The last one (the run finished) always goes.
 */
export function throttleProgress(
  prisma: PrismaClient,
  sink: ContentProgressSink,
  intervalMs = 500,
): (workspaceId: string, runId: string) => void {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const send = async (workspaceId: string, runId: string) => {
    pending.delete(runId);
    const progress = await findRunProgress(prisma, workspaceId, runId).catch(() => null);
    if (progress) sink(workspaceId, progress);
  };
  return (workspaceId, runId) => {
    if (pending.has(runId)) return;
    pending.set(
      runId,
      setTimeout(() => void send(workspaceId, runId), intervalMs),
    );
  };
}

/**
 * `content.generate`: one draft per job, with per-provider concurrency (pg-boss
 * group concurrency, counted across nodes) and per-provider pace (a shared
 * PostgreSQL counter). Provider outages are retried with backoff; a job that
 * used up its retries lands in the dead-letter queue, whose worker marks the
 * draft failed so its run still finishes. `content.publish` writes one
 * product's approved content to the store.
 */
export async function registerContentJobs(deps: {
  jobs: Jobs;
  prisma: PrismaClient;
  ai: AiEngine;
  log: Logger;
  providerLimits: Record<ProviderId, ProviderLimits>;
  progress?: ContentProgressSink;
  publish?: { publishProductContent: PublishProductContent; isPermanentFailure: (error: unknown) => boolean };
}): Promise<void> {
  const { jobs, prisma, log } = deps;
  const onProgress = deps.progress ? throttleProgress(prisma, deps.progress) : undefined;
  const pace = createProviderPace({ prisma, limits: deps.providerLimits });
  const runContexts = createRunContexts({ prisma, ai: deps.ai });
  // Each worker claims two drafts and generates them one after the other, fetching again at once
  // while batches come back full: pg-boss otherwise waits its polling interval between jobs, which
  // caps a worker at a couple of drafts a second whatever the provider allows. A claimed draft
  // counts against its provider's group, so the group limit is twice the calls allowed at once.
  const claimedPerWorker = 2;
  const tiers = Object.fromEntries(
    Object.entries(deps.providerLimits).map(([provider, limits]) => [provider, limits.concurrency * claimedPerWorker]),
  );
  const localConcurrency = Math.max(...Object.values(deps.providerLimits).map((limits) => limits.concurrency));

  await jobs.work<ContentGenerateJob>(
    CONTENT_GENERATE_QUEUE,
    async (job) => {
      const data = generateJobSchema.parse(job.data);
      const outcome = await generateDraft({ prisma, ai: deps.ai, pace, runContexts, onProgress }, data);
      log.debug({ ...data, outcome }, 'content draft handled');
    },
    {
      localConcurrency,
      batchSize: claimedPerWorker,
      burstWhenBatchFull: true,
      pollingIntervalSeconds: 0.5,
      groupConcurrency: { default: 4 * claimedPerWorker, tiers },
    },
  );
  await jobs.work<ContentGenerateJob>(deadLetterQueueName(CONTENT_GENERATE_QUEUE), async (job) => {
    const data = generateJobSchema.parse(job.data);
    await finishDraft({ prisma, onProgress }, data, {
      status: 'failed',
      error: 'The AI provider kept failing (outage or rate limit) through every retry. Regenerate it later.',
      attempts: 0,
    });
    log.warn(data, 'content draft gave up after its retries');
  });

  const publish = deps.publish;
  if (!publish) return;
  await jobs.work<ContentPublishJob>(CONTENT_PUBLISH_QUEUE, async (job) => {
    const data = publishJobSchema.parse(job.data);
    const outcome = await publishProduct(
      { prisma, publish: publish.publishProductContent, isPermanentFailure: publish.isPermanentFailure },
      data,
    );
    log.info({ workspaceId: data.workspaceId, productId: data.productId, outcome }, 'content published');
  });
  await jobs.work<ContentPublishJob>(deadLetterQueueName(CONTENT_PUBLISH_QUEUE), async (job) => {
    const data = publishJobSchema.parse(job.data);
    await recordPublishFailure(prisma, data, data.draftIds, 'Shopify could not be reached through every retry.');
    log.warn({ workspaceId: data.workspaceId, productId: data.productId }, 'content publish gave up after its retries');
  });
}
