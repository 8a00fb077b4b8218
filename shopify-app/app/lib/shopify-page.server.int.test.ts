import type { AppLoadContext } from '@remix-run/node';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import {
  getJwt,
  getShopValue,
  RequestType,
  setUpValidRequest,
  setUpValidSession,
} from '@shopify/shopify-api/test-helpers';
import { testConfig } from '@shopify/shopify-app-remix/test-helpers';
import { Server } from 'socket.io';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as catalogPage from '../../../portal/app/admin/catalog/catalog.server';
import * as conversationPage from '../../../portal/app/admin/inbox/conversation.server';
import { createWorkspaceAiEngine } from '../../../server/src/ai';
import { createIdentity } from '../../../server/src/modules/identity';
import { createTestDeps } from '../../../server/src/modules/identity/identity.fixtures';
import { installShop } from '../../../server/src/modules/shopify';
import { type Jobs, startJobs } from '../../../server/src/platform/jobs/jobs';
import { createLogger } from '../../../server/src/platform/logger';
import { createTestDatabase, type TestDatabase } from '../../../server/src/testing/test-database';
import { createAdminServices } from '../../../server/src/transport/admin/admin-services';
import { createShopifyAdminServices } from '../../../server/src/transport/admin/shopify-admin-services';
import { createSocketConversationEvents } from '../../../server/src/transport/socket/conversation-events';
import { action as billingAction, loader as billingLoader } from '../billing/billing.server';
import { shopifyFor } from '../shopify.server';
import { shopifyAction, shopifyLoader } from './shopify-page.server';

/**
 * The binder between Shopify's session tokens and the shared admin pages,
 * with the real `@shopify/shopify-app-remix` (configured from its own
 * `testConfig`), tokens signed by `@shopify/shopify-api`'s test helpers, the
 * server's real services on PostgreSQL, and the Admin GraphQL API answered by
 * a fake at the library's fetch (Shopify's JSON over HTTPS, in process).
 */
const config = testConfig();
const log = createLogger({ level: 'silent' });
const shopA = getShopValue('shop-a');
const shopB = getShopValue('shop-b');
let database: TestDatabase;
let jobs: Jobs;
let context: AppLoadContext;
let workspaces: { a: string; b: string };

interface GraphqlCall {
  url: string;
  accessToken: string | null;
  query: string;
  variables: Record<string, unknown>;
}
let graphqlCalls: GraphqlCall[] = [];
let activeSubscriptions: { id: string; name: string; status: string }[] = [];

/** Shopify's Admin GraphQL for the billing operations the library sends. */
async function fakeAdminApi(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const body = (await request.json()) as { query: string; variables?: Record<string, unknown> };
  graphqlCalls.push({
    url: request.url,
    accessToken: request.headers.get('X-Shopify-Access-Token'),
    query: body.query,
    variables: body.variables ?? {},
  });
  const subscription = (fields: { id: string; name: string; status: string }) => ({
    ...fields,
    test: true,
    trialDays: 0,
    createdAt: '2026-11-01T00:00:00Z',
    currentPeriodEnd: '2026-12-01T00:00:00Z',
    returnUrl: 'https://admin.shopify.com/store/shop-a/apps/testApiKey',
    lineItems: [],
  });
  let data: unknown;
  if (body.query.includes('currentAppInstallation')) {
    data = {
      currentAppInstallation: {
        activeSubscriptions: activeSubscriptions.map(subscription),
        oneTimePurchases: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      },
    };
  } else if (body.query.includes('appSubscriptionCreate')) {
    data = {
      appSubscriptionCreate: {
        appSubscription: subscription({ id: 'gid://shopify/AppSubscription/9', name: 'Pro', status: 'PENDING' }),
        confirmationUrl: `https://${shopA}/admin/charges/9/confirm_recurring_application_charge`,
        userErrors: [],
      },
    };
  } else if (body.query.includes('appSubscriptionCancel')) {
    activeSubscriptions = [];
    data = {
      appSubscriptionCancel: {
        appSubscription: subscription({ id: String(body.variables?.id), name: 'Growth', status: 'CANCELLED' }),
        userErrors: [],
      },
    };
  } else {
    return Response.json(
      { errors: [{ message: `Unexpected operation: ${body.query.slice(0, 80)}` }] },
      { status: 400 },
    );
  }
  return Response.json({ data });
}

