import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import {
  processWebhookEvent,
  SHOPIFY_WEBHOOK_QUEUE,
  type ShopifyWebhookJob,
  ShopNotInstalledError,
  WebhookEventNotFoundError,
} from '../../modules/shopify';
import type { Jobs } from '../../platform/jobs/jobs';
import type { Logger } from '../../platform/logger';

const jobSchema = z.object({ eventId: z.string().uuid() });

// Failures another attempt cannot fix; the event row already says why.
const permanent = [ShopNotInstalledError, WebhookEventNotFoundError];

/** The `shopify.webhook` worker: one recorded delivery per job, retried with backoff, then dead-lettered. */
export async function registerShopifyWebhookJobs(
  deps: { jobs: Jobs; prisma: PrismaClient; log: Logger },
  options: { pollingIntervalSeconds?: number } = {},
): Promise<string> {
  const { jobs, prisma, log } = deps;
  return jobs.work<ShopifyWebhookJob>(
    SHOPIFY_WEBHOOK_QUEUE,
    async (job) => {
      const { eventId } = jobSchema.parse(job.data);
      try {
        const outcome = await processWebhookEvent({ prisma, log }, eventId);
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
