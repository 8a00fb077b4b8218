import '@shopify/shopify-app-remix/adapters/node';
import type { AppLoadContext } from '@remix-run/node';
import type { BillingConfig } from '@shopify/shopify-api';
import {
  ApiVersion,
  AppDistribution,
  BillingInterval,
  LogSeverity,
  shopifyApp,
} from '@shopify/shopify-app-remix/server';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import { PrismaSessionStorage } from '@shopify/shopify-app-session-storage-prisma';
import type { ShopifyAdminLoadContext } from './lib/context';

/** The Admin API version every call and webhook uses (also `[webhooks] api_version` in shopify.app.toml). */
export const apiVersion = ApiVersion.October26;

type ShopifyServices = ShopifyAdminLoadContext['shopify'];

function createShopify({ shopify: services, closer }: AppLoadContext) {
  const { app } = services;
  return shopifyApp({
    apiKey: app.apiKey,
    apiSecretKey: app.apiSecretKey,
    appUrl: app.appUrl,
    scopes: app.scopes,
    apiVersion,
    distribution: AppDistribution.AppStore,
    isEmbeddedApp: true,
    // The app is served under /app on the Closer server, so its auth paths are too.
    authPathPrefix: '/app/auth',
    sessionStorage: new PrismaSessionStorage(services.prisma, { tableName: 'shopifySession' }),
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
    hooks: {
      // Runs each time a new offline token was obtained: on install and on a reinstall.
      afterAuth: async ({ session }) => {
        await services.installShop({ shop: session.shop, scopes: session.scope ?? null });
      },
    },
    billing: billingConfig(services.paidPlans),
    logger: {
      // Debug lines carry session token payloads; they stay out of our logs.
      level: LogSeverity.Info,
      log: (severity, message) => {
        if (severity === LogSeverity.Error) closer.log.error({ source: 'shopify' }, message);
        else if (severity === LogSeverity.Warning) closer.log.warn({ source: 'shopify' }, message);
        else closer.log.debug({ source: 'shopify' }, message);
      },
    },
  });
}

/** Each paid plan as a recurring charge every 30 days, keyed by the name merchants see on Shopify's approval page. */
function billingConfig(plans: ShopifyServices['paidPlans']): BillingConfig {
  return Object.fromEntries(
    plans.map((plan) => [
      plan.name,
      { lineItems: [{ amount: plan.priceUsd, currencyCode: 'USD', interval: BillingInterval.Every30Days }] },
    ]),
  );
}

export type Shopify = ReturnType<typeof createShopify>;

let built: { services: ShopifyServices; shopify: Shopify } | undefined;

/**
 * The app object Shopify's template builds at module load. Ours needs the
 * server's Prisma client and settings, which only arrive with a request's
 * load context, and the Prisma session storage starts querying as soon as it
 * is constructed; so it is built on first use, once per set of server
 * services (one per server; a test may start another).
 */
export function shopifyFor(context: AppLoadContext): Shopify {
  if (built?.services !== context.shopify) built = { services: context.shopify, shopify: createShopify(context) };
  return built.shopify;
}

/** `authenticate.admin` for a request with its load context (see `withAbsoluteRedirects`). */
export function authenticateAdmin(request: Request, context: AppLoadContext) {
  return withAbsoluteRedirects(shopifyFor(context).authenticate.admin(request), context.shopify.app.appUrl);
}

/**
 * The library redirects to its auth paths by path alone (`/app/auth/login`,
 * as configured), and Remix prefixes every path-only redirect from a loader
 * with the app's `/app` basename a second time. An absolute URL it leaves alone.
 */
export function withAbsoluteRedirects<T>(pending: Promise<T>, appUrl: string): Promise<T> {
  return pending.catch((thrown: unknown) => {
    const location = thrown instanceof Response ? thrown.headers.get('Location') : null;
    if (!(thrown instanceof Response) || !location?.startsWith('/') || location.startsWith('//')) throw thrown;
    const headers = new Headers(thrown.headers);
    headers.set('Location', new URL(location, appUrl).href);
    throw new Response(null, { status: thrown.status, headers });
  });
}

function current(): { services: ShopifyServices; shopify: Shopify } {
  if (!built) throw new Error('The Shopify app is used before any request reached it; call shopifyFor(context).');
  return built;
}

// The template's exports, for code written from Shopify's docs. They use the app the first request built.
export const authenticate = {
  admin: (request: Request) => {
    const { shopify, services } = current();
    return withAbsoluteRedirects(shopify.authenticate.admin(request), services.app.appUrl);
  },
  public: {
    appProxy: (request: Request) => current().shopify.authenticate.public.appProxy(request),
  },
  webhook: (request: Request) => current().shopify.authenticate.webhook(request),
};
export const login = (request: Request) => current().shopify.login(request);
export const addDocumentResponseHeaders = (request: Request, headers: Headers) =>
  current().shopify.addDocumentResponseHeaders(request, headers);
export const sessionStorage: SessionStorage = {
  storeSession: (session) => current().shopify.sessionStorage.storeSession(session),
  loadSession: (id) => current().shopify.sessionStorage.loadSession(id),
  deleteSession: (id) => current().shopify.sessionStorage.deleteSession(id),
  deleteSessions: (ids) => current().shopify.sessionStorage.deleteSessions(ids),
  findSessionsByShop: (shop) => current().shopify.sessionStorage.findSessionsByShop(shop),
};
