import type { ShopifyAdminLoadContext } from '../../../server/src/transport/admin/shopify-admin.routes';

// The Closer server passes the shared admin services and the Shopify app's own to every loader and action
// (server/src/transport/admin/shopify-admin.routes.ts).
declare module '@remix-run/node' {
  interface AppLoadContext extends ShopifyAdminLoadContext {}
}
declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends ShopifyAdminLoadContext {}
}

export type { ShopifyAdminLoadContext };
