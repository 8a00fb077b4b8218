import { index, layout, type RouteConfig, route } from '@remix-run/route-config';

/**
 * The portal's URL map. Signed-out pages first; every page inside the
 * `app-layout` needs a signed-in member (the layout and each page check).
 * The page modules under `admin/` are shared with the Shopify app.
 */
export default [
  route('login', 'routes/login.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password/:token', 'routes/reset-password.tsx'),
  route('invite/:token', 'routes/invite.tsx'),
  route('switch-workspace', 'routes/switch-workspace.tsx'),
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
    route('assistant', 'routes/assistant.tsx'),
    route('install', 'routes/install.tsx'),
    route('ai', 'routes/ai.tsx'),
    route('team', 'routes/team.tsx'),
    route('api-keys', 'routes/api-keys.tsx'),
    route('forecasts', 'routes/forecasts.tsx'),
    route('workspaces/new', 'routes/workspace-new.tsx'),
  ]),
] satisfies RouteConfig;
