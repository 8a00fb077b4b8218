import { expect, test } from '@playwright/test';
import { expectAccessible, logInAsDemoOwner } from '../support/admin-session';

/**
 * The Forecasts page in Chromium as the demo store's owner. The demo store
 * has 18 months of orders; on a fresh e2e server no forecast has run, so the
 * test presses "Forecast now" and waits for the real worker to finish (the
 * page polls by itself), then reads the store chart, one product's city
 * ranking and stock plan, and the stock-out alerts, and audits the page.
 */

test('the demo owner forecasts the store and reads a product’s cities, stock and the alerts', async ({ page }) => {
  test.setTimeout(180_000);
  await logInAsDemoOwner(page);
  await page.goto('/forecasts');
  await expect(page.getByRole('heading', { level: 1, name: 'Forecasts' })).toBeVisible();

  const storeChart = page.getByRole('region', { name: 'Store: weekly units sold and forecast' });
  if (!(await storeChart.isVisible())) {
    // Fresh server: nothing has run yet (or a run is already under way from an earlier attempt).
    const forecastNow = page.getByRole('button', { name: 'Forecast now' });
    if (await forecastNow.isEnabled()) await forecastNow.click();
    await expect(page.getByText(/Forecast (queued|running)/)).toBeVisible();
  }
  await expect(storeChart).toBeVisible({ timeout: 120_000 });
  await expect(storeChart.locator('table caption')).toHaveText('Store: weekly units sold and forecast');
  // Weeks of history and 26 forecast weeks with their bands in the chart's text alternative.
  expect(await storeChart.locator('tbody tr').count()).toBeGreaterThan(40);
  await expect(storeChart.getByText(/expected in the next 13 \(80% range/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Backtest accuracy/ }).first()).toBeVisible();
  await expect(page.getByText('MASE', { exact: true }).first()).toBeVisible();

  // Stock-out alerts: the demo store tracks stock, and some products run low.
  const alerts = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Chance before restock' }) });
  await expect(alerts).toBeVisible();
  const firstAlert = alerts.getByRole('row').nth(1);
  await expect(firstAlert).toContainText('%');

  // One product in depth, from the products table.
  const products = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'MASE (baseline)' }) });
  const firstProduct = products.getByRole('link').first();
  const title = (await firstProduct.textContent()) ?? '';
  await firstProduct.click();
  await expect(page).toHaveURL(/\?product=[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  const ranking = page.getByRole('region', { name: 'Where it should sell best' });
  await expect(ranking).toBeVisible();
  await expect(ranking.getByText(/ranks first with/)).toBeVisible();
  await expect(ranking.locator('tbody tr').first()).toBeAttached();
  await expect(page.getByRole('heading', { name: 'City ranking' })).toBeVisible();

  // A longer lead time at a higher service level asks for at least as many units.
  await expect(page.getByRole('heading', { name: 'Stock and reorder' })).toBeVisible();
  await page.getByLabel('Lead time (days)').fill('60');
  await page.getByLabel('Service level').selectOption('99');
  await page.getByRole('button', { name: 'Recalculate' }).click();
  await expect(page).toHaveURL(/lead=60&service=99/);
  await expect(
    page.getByText(/Demand over a 60-day lead time/).or(page.getByText(/does not track inventory/)),
  ).toBeVisible();

  // The browser refuses 0 in the field itself; a hand-edited address gets a message next to it instead.
  await page.goto(page.url().replace('lead=60', 'lead=0'));
  await expect(page.getByText('The lead time is at least 1 day.')).toBeVisible();

  await expect(page.getByRole('heading', { level: 2, name: 'Action plan' })).toBeVisible();

  // Let lazy charts draw before the audit.
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);
});
