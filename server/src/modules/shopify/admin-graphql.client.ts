import '@shopify/shopify-api/adapters/node';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient, ShopifySession } from '@prisma/client';
import {
  ApiVersion,
  GraphqlQueryError,
  HttpResponseError,
  LogSeverity,
  Session,
  type Shopify,
  shopifyApi,
} from '@shopify/shopify-api';
import { abstractFetch, setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import type { Logger } from '../../platform/logger';

/**
 * The Admin GraphQL API as the shop's offline session sees it, through
 * `@shopify/shopify-api`'s own client (headers, API version, retries on 429
 * and 503). Each call loads the shop's `offline_<shop>` session row, refreshes
 * an expiring token first, and waits out GraphQL cost throttling.
 */
export const ADMIN_API_VERSION = ApiVersion.October26;

export interface ShopifyAdminApiConfig {
  apiKey: string;
  apiSecret: string;
  /** SHOPIFY_APP_URL: the library insists on a host name even where it never uses it. */
  appUrl?: string;
  /** Tests only: where the library's requests and bulk downloads go (a local fake Shopify). */
  fetch?: typeof fetch;
}

export interface ShopifyAdminApi {
  /** Runs one operation for a shop and returns its `data`. */
  request<Data>(shop: string, operation: string, variables?: Record<string, unknown>): Promise<Data>;
  /** Opens a file Shopify links to (a bulk operation's JSONL); it is signed, so no token goes with it. */
  download(url: string): Promise<ReadableStream<Uint8Array>>;
}

/** The shop cannot be reached on our behalf (no session, token refused, scope missing): retrying will not help. */
export class ShopifyAdminAccessError extends Error {
  override readonly name = 'ShopifyAdminAccessError';
  constructor(
    readonly shop: string,
    reason: string,
  ) {
    super(`Shopify refused access to ${shop}: ${reason}`);
  }
}

/** Shopify answered an operation with errors (a bug in our query, or a passing fault on their side). */
export class ShopifyGraphqlError extends Error {
  override readonly name = 'ShopifyGraphqlError';
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
  }
}

const refreshMarginMs = 5 * 60 * 1000;
const throttleAttempts = 6;
const accessStatuses = new Set([401, 402, 403, 404, 423]);

export function createShopifyAdminApi(
  config: ShopifyAdminApiConfig,
  deps: { prisma: PrismaClient; log: Logger; sleep?: (ms: number) => Promise<void> },
): ShopifyAdminApi {
  const api = shopifyApi({
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecret,
    apiVersion: ADMIN_API_VERSION,
    hostName: config.appUrl ? new URL(config.appUrl).host : 'localhost',
    isEmbeddedApp: true,
    logger: {
      level: LogSeverity.Warning,
      log: async (severity, message) => deps.log.warn({ severity }, `shopify-api: ${message}`),
    },
  });
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const routed = <T>(work: () => Promise<T>) => (config.fetch ? routeLibraryFetch(config.fetch, work) : work());

  return {
    request<Data>(shop: string, operation: string, variables?: Record<string, unknown>) {
      return routed(async () => {
        const session = await loadOfflineSession(api, deps.prisma, shop);
        for (let attempt = 1; ; attempt++) {
          try {
            const client = new api.clients.Graphql({ session });
            const response = await client.request(operation, { variables, retries: 2 });
            return response.data as Data;
          } catch (error) {
            const wait = throttleWaitMs(error);
            if (wait !== null && attempt < throttleAttempts) {
              await sleep(wait);
              continue;
            }
            throw translateError(error, shop);
          }
        }
      });
    },
    async download(url: string) {
      const response = await (config.fetch ?? fetch)(url);
      if (!response.ok || !response.body) {
        throw new ShopifyGraphqlError(`Downloading a bulk result failed with HTTP ${response.status}`, []);
      }
      return response.body;
    },
  };
}

// ───────────── sessions ─────────────

function toSession(row: ShopifySession): Session {
  return new Session({
    id: row.id,
    shop: row.shop,
    state: row.state,
    isOnline: false,
    scope: row.scope ?? undefined,
    accessToken: row.accessToken,
    expires: row.expires ?? undefined,
    refreshToken: row.refreshToken ?? undefined,
    refreshTokenExpires: row.refreshTokenExpires ?? undefined,
  });
}

