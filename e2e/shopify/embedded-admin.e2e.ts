import { expect, type Page, test } from '@playwright/test';
import { getJwt } from '@shopify/shopify-api/test-helpers';
import { connect, type Database } from '../../server/src/platform/database';
import { readE2eState } from '../support/e2e-state';
import { e2eShopifyApp } from '../support/shopify-app';

/**
 * The embedded Shopify admin in real Chromium against the real server: the
 * page is opened the way the Shopify admin opens it in its iframe (`shop`,
 * `host`, `embedded=1` and a session token in `id_token`), later fetches carry
 * the token as `Authorization: Bearer` the way App Bridge adds it. Tokens are
 * signed HS256 with the app's secret, as Shopify signs them.
 */
const harbor = 'harbor-lights-e2e';
const bay = 'bay-kayaks-e2e';
let database: Database;

// Shopify's library turns away self-declared bots (isbot), and headless Chromium says it is one.
const browserUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
test.use({ userAgent: browserUserAgent });

test.beforeAll(async () => {
  database = await connect(readE2eState().databaseUrl);
  // What the library's Prisma session storage holds after Shopify's token exchange on install.
  for (const store of [harbor, bay]) {
    const shop = `${store}.myshopify.com`;
    await database.prisma.shopifySession.upsert({
      where: { id: `offline_${shop}` },
      create: {
        id: `offline_${shop}`,
        shop,
        state: '',
        isOnline: false,
        scope: 'read_products',
        accessToken: 'shpat_e2e',
      },
      update: {},
    });
  }
});
test.afterAll(async () => database.close());

async function sessionToken(store: string, secret: string = e2eShopifyApp.apiSecret) {
  return (await getJwt(store, e2eShopifyApp.apiKey, secret)).token;
}

function embeddedUrl(path: string, store: string, token: string) {
  const query = new URLSearchParams({
    embedded: '1',
    shop: `${store}.myshopify.com`,
    host: Buffer.from(`admin.shopify.com/store/${store}`).toString('base64'),
    id_token: token,
  });
  return `/app${path}?${query}`;
}

/**
 * Stands in for App Bridge (no Shopify admin around us): like the real script,
 * it puts the session token on every request to the app's own origin.
 */
async function stubAppBridge(page: Page) {
  await page.route('https://cdn.shopify.com/**', async (route) => {
    if (!route.request().url().endsWith('/app-bridge.js')) return route.fulfill({ status: 200, body: '' });
    await route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: `(() => {
        const token = new URLSearchParams(location.search).get('id_token');
        const send = window.fetch.bind(window);
        window.shopify = { idToken: async () => token };
        window.fetch = (input, init = {}) => {
          const url = new URL(input instanceof Request ? input.url : String(input), location.href);
          if (url.origin !== location.origin) return send(input, init);
          const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
          headers.set('Authorization', 'Bearer ' + token);
          return send(input, { ...init, headers });
        };
      })();`,
    });
  });
}

async function seedProducts(workspaceId: string, titles: string[]) {
  for (const [index, title] of titles.entries()) {
    await database.prisma.product.create({
      data: {
        workspaceId,
        handle: title.toLowerCase().replaceAll(' ', '-'),
        title,
        description: `${title}, made to last.`,
        minPriceCents: 2_500 + index,
        variants: { create: { workspaceId, title: 'Default', priceCents: 2_500 + index, inventory: 5 } },
      },
    });
  }
}

test('the catalog page shows the shop’s own workspace, created on first open, and follows App Bridge fetches', async ({
  page,
}) => {
  await stubAppBridge(page);
  await page.goto(embeddedUrl('/catalog', harbor, await sessionToken(harbor)));
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await expect(page.getByText('No products yet')).toBeVisible();

  // The app set the shop's workspace up itself; the catalog sync would fill it, here the test does.
  const harborWorkspace = await database.prisma.workspace.findUniqueOrThrow({
    where: { shopDomain: `${harbor}.myshopify.com` },
  });
  expect(harborWorkspace).toMatchObject({ name: 'Harbor Lights E2e', plan: 'free' });
  expect(harborWorkspace.shopifyInstalledAt).not.toBeNull();
  await seedProducts(harborWorkspace.id, ['Harbor Storm Lantern', 'Harbor Deck Blanket']);
  await page.goto(embeddedUrl('/catalog', bay, await sessionToken(bay)));
  const bayWorkspace = await database.prisma.workspace.findUniqueOrThrow({
    where: { shopDomain: `${bay}.myshopify.com` },
  });
  await seedProducts(bayWorkspace.id, ['Bay Touring Kayak']);

  await page.goto(embeddedUrl('/catalog', harbor, await sessionToken(harbor)));
  await expect(page.getByText('Harbor Storm Lantern')).toBeVisible();
  await expect(page.getByText('Harbor Deck Blanket')).toBeVisible();
  await expect(page.getByText('Bay Touring Kayak')).toHaveCount(0);

  // A search navigates in the browser: Remix fetches the data with the Bearer token.
  const dataRequest = page.waitForRequest((request) => new URL(request.url()).pathname === '/app/catalog.data');
  await page.getByLabel('Search products').fill('lantern');
  await page.getByRole('button', { name: 'Search' }).click();
  expect((await dataRequest).headers().authorization).toMatch(/^Bearer ey/);
  await expect(page).toHaveURL(/\/app\/catalog\?q=lantern/);
  await expect(page.getByText('Harbor Storm Lantern')).toBeVisible();
  await expect(page.getByText('Harbor Deck Blanket')).toHaveCount(0);

  // The other shop's token opens the other shop's workspace, whatever the URL claims.
  await page.goto(embeddedUrl('/catalog', harbor, await sessionToken(bay)));
  await expect(page.getByText('Bay Touring Kayak')).toBeVisible();
  await expect(page.getByText('Harbor Storm Lantern')).toHaveCount(0);
});

test('a forged session token opens nothing', async ({ page, request }) => {
  await stubAppBridge(page);
  await page.goto(embeddedUrl('/catalog', harbor, await sessionToken(harbor, 'not-the-app-secret-at-all-0123456789')));
  // Shopify's bounce page: App Bridge is asked for a fresh token, and no page data is sent.
  await expect(page).toHaveURL(/\/app\/auth\/session-token\?/);
  await expect(page.getByText('Harbor Storm Lantern')).toHaveCount(0);

  const forged = await request.get('/app/catalog.data', {
    headers: {
      authorization: `Bearer ${await sessionToken(harbor, 'not-the-app-secret-at-all-0123456789')}`,
      'user-agent': browserUserAgent,
    },
  });
  expect(forged.status()).toBe(401);
  expect(forged.headers()['x-shopify-retry-invalid-session-request']).toBe('1');
  expect(await forged.text()).not.toContain('Harbor');
});
