import { createHmac } from 'node:crypto';
import type http from 'node:http';
import { RequestType, setUpValidRequest } from '@shopify/shopify-api/test-helpers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCustomerToken } from '../../../modules/conversations';
import { createLogger } from '../../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../../testing/test-database';
import { errorHandler, notFoundHandler } from '../errors';
import { closeHttpServer, createHttpApp, listen } from '../http-server';
import { appProxyRoutes } from './app-proxy.routes';

/**
 * Requests as Shopify forwards them from `https://<shop>/apps/closer/…`, signed
 * by `@shopify/shopify-api`'s own test helper (the "public" request type is
 * the app proxy's query signature), into a real server and database.
 */
const apiSecret = 'shpss_proxy_secret_0123456789';
const secret = 'closer-secret-for-proxy-tests-0123456789';
const log = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

let database: TestDatabase;
let server: http.Server;
let url: string;
let installedWorkspace: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const app = createHttpApp();
  app.use(appProxyRoutes({ prisma: database.prisma, apiSecret, secret, appUrl: 'https://closer.example/app' }));
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  server = await listen(app, 0, '127.0.0.1');
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const prisma = database.prisma;
  const installed = await prisma.workspace.create({
    data: {
      name: 'Installed',
      slug: 'installed',
      shopDomain: 'installed-shop.myshopify.com',
      shopifyInstalledAt: new Date('2026-01-01T00:00:00Z'),
      widgetKeys: {
        create: [
          { publicKey: 'pk_revoked_installed_0001', revokedAt: new Date(), createdAt: new Date('2025-12-01') },
          { publicKey: 'pk_live_installed_0002', createdAt: new Date('2026-01-01') },
        ],
      },
    },
  });
  installedWorkspace = installed.id;
  await prisma.workspace.create({
    data: {
      name: 'Gone',
      slug: 'gone',
      shopDomain: 'gone-shop.myshopify.com',
      shopifyInstalledAt: new Date('2026-01-01T00:00:00Z'),
      shopifyUninstalledAt: new Date('2026-02-01T00:00:00Z'),
      widgetKeys: { create: { publicKey: 'pk_live_gone_00000001' } },
    },
  });
  await prisma.workspace.create({
    data: {
      name: 'Pending',
      slug: 'pending',
      shopDomain: 'pending-shop.myshopify.com',
      widgetKeys: { create: { publicKey: 'pk_live_pending_000001' } },
    },
  });
  await prisma.workspace.create({
    data: {
      name: 'Keyless',
      slug: 'keyless',
      shopDomain: 'keyless-shop.myshopify.com',
      shopifyInstalledAt: new Date('2026-01-01T00:00:00Z'),
      widgetKeys: { create: { publicKey: 'pk_revoked_keyless_01', revokedAt: new Date() } },
    },
  });
});

afterAll(async () => {
  await closeHttpServer(server);
  await database.drop();
});

/** What Shopify adds to the storefront's query before forwarding; `shop` and `timestamp` come from the helper. */
const proxyPath = (query = 'logged_in_customer_id=&path_prefix=%2Fapps%2Fcloser', path = '/apps/closer/config') =>
  `${url}${path}?${query}`;

async function signedUrl(store: string, target = proxyPath()): Promise<string> {
  return (await setUpValidRequest({ type: RequestType.Public, store, apiSecretKey: apiSecret }, new Request(target)))
    .url;
}

/** Shopify's documented proxy signature, by hand, for queries its helper cannot build (repeated keys). */
function signByHand(params: Array<[string, string]>): string {
  const joined = new Map<string, string[]>();
  for (const [key, value] of params) joined.set(key, [...(joined.get(key) ?? []), value]);
  const message = [...joined]
    .map(([key, values]) => `${key}=${values.join(',')}`)
    .sort()
    .join('');
  const query = new URLSearchParams(params);
  query.append('signature', createHmac('sha256', apiSecret).update(message).digest('hex'));
  return `${url}/apps/closer/config?${query}`;
}

interface ProxyAnswer {
  widgetKey?: string;
  loaderUrl?: string;
  customerToken?: string;
  customerTokenExpiresAt?: string;
  error?: { code: string; message: string };
}

async function get(target: string) {
  const response = await fetch(target);
  return { status: response.status, headers: response.headers, body: (await response.json()) as ProxyAnswer };
}

