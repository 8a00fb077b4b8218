import { expect, test } from '@playwright/test';
import { ask, dialog, launcher, productCard, storage, useWidgetFixture } from './fixture/widget-page';

/**
 * The widget alone, in real Chromium: loading, streaming, languages, recovery.
 * (The full end-to-end tests against the real server live with the server.)
 */
const fixture = useWidgetFixture();

test('the launcher appears without writing anything; opening loads the app and keeps the token', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${fixture().origin}/shop.html`);
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
  await expect.poll(() => fixture().configStatuses.at(-1)).toBe(304);
});

test('a reply streams in behind a typing indicator, then shows its product card', async ({ page }) => {
  await page.goto(`${fixture().origin}/shop.html`);
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

test('speaks the page’s language, loading its strings under the same CSP', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${fixture().origin}/shop.html?lang=de`);
  await page.getByRole('button', { name: /chat/i }).click();
  await expect(page.getByRole('textbox', { name: 'Nachricht' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chat schließen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chat öffnen' })).toHaveAttribute('aria-expanded', 'true');
  expect(requests).toContain('/widget/locale-de.js');
});

test('after a server restart it reconnects, syncs, and sends what was typed meanwhile', async ({ page }) => {
  const before = fixture().widget.received.length;
  await page.goto(`${fixture().origin}/shop.html`);
  await launcher(page).click();
  await ask(page, 'First question');
  await expect(productCard(page)).toBeVisible();

  fixture().widget.restart();
  await expect(dialog(page).getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible();
  await ask(page, 'Typed while offline');
  await expect(dialog(page).getByText('Sending…')).toBeVisible();

  await expect(dialog(page).getByText('Sending…')).toHaveCount(0, { timeout: 10_000 });
  await expect(productCard(page)).toHaveCount(2);
  const mine = fixture().widget.received.slice(before);
  const sent = mine.filter(({ event }) => event === 'message.send').map(({ payload }) => payload as { text: string });
  expect(sent.map(({ text }) => text)).toEqual(['First question', 'Typed while offline']);
  expect(mine.some(({ event }) => event === 'messages.sync')).toBe(true);
  await expect(dialog(page).getByText('First question')).toHaveCount(1);
});
