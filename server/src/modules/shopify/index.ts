/**
 * Shopify: webhook receipt and processing, privacy requests, the signatures
 * Shopify puts on what it sends, the Admin GraphQL client, the catalog and
 * order sync after install, publishing content back to products, install
 * and billing plans.
 */
export {
  ADMIN_API_VERSION,
  createShopifyAdminApi,
  ShopifyAdminAccessError,
  type ShopifyAdminApi,
  type ShopifyAdminApiConfig,
  ShopifyGraphqlError,
} from './admin-graphql.client';
export {
  type BillingPlan,
  billingPlans,
  findBillingPlan,
  isPlanId,
  type PlanAllowance,
  type PlanId,
  paidPlans,
  planAllowanceOf,
  planIds,
} from './billing-plans';
export {
  isPermanentPublishFailure,
  type ProductContent,
  publishProductContent,
  ShopifyPublishError,
} from './product-publish.service';
export {
  describeShopBilling,
  recordShopSubscriptions,
  type ShopBilling,
  type ShopSubscription,
} from './shop-billing.service';
export {
  findOrInstallShopStaff,
  type InstalledShop,
  installShop,
  installShopSchema,
  shopNameFromDomain,
} from './shop-install.service';
export {
  type AppProxyIdentity,
  type AppProxyQuery,
  AppProxySignatureError,
  isShopDomain,
  isValidWebhookHmac,
  verifyAppProxySignature,
} from './shopify-signature';
export {
  abandonShopifySync,
  requestShopifySync,
  SHOPIFY_SYNC_QUEUE,
  type ShopifySyncDeps,
  type ShopifySyncJob,
  ShopifySyncTargetError,
  type SyncRunOutcome,
  shopifySyncJobSchema,
  syncShop,
} from './shopify-sync.service';
export { SHOPIFY_SYNC_FORMAT } from './shopify-sync-run.repo';
export {
  processWebhookEvent,
  ShopNotInstalledError,
  WebhookEventNotFoundError,
  type WebhookProcessorDeps,
} from './webhook-processor';
export {
  handledTopics,
  recordWebhookDelivery,
  SHOPIFY_WEBHOOK_QUEUE,
  type ShopifyWebhookJob,
  type WebhookDelivery,
  type WebhookReceipt,
} from './webhook-receipt.service';
