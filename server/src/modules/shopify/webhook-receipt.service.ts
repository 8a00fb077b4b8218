import type { Prisma, PrismaClient } from '@prisma/client';
import type { Jobs } from '../../platform/jobs/jobs';

export const SHOPIFY_WEBHOOK_QUEUE = 'shopify.webhook';
export const WEBHOOK_SOURCE = 'shopify';

export const handledTopics = [
  'app/uninstalled',
  'app/scopes_update',
  'products/create',
  'products/update',
  'products/delete',
  'orders/create',
  'orders/updated',
  'inventory_levels/update',
  'customers/data_request',
  'customers/redact',
  'shop/redact',
] as const;

export interface ShopifyWebhookJob {
  eventId: string;
}

export interface WebhookDelivery {
  topic: string;
  shopDomain: string;
  /** `X-Shopify-Webhook-Id`: the same on every retry of one delivery. */
  deliveryId: string;
  payload: Prisma.InputJsonValue;
}

export type WebhookReceipt = { eventId: string; duplicate: false; queued: boolean } | { duplicate: true };

/**
 * Records a verified delivery and enqueues its processing in one transaction:
 * either both exist or neither, so a crash after we answer 200 leaves a job
 * that a worker will pick up, and a crash before leaves nothing (Shopify
 * retries, because it never got its 200). A redelivery hits the unique
 * (source, deliveryId) key and is acknowledged without a second job.
 */
export async function recordWebhookDelivery(
  deps: { prisma: PrismaClient; jobs: Pick<Jobs, 'sendInTransaction'>; clock?: () => Date },
  delivery: WebhookDelivery,
): Promise<WebhookReceipt> {
  const known = (handledTopics as readonly string[]).includes(delivery.topic);
  const now = deps.clock?.() ?? new Date();
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const workspace = await tx.workspace.findUnique({
        where: { shopDomain: delivery.shopDomain },
        select: { id: true },
      });
      const event = await tx.webhookEvent.create({
        data: {
          source: WEBHOOK_SOURCE,
          deliveryId: delivery.deliveryId,
          topic: delivery.topic,
          shopDomain: delivery.shopDomain,
          workspaceId: workspace?.id ?? null,
          payload: delivery.payload,
          receivedAt: now,
          // A topic we never subscribed to is acknowledged and kept, not retried.
          ...(known ? {} : { status: 'processed', processedAt: now, error: 'ignored: unhandled topic' }),
        },
        select: { id: true },
      });
      if (known)
        await deps.jobs.sendInTransaction(tx, SHOPIFY_WEBHOOK_QUEUE, { eventId: event.id } satisfies ShopifyWebhookJob);
      return { eventId: event.id, duplicate: false as const, queued: known };
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return { duplicate: true };
    throw error;
  }
}