async function bearer(shop: string, url: string, secret: string = config.apiSecretKey) {
  const { token } = await getJwt(shop.replace('.myshopify.com', ''), config.apiKey, secret);
  return new Request(url, { headers: { Authorization: `Bearer ${token}` } });
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ databaseUrl: database.url, log });
  const prisma = database.prisma;
  const identity = createIdentity(createTestDeps(prisma));
  const secret = 'test-secret-with-at-least-32-characters!';
  const admin = createAdminServices({
    prisma,
    jobs,
    ai: createWorkspaceAiEngine({ prisma, secret, providers: { gemini: {}, anthropic: {}, openai: {} }, log }),
    identity,
    // A Socket.IO server with no HTTP server: the inbox's events go nowhere, as with nobody connected.
    conversations: { prisma, events: createSocketConversationEvents(new Server()) },
    secret,
    log,
    aiOffline: true,
    aiProviders: [],
    publicUrl: config.appUrl,
  });
  const shopify = createShopifyAdminServices({
    prisma,
    jobs,
    identity,
    admin,
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecretKey,
    appUrl: config.appUrl,
    scopes: config.scopes,
    testCharges: true,
  });
  context = { closer: admin, client: { ip: '203.0.113.9', secure: true }, shopify } as AppLoadContext;

  // Both shops installed (Shopify's afterAuth) with offline sessions stored the way the token exchange stores them.
  workspaces = {
    a: (await installShop({ prisma, jobs }, { shop: shopA, scopes: 'read_products' })).workspaceId,
    b: (await installShop({ prisma, jobs }, { shop: shopB, scopes: 'read_products' })).workspaceId,
  };
  for (const shop of [shopA, shopB]) {
    await shopifyFor(context).sessionStorage.storeSession(setUpValidSession({ shop, expires: undefined }));
  }
  for (const [workspaceId, title] of [
    [workspaces.a, 'Anchor Rope'],
    [workspaces.b, 'Buoy Light'],
  ] as const) {
    await prisma.product.create({
      data: {
        workspaceId,
        title,
        handle: title.toLowerCase().replace(' ', '-'),
        minPriceCents: 1_500,
        variants: { create: { workspaceId, title: 'Default', priceCents: 1_500 } },
      },
    });
  }
  setAbstractFetchFunc(fakeAdminApi);
});
afterAll(async () => {
  await jobs.stop(1_000);
  await database.drop();
});
beforeEach(() => {
  graphqlCalls = [];
  activeSubscriptions = [];
});

const catalogLoader = shopifyLoader(catalogPage.access, catalogPage.loader);
const catalogAction = shopifyAction(catalogPage.access, catalogPage.action);
type Catalog = Awaited<ReturnType<typeof catalogPage.loader>>;
const titles = (catalog: Catalog) => catalog.products.products.map((product) => product.title);

describe('shopify page binder', () => {
  it('gives a valid session token the page data of its shop’s workspace, by header or on the document', async () => {
    const fetched = (await catalogLoader({
      request: await bearer(shopA, `${config.appUrl}/app/catalog`),
      params: {},
      context,
    })) as Catalog;
    expect(titles(fetched)).toEqual(['Anchor Rope']);

    const document = await setUpValidRequest(
      { type: RequestType.Admin, store: 'shop-b', apiKey: config.apiKey, apiSecretKey: config.apiSecretKey },
      new Request(`${config.appUrl}/app/catalog`),
    );
    expect(titles((await catalogLoader({ request: document, params: {}, context })) as Catalog)).toEqual([
      'Buoy Light',
    ]);
  });

  it('answers a missing or forged token with Shopify’s login redirect, bounce page or 401, never with data', async () => {
    const missing = await thrownBy(
      catalogLoader({ request: new Request(`${config.appUrl}/app/catalog`), params: {}, context }),
    );
    expect(missing).toBeInstanceOf(Response);
    // Absolute, so Remix does not put its /app basename in front of the library's /app/auth/login again.
    expect((missing as Response).headers.get('Location')).toBe(`${config.appUrl}/app/auth/login`);

    const forged = await thrownBy(
      catalogLoader({
        request: await bearer(shopA, `${config.appUrl}/app/catalog`, 'not-our-secret'),
        params: {},
        context,
      }),
    );
    expect(forged).toMatchObject({ status: 401 });
    expect((forged as Response).headers.get('X-Shopify-Retry-Invalid-Session-Request')).toBe('1');

    const { token } = await getJwt('shop-a', config.apiKey, 'not-our-secret');
    const query = new URLSearchParams({
      embedded: '1',
      shop: shopA,
      host: 'YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvc2hvcC1h',
      id_token: token,
    });
    const bounced = await thrownBy(
      catalogLoader({ request: new Request(`${config.appUrl}/app/catalog?${query}`), params: {}, context }),
    );
    expect((bounced as Response).status).toBe(302);
    expect((bounced as Response).headers.get('Location')).toMatch(
      new RegExp(`^${config.appUrl}/app/auth/session-token\\?`),
    );
  });

  it('never lets shop A’s token reach shop B’s workspace', async () => {
    // The URL may name any shop; the signed token decides.
    const claimsB = await bearer(shopA, `${config.appUrl}/app/catalog?shop=${shopB}`);
    expect(titles((await catalogLoader({ request: claimsB, params: {}, context })) as Catalog)).toEqual([
      'Anchor Rope',
    ]);

    const theirs = await database.prisma.conversation.create({ data: { workspaceId: workspaces.b, visitorId: 'v-b' } });
    const conversationLoader = shopifyLoader(conversationPage.access, conversationPage.loader);
    const refused = await thrownBy(
      conversationLoader({
        request: await bearer(shopA, `${config.appUrl}/app/inbox/${theirs.id}`),
        params: { conversationId: theirs.id },
        context,
      }),
    );
    expect(refused).toMatchObject({ init: { status: 404 } });
  });

  it('runs actions as the shop’s owner and still refuses an intent the page does not list', async () => {
    const post = async (form: Record<string, string>) => {
      const request = await bearer(shopA, `${config.appUrl}/app/catalog`);
      return new Request(request, { method: 'POST', body: new URLSearchParams(form) });
    };
    expect(await catalogAction({ request: await post({ intent: 'drop-tables' }), params: {}, context })).toMatchObject({
      init: { status: 400 },
      data: { ok: false, message: 'Unknown action "drop-tables".' },
    });
    // The shared import action runs (as the owner, with catalog.write) and says what is wrong with the upload.
    expect(await catalogAction({ request: await post({ intent: 'import' }), params: {}, context })).toMatchObject({
      init: { status: 400 },
      data: { ok: false },
    });
  });
});

