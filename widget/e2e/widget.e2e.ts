import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
// @ts-expect-error build.mjs is plain JavaScript without type declarations.
import { buildWidget } from '../build.mjs';
import { startFixtureServer } from './fixture/fixture-server';

/**
 * The widget alone, in real Chromium: built dist/ served to a storefront page
 * under a strict CSP, talking to a scripted Socket.IO server. (The full
 * end-to-end tests against the real server live with the server.)
 */
let fixture: Awaited<ReturnType<typeof startFixtureServer>>;
const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-widget-e2e-'));
const cspProblems: string[] = [];

test.beforeAll(async () => {
  await buildWidget({ outdir: distDir });
  fixture = await startFixtureServer(distDir);
});
test.afterAll(async () => {
  await fixture?.close();
  fs.rmSync(distDir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  cspProblems.length = 0;
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspProblems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load: CSP ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
});
test.afterEach(() => {
  expect(cspProblems, 'no Content Security Policy violations').toEqual([]);
});

const launcher = (page: Page) => page.getByRole('button', { name: /^Open chat/ });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Ava' });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const productCard = (page: Page) => page.getByRole('article', { name: 'Alpine Down Jacket' });
const storage = (page: Page) =>
  page.evaluate(() => ({ local: { ...localStorage }, session: sessionStorage.length, cookie: document.cookie }));
const activeInWidget = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('closer-chat')?.shadowRoot?.activeElement;
    return active
      ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}:${active.getAttribute('aria-label') ?? active.textContent}`
      : null;
  });

async function ask(page: Page, text: string) {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

test('the launcher appears without writing anything; opening loads the app and keeps the token', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${fixture.origin}/shop.html`);
  await expect(launcher(page)).toBeVisible();
  expect(await storage(page)).toEqual({ local: {}, session: 0, cookie: '' });
  expect(await context.cookies()).toEqual([]);

  await launcher(page).click();
  await expect(dialog(page)).toBeVisible();
  expect(requests).toContain('/widget/app.js');
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(dialog(page).getByText('Hi! I can help you find the right jacket.')).toBeVisible();
  await expect.poll(async () => Object.keys((await storage(page)).local)).toEqual(['closer:pk_test_12345678:visitor']);
  expect(await context.cookies()).toEqual([]);

  // The config is revalidated, not refetched: the browser sends its ETag back.
  await page.reload();
  await expect(launcher(page)).toBeVisible();
  await expect.poll(() => fixture.configStatuses.at(-1)).toBe(304);
});

test('a reply streams in behind a typing indicator, then shows its product card', async ({ page }) => {
  await page.goto(`${fixture.origin}/shop.html`);
  await launcher(page).click();
  await expect(dialog(page)).toBeVisible();
  // Every state the panel went through: the reply's text so far, the typing dots, the cards.
  await page.evaluate(() => {
    const root = document.querySelector('closer-chat')?.shadowRoot as ShadowRoot;
    const states: string[] = [];
    (window as unknown as { __states: string[] }).__states = states;
    new MutationObserver(() => {
      const reply = [...root.querySelectorAll('.from-assistant .bubble')].at(-1)?.textContent ?? '';
      const state = `${root.querySelector('.typing') ? 'typing' : 'idle'}|${reply}|${root.querySelectorAll('.card').length}`;
      if (states.at(-1) !== state) states.push(state);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  await ask(page, 'Do you have warm jackets?');
  await expect(dialog(page).getByText('Do you have warm jackets?')).toBeVisible();
  await expect(productCard(page)).toBeVisible();
  const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states);
  const greeting = 'Ava: Hi! I can help you find the right jacket.';
  expect(states).toContain(`typing|Ava is typing…|0`);
  expect(states.indexOf('typing|Ava is typing…|0')).toBeLessThan(
    states.findIndex((state) => state.includes('Here are')),
  );
  expect(states).toContain('idle|Ava: Here are two warm |0');
  expect(states.at(-1)).toBe('idle|Ava: Here are two warm jackets: the Alpine is my pick.|1');
  expect(states.every((state) => !state.includes(greeting) || state.startsWith('idle|Ava: Hi'))).toBe(true);
  await expect(page.locator('closer-chat .typing')).toHaveCount(0);
  await expect(dialog(page).locator('strong', { hasText: 'the Alpine' })).toBeVisible();
  await expect(productCard(page).getByText('$129.00')).toBeVisible();
  await expect(productCard(page).locator('s')).toHaveText('Regular price $159.00');
  await expect(productCard(page).getByRole('combobox', { name: 'Option' })).toHaveValue(
    '22222222-2222-4222-8222-222222220001',
  );
  await expect(dialog(page).getByRole('button', { name: 'Any in blue?' })).toBeVisible();
  // Announced once, complete, in the live region.
  await expect(page.locator('closer-chat [aria-live="polite"]')).toHaveText(
    'Ava: Here are two warm jackets: the Alpine is my pick.',
  );
});

test('works with the keyboard alone: Tab, Enter, Escape', async ({ page }) => {
  await page.goto(`${fixture.origin}/shop.html`);
  await expect(launcher(page)).toBeVisible();
  for (let presses = 0; presses < 5 && !(await activeInWidget(page))?.startsWith('button:Open chat'); presses++) {
    await page.keyboard.press('Tab');
  }
  expect(await activeInWidget(page)).toMatch(/^button:Open chat/);
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect.poll(() => activeInWidget(page)).toMatch(/^textarea#closer-input/);

  await page.keyboard.type('Warm jackets please');
  await page.keyboard.press('Enter');
  await expect(productCard(page)).toBeVisible();
  for (let presses = 0; presses < 15 && (await activeInWidget(page)) !== 'button:Add to cart'; presses++) {
    await page.keyboard.press('Shift+Tab');
  }
  expect(await activeInWidget(page)).toBe('button:Add to cart');
  await page.keyboard.press('Enter');
  await expect(productCard(page).getByRole('button', { name: 'Added to cart' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __cart: unknown[] }).__cart)).toEqual([
    {
      productId: '11111111-1111-4111-8111-111111111111',
      variantId: '22222222-2222-4222-8222-222222220001',
      externalVariantId: '0001',
      quantity: 1,
    },
  ]);
  await expect
    .poll(() => fixture.widget.received.filter(({ event }) => event === 'cart.added').map(({ payload }) => payload))
    .toContainEqual({
      productId: '11111111-1111-4111-8111-111111111111',
      variantId: '22222222-2222-4222-8222-222222220001',
      quantity: 1,
    });

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  expect(await activeInWidget(page)).toMatch(/^button:Open chat/);
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
});

test('the open panel has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto(`${fixture.origin}/shop.html`);
  await launcher(page).click();
  await ask(page, 'Warm jackets?');
  await expect(productCard(page)).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) }))).toEqual([]);
});