async function loadOfflineSession(api: Shopify, prisma: PrismaClient, shop: string): Promise<Session> {
  const id = api.session.getOfflineId(shop);
  const row = await prisma.shopifySession.findUnique({ where: { id } });
  if (!row?.accessToken) throw new ShopifyAdminAccessError(shop, 'no offline session (the app is not installed)');
  const session = toSession(row);
  return session.isExpired(refreshMarginMs) && row.refreshToken
    ? refreshOfflineSession(api, prisma, shop, id)
    : session;
}

/**
 * Expiring offline tokens are swapped for new ones under the session row's
 * lock: two jobs for one shop must not both spend the refresh token, because
 * Shopify rotates it and the second refresh would fail.
 */
async function refreshOfflineSession(api: Shopify, prisma: PrismaClient, shop: string, id: string): Promise<Session> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "ShopifySession" WHERE id = ${id} FOR UPDATE`;
      const row = await tx.shopifySession.findUnique({ where: { id } });
      if (!row) throw new ShopifyAdminAccessError(shop, 'no offline session (the app is not installed)');
      const current = toSession(row);
      if (!current.isExpired(refreshMarginMs)) return current;
      if (!row.refreshToken || (row.refreshTokenExpires && row.refreshTokenExpires.getTime() < Date.now())) {
        throw new ShopifyAdminAccessError(shop, 'the access token expired; the merchant must open the app again');
      }
      let refreshed: Session;
      try {
        ({ session: refreshed } = await api.auth.refreshToken({ shop, refreshToken: row.refreshToken }));
      } catch (error) {
        throw translateError(error, shop);
      }
      await tx.shopifySession.update({
        where: { id },
        data: {
          accessToken: refreshed.accessToken ?? row.accessToken,
          scope: refreshed.scope ?? row.scope,
          expires: refreshed.expires ?? null,
          refreshToken: refreshed.refreshToken ?? null,
          refreshTokenExpires: refreshed.refreshTokenExpires ?? null,
        },
      });
      return toSession({ ...row, accessToken: refreshed.accessToken ?? row.accessToken });
    },
    { timeout: 30_000 },
  );
}

// ───────────── errors and throttling ─────────────

interface GraphqlErrorBody {
  errors?: { graphQLErrors?: Array<{ message?: string; extensions?: { code?: string } }> };
  extensions?: {
    cost?: { requestedQueryCost?: number; throttleStatus?: { currentlyAvailable?: number; restoreRate?: number } };
  };
}

function graphqlCodes(error: GraphqlQueryError): string[] {
  const body = error.body as GraphqlErrorBody | undefined;
  return (body?.errors?.graphQLErrors ?? []).map((entry) => entry.extensions?.code ?? '').filter(Boolean);
}

/** Shopify answers an over-budget query with 200 and a THROTTLED error; the cost extension says when to retry. */
function throttleWaitMs(error: unknown): number | null {
  if (!(error instanceof GraphqlQueryError) || !graphqlCodes(error).includes('THROTTLED')) return null;
  const cost = (error.body as GraphqlErrorBody | undefined)?.extensions?.cost;
  const missing = (cost?.requestedQueryCost ?? 100) - (cost?.throttleStatus?.currentlyAvailable ?? 0);
  const rate = cost?.throttleStatus?.restoreRate || 50;
  return Math.min(10_000, Math.max(50, Math.ceil((missing / rate) * 1000)));
}

function translateError(error: unknown, shop: string): Error {
  if (error instanceof GraphqlQueryError) {
    const codes = graphqlCodes(error);
    if (codes.includes('ACCESS_DENIED')) return new ShopifyAdminAccessError(shop, error.message);
    return new ShopifyGraphqlError(error.message, codes);
  }
  if (error instanceof HttpResponseError && accessStatuses.has(error.response.code)) {
    return new ShopifyAdminAccessError(shop, `HTTP ${error.response.code} ${error.response.statusText}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

// ───────────── fetch routing (tests) ─────────────

const routedFetch = new AsyncLocalStorage<typeof fetch>();
let routingInstalled = false;

/**
 * The library calls one process-wide fetch (its runtime adapter's
 * `abstractFetch`). A test's fake Shopify must receive only that test's
 * calls, so the adapter is wrapped once to consult the fetch bound to the
 * current async context, and falls back to the adapter it replaced.
 */
function routeLibraryFetch<T>(fetchImplementation: typeof fetch, work: () => Promise<T>): Promise<T> {
  if (!routingInstalled) {
    const fallback = abstractFetch;
    setAbstractFetchFunc((input, init) => (routedFetch.getStore() ?? fallback)(input, init));
    routingInstalled = true;
  }
  return routedFetch.run(fetchImplementation, work);
}