describe('billing', () => {
  const billingRequest = async (form?: Record<string, string>) => {
    const request = await bearer(shopA, `${config.appUrl}/app/billing`);
    return form ? new Request(request, { method: 'POST', body: new URLSearchParams(form) }) : request;
  };

  it('stores the plan Shopify reports, asks Shopify to approve a new one, and cancels back to free', async () => {
    activeSubscriptions = [{ id: 'gid://shopify/AppSubscription/7', name: 'Growth', status: 'ACTIVE' }];
    const page = await billingLoader({ request: await billingRequest(), params: {}, context });
    expect(page).toMatchObject({ plan: { id: 'growth' }, subscriptionId: 'gid://shopify/AppSubscription/7' });
    expect(graphqlCalls[0]).toMatchObject({
      url: `https://${shopA}/admin/api/2026-10/graphql.json`,
      accessToken: 'totally_real_token',
    });

    const approval = await thrownBy(
      billingAction({ request: await billingRequest({ intent: 'subscribe', plan: 'pro' }), params: {}, context }),
    );
    // From a fetch, App Bridge takes the merchant to Shopify's approval page.
    expect(approval).toMatchObject({ status: 401 });
    expect((approval as Response).headers.get('X-Shopify-API-Request-Failure-Reauthorize-Url')).toBe(
      `https://${shopA}/admin/charges/9/confirm_recurring_application_charge`,
    );
    const create = graphqlCalls.find((call) => call.query.includes('appSubscriptionCreate'));
    expect(create?.variables).toMatchObject({
      name: 'Pro',
      test: true,
      lineItems: [
        {
          plan: {
            appRecurringPricingDetails: { interval: 'EVERY_30_DAYS', price: { amount: 99, currencyCode: 'USD' } },
          },
        },
      ],
    });

    const cancelled = await billingAction({ request: await billingRequest({ intent: 'cancel' }), params: {}, context });
    expect(cancelled).toMatchObject({ data: { ok: true, message: 'You are on the Free plan now.' } });
    expect(graphqlCalls.find((call) => call.query.includes('appSubscriptionCancel'))?.variables).toMatchObject({
      id: 'gid://shopify/AppSubscription/7',
    });
    const workspace = await database.prisma.workspace.findUniqueOrThrow({ where: { id: workspaces.a } });
    expect(workspace).toMatchObject({ plan: 'free', planSubscriptionId: null });
    // Shop B's plan was never touched.
    expect(await database.prisma.workspace.findUniqueOrThrow({ where: { id: workspaces.b } })).toMatchObject({
      plan: 'free',
      planActivatedAt: null,
    });
  });
});