describe('GET /apps/closer/config', () => {
  it('answers an anonymous shopper with the shop’s active widget key and the loader, and no customer token', async () => {
    const { status, headers, body } = await get(await signedUrl('installed-shop'));
    expect(status).toBe(200);
    expect(body).toEqual({ widgetKey: 'pk_live_installed_0002', loaderUrl: 'https://closer.example/widget/loader.js' });
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives a signed-in customer a short-lived token bound to this workspace and their Shopify customer', async () => {
    const query = 'logged_in_customer_id=6998021062710&path_prefix=%2Fapps%2Fcloser';
    const { status, body } = await get(await signedUrl('installed-shop', proxyPath(query)));
    expect(status).toBe(200);
    expect(body.widgetKey).toBe('pk_live_installed_0002');
    expect(readCustomerToken(secret, body.customerToken, installedWorkspace)).toBe(
      'gid://shopify/Customer/6998021062710',
    );
    const expiresIn = new Date(body.customerTokenExpiresAt ?? 0).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(55 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);
    // Worthless on any other workspace.
    expect(readCustomerToken(secret, body.customerToken, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('refuses a tampered request: another customer, another shop, a missing or foreign signature', async () => {
    const signed = new URL(await signedUrl('installed-shop'));
    const asSomeoneElse = new URL(signed);
    asSomeoneElse.searchParams.set('logged_in_customer_id', '1');
    const otherShop = new URL(signed);
    otherShop.searchParams.set('shop', 'gone-shop.myshopify.com');
    const unsigned = new URL(signed);
    unsigned.searchParams.delete('signature');
    const foreign = await setUpValidRequest(
      { type: RequestType.Public, store: 'installed-shop', apiSecretKey: 'another-apps-secret' },
      new Request(proxyPath()),
    );
    for (const target of [asSomeoneElse.href, otherShop.href, unsigned.href, foreign.url]) {
      const { status, body } = await get(target);
      expect(status, target).toBe(401);
      expect(body.error?.code).toBe('invalid_signature');
      expect(body.error?.message).toMatch(/signature/);
      expect(body).not.toHaveProperty('widgetKey');
    }
  });

  it('refuses a stale request: a captured URL cannot be replayed later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 10 * 60_000);
    let old: string;
    try {
      old = await signedUrl('installed-shop');
    } finally {
      vi.useRealTimers();
    }
    const { status, body } = await get(old);
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ code: 'stale_signature', message: expect.stringMatching(/too old/) });
  });

  it('never believes a customer id typed into the storefront URL next to the one Shopify adds', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const base: Array<[string, string]> = [
      ['shop', 'installed-shop.myshopify.com'],
      ['path_prefix', '/apps/closer'],
      ['timestamp', timestamp],
    ];
    // Shopify signs every parameter, repeated ones joined by commas: the hand signer agrees with its helper…
    const plain = await get(signByHand([...base, ['logged_in_customer_id', ''], ['utm', 'a'], ['utm', 'b']]));
    expect(plain.status).toBe(200);
    // …and a duplicated identity parameter is refused even under a valid signature.
    const injected = await get(
      signByHand([...base, ['logged_in_customer_id', '6998021062710'], ['logged_in_customer_id', '']]),
    );
    expect(injected.status).toBe(401);
    expect(injected.body.error?.message).toContain('logged_in_customer_id');
  });

  it('answers 404 for a shop that is unknown, never finished installing, uninstalled, or has no active key', async () => {
    for (const [store, message] of [
      ['unknown-shop', /not installed/],
      ['pending-shop', /not installed/],
      ['gone-shop', /not installed/],
      ['keyless-shop', /no active widget key/],
    ] as const) {
      const { status, body } = await get(await signedUrl(store));
      expect(status, store).toBe(404);
      expect(body.error?.code).toBe('shop_not_found');
      expect(body.error?.message).toMatch(message);
    }
    // Reinstalled: installing clears the uninstall, and the shop is live again.
    await database.prisma.workspace.update({
      where: { shopDomain: 'gone-shop.myshopify.com' },
      data: { shopifyInstalledAt: new Date(), shopifyUninstalledAt: null },
    });
    expect((await get(await signedUrl('gone-shop'))).body.widgetKey).toBe('pk_live_gone_00000001');
  });

  it('verifies every path under the proxy before anything else answers', async () => {
    expect((await get(proxyPath(undefined, '/apps/closer/anything'))).status).toBe(401);
    const signed = await signedUrl('installed-shop', proxyPath(undefined, '/apps/closer/anything'));
    expect((await get(signed)).status).toBe(404);
  });
});
