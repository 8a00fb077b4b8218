import type { PrismaClient } from '@prisma/client';
import express, { type Router } from 'express';
import { isShopDomain, isValidWebhookHmac, recordWebhookDelivery } from '../../../modules/shopify';
import type { Jobs } from '../../../platform/jobs/jobs';
import type { Logger } from '../../../platform/logger';
import { HttpError } from '../errors';

export interface ShopifyWebhookRoutesOptions {
  prisma: PrismaClient;
  jobs: Pick<Jobs, 'sendInTransaction'>;
  /** The app's API secret key (SHOPIFY_API_SECRET): Shopify signs webhooks with it. */
  apiSecret: string;
  log: Logger;
}

/**
 * POST /app/webhooks — every Shopify topic arrives here. The HMAC covers the
 * exact bytes Shopify sent, so the body is read raw; mount this router before
 * the app's `express.json()`. We only verify, record and enqueue here, and
 * answer within Shopify's 5-second limit; the work happens in the job.
 */
export function shopifyWebhookRoutes(options: ShopifyWebhookRoutesOptions): Router {
  const router = express.Router();
  router.post('/app/webhooks', express.raw({ type: () => true, limit: '5mb' }), async (request, response, next) => {
    try {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!isValidWebhookHmac(rawBody, request.get('x-shopify-hmac-sha256'), options.apiSecret)) {
        throw new HttpError(401, 'invalid_signature', 'The webhook signature does not match.');
      }
      const topic = request.get('x-shopify-topic')?.trim();
      const deliveryId = request.get('x-shopify-webhook-id')?.trim();
      const shopDomain = request.get('x-shopify-shop-domain')?.trim().toLowerCase() ?? '';
      if (!topic || !deliveryId) {
        throw new HttpError(400, 'invalid_request', 'X-Shopify-Topic and X-Shopify-Webhook-Id are required.');
      }
      if (!isShopDomain(shopDomain)) {
        throw new HttpError(400, 'invalid_request', 'X-Shopify-Shop-Domain must be a *.myshopify.com domain.');
      }
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new HttpError(400, 'invalid_request', 'The webhook body is not JSON.');
      }
      const receipt = await recordWebhookDelivery(options, {
        topic,
        shopDomain,
        deliveryId,
        payload: payload as Parameters<typeof recordWebhookDelivery>[1]['payload'],
      });
      options.log.info(
        {
          topic,
          shopDomain,
          deliveryId,
          eventId: request.get('x-shopify-event-id'),
          triggeredAt: request.get('x-shopify-triggered-at'),
          duplicate: receipt.duplicate,
        },
        'shopify webhook received',
      );
      response.status(200).json({ ok: true, duplicate: receipt.duplicate });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
