import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  activeInWidget,
  ask,
  composer,
  dialog,
  launcher,
  productCard,
  useWidgetFixture,
  wcag22,
} from './fixture/widget-page';

/** Keyboard, screen-reader semantics (axe, WCAG 2.2 AA) and the phone layout, in real Chromium. */
const fixture = useWidgetFixture();

test('works with the keyboard alone: Tab, Enter, Escape', async ({ page }) => {
  await page.goto(`${fixture().origin}/shop.html`);
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
    .poll(() =>
      fixture()
        .widget.received.filter(({ event }) => event === 'cart.added')
        .map(({ payload }) => payload),
    )
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
  await page.goto(`${fixture().origin}/shop.html`);
  await launcher(page).click();
  await ask(page, 'Warm jackets?');
  await expect(productCard(page)).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(wcag22).analyze();
  expect(results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) }))).toEqual([]);
});

test('the lead form and the rating pass axe too, and reach the server', async ({ page }) => {
  const before = fixture().widget.received.length;
  const axe = () =>
    new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']);
  await page.goto(`${fixture().origin}/shop.html`);
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

  fixture().widget.closeAll();
  await expect(dialog(page).getByText('This conversation has ended.')).toBeVisible();
  expect((await axe().analyze()).violations.map(({ id }) => id)).toEqual([]);
  await dialog(page).getByRole('button', { name: '5 of 5' }).click();
  await expect(dialog(page).getByText('Thanks for your feedback!')).toBeVisible();
  const mine = fixture().widget.received.slice(before);
  expect(mine.find(({ event }) => event === 'lead.capture')?.payload).toMatchObject({
    email: 'ana@example.com',
    name: 'Ana',
  });
  expect(mine.find(({ event }) => event === 'conversation.rate')?.payload).toEqual({ rating: 5 });
});

test('on a 390×844 phone the panel is full-screen and modal, with 16px inputs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${fixture().origin}/shop.html`);
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
