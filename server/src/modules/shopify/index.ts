/** Shopify: webhook receipt and processing, privacy requests, and the signatures Shopify puts on what it sends. */
export {
  type AppProxyIdentity,
  type AppProxyQuery,
  AppProxySignatureError,
  isShopDomain,
  isValidWebhookHmac,
  verifyAppProxySignature,
} from './shopify-signature';
export { processWebhookEvent, ShopNotInstalledError, WebhookEventNotFoundError } from './webhook-processor';
export {
  handledTopics,
  recordWebhookDelivery,
  SHOPIFY_WEBHOOK_QUEUE,
  type ShopifyWebhookJob,
  type WebhookDelivery,
  type WebhookReceipt,
} from './webhook-receipt.service';
