import type { HeadersFunction, LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError } from '@remix-run/react';
import { NavMenu } from '@shopify/app-bridge-react';
import { Banner, Box, Card, Frame, Page, AppProvider as PolarisAppProvider, Text } from '@shopify/polaris';
import polarisStyles from '@shopify/polaris/build/esm/styles.css?url';
import en from '@shopify/polaris/locales/en.json';
import { AppProvider } from '@shopify/shopify-app-remix/react';
import { boundary } from '@shopify/shopify-app-remix/server';
import type { AppLayoutData } from '~/lib/csrf';
import { syncPlanFromShopify } from '../billing/billing.server';
import { requireShopStaff } from '../lib/shopify-page.server';

/**
 * Every embedded page sits in here: App Bridge (the admin's navigation and
 * the session token on every fetch) around Polaris, and the same layout data
 * the shared pages read in the portal (`useAppLayout()`, route id `app-layout`).
 */
export const links = () => [{ rel: 'stylesheet', href: polarisStyles }];

export interface ShopifyLayoutData extends AppLayoutData {
  apiKey: string;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireShopStaff(request, context);
  const { actor } = staff;
  // Shopify brings the merchant back here with ?charge_id once they approved a plan's charge.
  if (new URL(request.url).searchParams.has('charge_id')) await syncPlanFromShopify(staff, context);
  const workspace = { id: actor.workspaceId, name: staff.staff.workspaceName, role: actor.role };
  const layout: ShopifyLayoutData = {
    apiKey: context.shopify.app.apiKey,
    // Requests carry Shopify's session token, not a cookie, so forms need no CSRF token (shopify-page.server.ts).
    csrfToken: '',
    user: { id: actor.userId, email: staff.staff.email, name: staff.staff.name },
    workspace,
    workspaces: [workspace],
    permissions: context.closer.permissionsOf(actor.role),
    aiOffline: await context.closer.aiUsage.isOffline(actor),
  };
  return layout;
}

const navigation = [
  { url: '/inbox', label: 'Inbox' },
  { url: '/catalog', label: 'Catalog' },
  { url: '/content', label: 'Content studio' },
  { url: '/orders', label: 'Orders' },
  { url: '/contacts', label: 'Contacts' },
  { url: '/forecasts', label: 'Forecasts' },
  { url: '/assistant', label: 'Assistant' },
  { url: '/install', label: 'Install' },
  { url: '/ai', label: 'AI and usage' },
  { url: '/team', label: 'Team' },
  { url: '/api-keys', label: 'API keys' },
  { url: '/billing', label: 'Billing' },
];

export default function ShopifyLayout() {
  const layout = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={layout.apiKey}>
      <NavMenu>
        <Link to="/" rel="home">
          Home
        </Link>
        {navigation.map((item) => (
          <Link key={item.url} to={item.url}>
            {item.label}
          </Link>
        ))}
      </NavMenu>
      {/* Toasts and the contextual save bar of the shared pages need a Frame; the admin draws the navigation. */}
      <Frame>
        {layout.aiOffline ? (
          <Box paddingBlockStart="400" paddingInline="400">
            <Banner tone="info" title="AI is in offline mode">
              No AI provider key is configured, so the assistant answers from your catalog and policies alone. Add a key
              under AI and usage.
            </Banner>
          </Box>
        ) : null}
        <Outlet />
      </Frame>
    </AppProvider>
  );
}

/**
 * Shopify's library answers some requests with a page of its own (the bounce
 * page that fetches a new session token, the exit-iframe page): those render
 * as they are. Our own 4xx answers show their one sentence.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && typeof error.data === 'string') return boundary.error(error);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data === 'object' && error.data && 'message' in error.data
      ? String((error.data as { message: unknown }).message)
      : status === 404
        ? 'There is no page at this address.'
        : 'Something went wrong on our side. Please try again.';
  return (
    <PolarisAppProvider i18n={en}>
      <Page title={status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Something went wrong'}>
        <Card>
          <Box padding="400">
            <Text as="p">{message}</Text>
          </Box>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}

// Shopify's thrown responses carry headers App Bridge acts on (retry with a new token, reauthorize).
export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
