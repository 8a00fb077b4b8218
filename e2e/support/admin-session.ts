import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What the admin's end-to-end tests share: signing in as the demo store's owner, and axe against WCAG 2.2 A/AA. */
export const wcag22 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function logInAsDemoOwner(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill('demo@example.com');
  await page.getByLabel('Password').fill('closer-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The page as it stands (charts drawn, forms open): each violation named with its first element. */
export async function expectAccessible(page: Page) {
  const audit = await new AxeBuilder({ page }).withTags(wcag22).analyze();
  expect(audit.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}
