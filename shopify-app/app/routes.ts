import { index, layout, type RouteConfig, route } from '@remix-run/route-config';

/**
 * The embedded app's URL map, under the `/app` basename (the app URL in
 * shopify.app.toml). Shopify's auth paths first; every page inside the
 * `app-layout` is one of the shared admin pages (portal/app/admin/*) bound to
 * Shopify's session token, plus billing, which only a Shopify shop has.
 * Sign-up, login and password pages stay in the portal: Shopify signs staff in.
 */
export default [
  route('auth/login', 'routes/auth.login.tsx'),
  route('auth/*', 'routes/auth.$.tsx'),
  layout('routes/app-layout.tsx', { id: 'app-layout' }, [
    index('routes/home.tsx'),
    route('inbox', 'routes/inbox.tsx', [route(':conversationId', 'routes/inbox.conversation.tsx')]),
    route('catalog', 'routes/catalog.tsx'),
    route('content', 'routes/content.tsx'),
    route('content/drafts/:draftId', 'routes/content.draft.tsx'),
    route('content/export', 'routes/content.export.tsx'),
    route('content/products', 'routes/content.products.tsx'),
    route('imports/:importId', 'routes/import.tsx'),
    route('orders', 'routes/orders.tsx'),
    route('contacts', 'routes/contacts.tsx'),
    route('forecasts', 'routes/forecasts.tsx'),
    route('assistant', 'routes/assistant.tsx'),
    route('install', 'routes/install.tsx'),
    route('ai', 'routes/ai.tsx'),
    route('team', 'routes/team.tsx'),
    route('api-keys', 'routes/api-keys.tsx'),
    route('billing', 'routes/billing.tsx'),
  ]),
] satisfies RouteConfig;
