/**
 * The Shopify app credentials the end-to-end server runs with (playwright.config.ts), so a test can
 * sign session tokens the way Shopify does for App Bridge (HS256 with the app's secret).
 */
export const e2eShopifyApp = {
  apiKey: 'closer-e2e-shopify-api-key',
  apiSecret: 'closer-e2e-shopify-api-secret-0123456789',
} as const;
