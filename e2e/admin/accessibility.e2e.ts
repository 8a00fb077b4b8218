import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/**
 * Every admin page, signed out and signed in as the demo store's owner, through
 * axe in Chromium against WCAG 2.2 A/AA. A page with a violation fails with the
 * rule, the element and axe's help text, so the fix is obvious from the report.
 */
const wcag22 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const signedOutPages = ['/login', '/signup', '/forgot-password', '/reset-password/not-a-real-token'];
const signedInPages = [
  '/',
  '/inbox',
  '/catalog',
  '/orders',
  '/contacts',
  '/forecasts',
  '/assistant',
  '/install',
  '/ai',
  '/team',
  '/api-keys',
  '/workspaces/new',
];

async function expectNoViolations(page: Page) {
  // Charts and lists render after hydration; audit what a person would see.
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(wcag22).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

for (const path of signedOutPages) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expectNoViolations(page);
  });
}

test.describe('signed in as the demo owner', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('demo@example.com');
    await page.getByLabel('Password').fill('closer-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  for (const path of signedInPages) {
    test(`${path} has no accessibility violations`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectNoViolations(page);
    });
  }
});
