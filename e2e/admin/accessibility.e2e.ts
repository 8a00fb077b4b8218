import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { logInAsDemoOwner, wcag22 } from '../support/admin-session';

/**
 * Every admin page, signed out and signed in as the demo store's owner, through
 * axe in Chromium against WCAG 2.2 A/AA. A page with a violation fails with the
 * rule, the element and axe's help text, so the fix is obvious from the report.
 */

const signedOutPages = ['/login', '/signup', '/forgot-password', '/reset-password/not-a-real-token'];
const signedInPages = [
  '/',
  '/inbox',
  '/catalog',
  '/content',
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
    await logInAsDemoOwner(page);
  });

  for (const path of signedInPages) {
    test(`${path} has no accessibility violations`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectNoViolations(page);
    });
  }
});
