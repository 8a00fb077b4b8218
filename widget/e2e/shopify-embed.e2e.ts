import { expect, test } from '@playwright/test';
import { embedScript, renderBlockScriptTag } from '../../shopify-app/extensions/closer-chat/block-markup.fixture';
import { csp } from './fixture/fixture-pages';
import { dialog, launcher, useWidgetFixture } from './fixture/widget-page';

/**
 * Shopify's app embed in real Chromium under a strict CSP: a theme page with
 * the block as Liquid renders it, the embed script served like a theme asset,
 * and the app proxy answering as Closer does. The embed must bring up the real
 * widget with the theme editor's settings and send the signed-in customer's
 * token on the socket handshake.
 */
const fixture = useWidgetFixture();

test('brings up the widget with the theme settings and the signed-in customer', async ({ page }) => {
  const { origin } = fixture();
  const proxied: string[] = [];
  const handshakes: string[] = [];
  // The CONNECT packet carries the handshake's auth, over WebSocket or, where a page served this way may not
  // open one to a loopback address, in a long-polling POST.
  const collect = (data: string | null | undefined) => {
    for (const packet of (data ?? '').split('\x1e')) if (packet.startsWith('40/widget,')) handshakes.push(packet);
  };
  page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => collect(String(payload))));
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/socket.io/')) collect(request.postData());
  });
  await page.route(`${origin}/theme/**`, (route) => {
    const url = new URL(route.request().url());
    const headers = { 'Content-Security-Policy': csp };
    if (url.pathname === '/theme/cdn/closer-embed.js') {
      return route.fulfill({ contentType: 'text/javascript', body: embedScript, headers });
    }
    const block = renderBlockScriptTag({
      assetUrl: `${origin}/theme/cdn/closer-embed.js`,
      shopDomain: 'demo-outfitters.myshopify.com',
      settings: {
        position: 'bottom-left',
        accent_color: '#0a7d33',
        greeting: 'Welcome back, Ana! Ask me about your order.',
      },
    });
    return route.fulfill({
      contentType: 'text/html',
      headers,
      body: `<!doctype html><html lang="en"><head><title>Theme</title></head><body><h1>Demo Outfitters</h1>${block}</body></html>`,
    });
  });
  // The theme page calls /apps/closer/config on its own origin; Shopify would forward it, signed, to Closer.
  await page.route(`${origin}/apps/closer/**`, (route) => {
    proxied.push(route.request().url());
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        widgetKey: 'pk_test_12345678',
        loaderUrl: `${origin}/widget/loader.js`,
        customerToken: 'c1.e2e-payload.e2e-signature',
      }),
    });
  });

  await page.goto(`${origin}/theme/index.html`);
  await expect(launcher(page)).toBeVisible();
  expect(proxied).toEqual([`${origin}/apps/closer/config`]);
  const host = page.locator('closer-chat');
  await expect(host).toHaveAttribute('data-position', 'bottom-left');
  expect(await host.evaluate((element) => element.style.getPropertyValue('--closer-primary'))).toBe('rgb(10,125,51)');

  await launcher(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByText('Welcome back, Ana! Ask me about your order.')).toBeVisible();
  await expect.poll(() => handshakes.length).toBeGreaterThan(0);
  expect(JSON.parse(handshakes[0]?.slice('40/widget,'.length) ?? '{}')).toMatchObject({
    key: 'pk_test_12345678',
    customerToken: 'c1.e2e-payload.e2e-signature',
  });
});
