import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import {
  abandonShopifySync,
  processWebhookEvent,
  SHOPIFY_SYNC_QUEUE,
  SHOPIFY_WEBHOOK_QUEUE,
  ShopifyAdminAccessError,
  type ShopifyAdminApi,
  type ShopifySyncDeps,
  type ShopifySyncJob,
  ShopifySyncTargetError,
  type ShopifyWebhookJob,
  ShopNotInstalledError,
  shopifySyncJobSchema,
  syncShop,
  WebhookEventNotFoundError,
} from '../../modules/shopify';
import type { Jobs } from '../../platform/jobs/jobs';
import { deadLetterQueueName } from '../../platform/jobs/queues';
import type { Logger } from '../../platform/logger';

const jobSchema = z.object({ eventId: z.string().uuid() });

// Failures another attempt cannot fix; the event row already says why.
const permanent = [ShopNotInstalledError, WebhookEventNotFoundError];

/** The `shopify.webhook` worker: one recorded delivery per job, retried with backoff, then dead-lettered. */
export async function registerShopifyWebhookJobs(
  deps: { jobs: Jobs; prisma: PrismaClient; log: Logger; adminApi?: ShopifyAdminApi },
  options: { pollingIntervalSeconds?: number } = {},
): Promise<string> {
  const { jobs, prisma, log, adminApi } = deps;
  return jobs.work<ShopifyWebhookJob>(
    SHOPIFY_WEBHOOK_QUEUE,
    async (job) => {
      const { eventId } = jobSchema.parse(job.data);
      try {
        const outcome = await processWebhookEvent({ prisma, log, adminApi }, eventId);
        log.debug({ eventId, outcome }, 'shopify webhook handled');
      } catch (error) {
        if (permanent.some((type) => error instanceof type)) {
          log.warn({ eventId, err: error }, 'shopify webhook not processable');
          return;
        }
        throw error;
      }
    },
    options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : undefined,
  );
}

/**
 * `shopify.sync` imports a shop's catalog and orders after install. A failed
 * attempt is retried and resumes after its last committed batch; one that
 * used up its retries lands in the dead-letter queue, whose worker marks the
 * sync's runs failed so the admin stops showing them as running.
 */
export async function registerShopifySyncJobs(
  deps: Omit<ShopifySyncDeps, 'log'> & { jobs: Jobs; log: Logger },
  options: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  const { jobs, log, ...syncDeps } = deps;
  const workOptions = options.pollingIntervalSeconds
    ? { pollingIntervalSeconds: options.pollingIntervalSeconds }
    : undefined;
  await jobs.work<ShopifySyncJob>(
    SHOPIFY_SYNC_QUEUE,
    async (job) => {
      const parsed = shopifySyncJobSchema.safeParse(job.data);
      if (!parsed.success) {
        log.error({ jobId: job.id, issues: parsed.error.issues }, 'shopify sync job with an invalid payload dropped');
        return;
      }
      const started = Date.now();
      try {
        const outcomes = await syncShop({ ...syncDeps, log }, parsed.data);
        log.info({ workspaceId: parsed.data.workspaceId, outcomes, ms: Date.now() - started }, 'shopify sync done');
      } catch (error) {
        if (error instanceof ShopifyAdminAccessError || error instanceof ShopifySyncTargetError) {
          log.warn({ workspaceId: parsed.data.workspaceId, err: error }, 'shopify sync cannot run');
          return;
        }
        throw error;
      }
    },
    workOptions,
  );
  await jobs.work<ShopifySyncJob>(
    deadLetterQueueName(SHOPIFY_SYNC_QUEUE),
    async (job) => {
      const parsed = shopifySyncJobSchema.safeParse(job.data);
      if (!parsed.success) return;
      await abandonShopifySync(
        syncDeps.prisma,
        parsed.data.workspaceId,
        'The Shopify sync stopped after repeated errors on our side.',
      );
      log.error({ workspaceId: parsed.data.workspaceId }, 'shopify sync gave up after its retries');
    },
    workOptions,
  );
}