test('the lead form and the rating pass axe too, and reach the server', async ({ page }) => {
  const before = fixture.widget.received.length;
  const axe = () =>
    new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']);
  await page.goto(`${fixture.origin}/shop.html`);
  await launcher(page).click();
  await ask(page, 'Hello');
  await expect(productCard(page)).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Talk to a person' }).click();
  await expect(dialog(page).getByText('Nobody from the team is available right now.')).toBeVisible();
  await expect(dialog(page).getByRole('textbox', { name: 'Email' })).toBeVisible();
  expect((await axe().analyze()).violations.map(({ id }) => id)).toEqual([]);
  await dialog(page).getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
  await dialog(page).getByRole('textbox', { name: 'Name (optional)' }).fill('Ana');
  await dialog(page).getByRole('button', { name: 'Submit' }).click();
  await expect(dialog(page).getByText('Thanks! We will be in touch.')).toBeVisible();

  fixture.widget.closeAll();
  await expect(dialog(page).getByText('This conversation has ended.')).toBeVisible();
  expect((await axe().analyze()).violations.map(({ id }) => id)).toEqual([]);
  await dialog(page).getByRole('button', { name: '5 of 5' }).click();
  await expect(dialog(page).getByText('Thanks for your feedback!')).toBeVisible();
  const mine = fixture.widget.received.slice(before);
  expect(mine.find(({ event }) => event === 'lead.capture')?.payload).toMatchObject({
    email: 'ana@example.com',
    name: 'Ana',
  });
  expect(mine.find(({ event }) => event === 'conversation.rate')?.payload).toEqual({ rating: 5 });
});

test('on a 390×844 phone the panel is full-screen and modal, with 16px inputs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${fixture.origin}/shop.html`);
  await launcher(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toHaveAttribute('aria-modal', 'true');
  const box = await dialog(page).boundingBox();
  expect([box?.x, box?.y, box?.width, box?.height].map((value) => Math.round(value ?? -1))).toEqual([0, 0, 390, 844]);
  expect(await composer(page).evaluate((element) => getComputedStyle(element).fontSize)).toBe('16px');
  await expect(launcher(page)).toBeHidden();
  // Modal on phones: Tab cycles inside the panel.
  for (let presses = 0; presses < 12; presses++) {
    await page.keyboard.press('Tab');
    expect(await activeInWidget(page)).not.toBeNull();
  }
  await page.getByRole('button', { name: 'Close chat' }).click();
  await expect(launcher(page)).toBeVisible();
});

test('speaks the page’s language, loading its strings under the same CSP', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${fixture.origin}/shop.html?lang=de`);
  await page.getByRole('button', { name: /chat/i }).click();
  await expect(page.getByRole('textbox', { name: 'Nachricht' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chat schließen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chat öffnen' })).toHaveAttribute('aria-expanded', 'true');
  expect(requests).toContain('/widget/locale-de.js');
});

test('after a server restart it reconnects, syncs, and sends what was typed meanwhile', async ({ page }) => {
  const before = fixture.widget.received.length;
  await page.goto(`${fixture.origin}/shop.html`);
  await launcher(page).click();
  await ask(page, 'First question');
  await expect(productCard(page)).toBeVisible();

  fixture.widget.restart();
  await expect(dialog(page).getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible();
  await ask(page, 'Typed while offline');
  await expect(dialog(page).getByText('Sending…')).toBeVisible();

  await expect(dialog(page).getByText('Sending…')).toHaveCount(0, { timeout: 10_000 });
  await expect(productCard(page)).toHaveCount(2);
  const mine = fixture.widget.received.slice(before);
  const sent = mine.filter(({ event }) => event === 'message.send').map(({ payload }) => payload as { text: string });
  expect(sent.map(({ text }) => text)).toEqual(['First question', 'Typed while offline']);
  expect(mine.some(({ event }) => event === 'messages.sync')).toBe(true);
  await expect(dialog(page).getByText('First question')).toHaveCount(1);
});
