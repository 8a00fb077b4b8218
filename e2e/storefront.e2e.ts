import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { io } from 'socket.io-client';
import { createApiKey } from '../server/src/modules/tenancy';
import { connect } from '../server/src/platform/database';
import { e2eStateFile } from './support/e2e-state';

/**
 * A shopper on the demo storefront, in real Chromium, against the real server
 * (offline assistant: no AI key), with the widget installed by its script tag.
 */
const launcher = (page: Page) => page.getByRole('button', { name: /^Open chat/ });
const panel = (page: Page) => page.getByRole('dialog');
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const wcag22 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function openChat(page: Page, path = '/demo') {
  await page.goto(path);
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
}

async function ask(page: Page, text: string) {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

function state(): { databaseUrl: string; url: string; widgetKey: string } {
  return JSON.parse(fs.readFileSync(e2eStateFile, 'utf8'));
}

test('a shopper asks for a jacket, gets real products streamed in, and adds one to the cart', async ({ page }) => {
  await openChat(page);
  await ask(page, 'I want a waterproof jacket under $150');
  const cards = panel(page).getByRole('article');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const price = (await cards.nth(index).locator('.price').first().textContent()) ?? '';
    expect(Number(price.replace(/[^0-9.]/g, ''))).toBeLessThanOrEqual(150);
  }
  const reply = panel(page).locator('.from-assistant .bubble').last();
  const title = (await cards.first().getByRole('heading').textContent()) ?? '';
  await expect(reply).toContainText(title);

  await cards.first().getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('#cart-count')).toHaveText('1');

  // The conversation survives a reload: the visitor token brings it back.
  await page.reload();
  await launcher(page).click();
  await expect(panel(page).getByText('I want a waterproof jacket under $150')).toBeVisible();
  await expect(panel(page).getByRole('article').first()).toBeVisible();
});

test('a connection lost mid-conversation loses nothing and doubles nothing', async ({ page, context }) => {
  // Keep a handle on the page's WebSockets, so the test can cut them as a network drop would.
  await page.addInitScript(() => {
    const sockets: WebSocket[] = [];
    (window as unknown as { __sockets: WebSocket[] }).__sockets = sockets;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
  });
  const shopperBubbles = (text: string) => panel(page).locator('.from-shopper', { hasText: text });
  await openChat(page);
  await ask(page, 'Do you sell wool socks?');
  await expect(panel(page).locator('.from-assistant .bubble')).toHaveCount(2);

  await context.setOffline(true);
  await page.evaluate(() => {
    for (const socket of (window as unknown as { __sockets: WebSocket[] }).__sockets) socket.close();
  });
  await ask(page, 'And a warm beanie?');
  await expect(panel(page).getByText('Sending…')).toBeVisible();
  await context.setOffline(false);

  await expect(panel(page).locator('.from-assistant .bubble')).toHaveCount(3, { timeout: 20_000 });
  await expect(panel(page).getByText('Sending…')).toBeHidden();
  await expect(shopperBubbles('And a warm beanie?')).toHaveCount(1);
  await expect(shopperBubbles('Do you sell wool socks?')).toHaveCount(1);
  await page.reload();
  await launcher(page).click();
  await expect(shopperBubbles('And a warm beanie?')).toHaveCount(1);
  await expect(panel(page).locator('.from-assistant .bubble')).toHaveCount(3);
});

test('a shopper asks for a person, an agent replies, and the widget says a person is talking', async ({ page }) => {
  const { databaseUrl, url } = state();
  const database = await connect(databaseUrl);
  const workspace = await database.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
  const { key } = await createApiKey(database.prisma, {
    workspaceId: workspace.id,
    name: 'e2e agent',
    scopes: ['inbox'],
  });
  await database.close();
  const agent = io(`${url}/agent`, { auth: { token: key, name: 'Robin' }, transports: ['websocket'] });
  const waiting = new Promise<string>((resolve) =>
    agent.on('conversation.updated', (payload: { conversationId: string; status: string }) => {
      if (payload.status === 'waiting') resolve(payload.conversationId);
    }),
  );
  try {
    await openChat(page);
    await ask(page, 'Can I talk to a real person?');
    await expect(panel(page).getByText('Waiting for a person to join…')).toBeVisible();
    const conversationId = await waiting;
    await agent.timeout(5_000).emitWithAck('conversation.join', { conversationId });
    await expect(panel(page).getByText('You are now talking to a person (Robin).')).toBeVisible();
    await agent
      .timeout(5_000)
      .emitWithAck('message.send', { conversationId, clientId: 'e2e-agent-reply-1', text: 'Hi, Robin here!' });
    await expect(panel(page).getByText('Hi, Robin here!')).toBeVisible();
    await agent.timeout(5_000).emitWithAck('conversation.release', { conversationId });
    await expect(panel(page).getByText('You are now talking to a person (Robin).')).toBeHidden();
  } finally {
    agent.close();
  }
});

test('the widget works under a strict Content-Security-Policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/demo?csp=strict');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Refused to ${event.violatedDirective}`),
    ),
  );
  await launcher(page).click();
  await ask(page, 'Do you have backpacks?');
  await expect(panel(page).getByRole('article').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('the storefront with the open widget has no WCAG 2.2 AA violations', async ({ page }) => {
  await openChat(page);
  await ask(page, 'Show me knitwear');
  await expect(panel(page).getByRole('article').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(wcag22).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
});

test('on a phone the chat is full-screen with 16 px inputs', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await openChat(page);
  const box = await panel(page).boundingBox();
  expect(box).toMatchObject({ x: 0, y: 0, width: 390 });
  expect(box?.height).toBeGreaterThanOrEqual(800);
  const fontSize = await composer(page).evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
  await context.close();
});
