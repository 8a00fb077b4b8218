import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { createCsrfToken } from '../../server/src/modules/identity';
import { connect, type Database } from '../../server/src/platform/database';
import { expectAccessible, logInAsDemoOwner } from '../support/admin-session';
import { readE2eState } from '../support/e2e-state';
import { type AdminActor, identityFor, joinAs } from './support/admin-actors';

/**
 * The content studio in Chromium, as the demo store's owner: pick three
 * products by searching, price the run, generate descriptions and SEO (the
 * e2e server has no AI key, so the offline provider writes labelled drafts
 * through the real job queue), watch the run finish on the page, edit one SEO
 * title against its character limit and find the edit in the history's word
 * diff, approve it and bulk-approve the rest, and download the generic CSV.
 * Then a viewer of the same store reads everything and can change nothing.
 */
test.describe.configure({ mode: 'serial' });

let database: Database;
let demoWorkspaceId: string;
let runId = '';
const newTitle = 'Built to last, made with care';

test.beforeAll(async () => {
  database = await connect(readE2eState().databaseUrl);
  demoWorkspaceId = (await database.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
});

test.afterAll(async () => database.close());

/** Three active products of the demo store, oldest first (the ones a merchant sees first). */
async function demoProducts() {
  return database.prisma.product.findMany({
    where: { workspaceId: demoWorkspaceId, status: 'active' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, handle: true },
    take: 3,
  });
}

async function pickProduct(page: Page, title: string) {
  await page.getByLabel('Search products').fill(title);
  const box = page.getByRole('group', { name: 'Products to generate for' }).getByRole('checkbox', {
    name: title,
    exact: true,
  });
  await box.check();
  await expect(box).toBeChecked();
}

test('select → estimate → generate → review → approve → export', async ({ page }) => {
  test.setTimeout(120_000);
  const products = await demoProducts();
  expect(products).toHaveLength(3);
  await logInAsDemoOwner(page);
  await page.goto('/content');
  await expect(page.getByRole('heading', { name: 'Content studio', level: 1 })).toBeVisible();
  await expectAccessible(page);

  for (const product of products) await pickProduct(page, product.title);
  await expect(page.getByText('3 products selected')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Product description' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'SEO title and meta description' })).toBeChecked();

  // No run without its price in view.
  await expect(page.getByRole('button', { name: 'Generate drafts' })).toBeDisabled();
  await expect(page.getByText('Estimate the cost, then generate.')).toBeVisible();
  await page.getByRole('button', { name: 'Estimate cost' }).click();
  // The first estimate of a fresh server loads the token counter: give it longer than a click's answer.
  await expect(page.getByText('6 drafts: 3 products × 2 kinds, in English (en).')).toBeVisible({ timeout: 20_000 });
  const estimate = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Estimated cost' }) });
  await expect(estimate.getByRole('row').filter({ hasText: 'SEO title and meta description' })).toContainText(
    'Offline drafts (no AI key)',
  );
  await expect(page.getByText(/AI budget|No monthly AI budget/).first()).toBeVisible();
  await expectAccessible(page);

  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });
  await page.getByRole('button', { name: 'Generate drafts' }).click();
  await expect(page).toHaveURL(/\/content\?run=[0-9a-f-]{36}$/);
  runId = new URL(page.url()).searchParams.get('run') ?? '';

  // The run's progress on the page, without a reload, until the worker has written every draft.
  const thisRun = page.getByRole('article').filter({ hasText: 'Its drafts are listed below' });
  await expect(thisRun.getByRole('progressbar')).toBeVisible();
  await expect(thisRun.getByText('Completed', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(thisRun).toContainText('6 done · 0 failed · 0 remaining');
  await expect(thisRun).toContainText('Cost so far $0.00 of $0.00 estimated');
  await expect(thisRun.getByRole('progressbar')).toHaveAttribute('value', '100');
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Status' }) });
  const rows = table.getByRole('row').filter({ hasText: 'Generated' });
  await expect(rows).toHaveCount(6);
  const firstProduct = products[0] as (typeof products)[number];

  // One draft: edit the SEO title against its limit, save, and read the edit in the history.
  await table
    .getByRole('row')
    .filter({ hasText: firstProduct.title })
    .filter({ hasText: 'SEO title and meta description' })
    .getByRole('link', { name: firstProduct.title })
    .click();
  await expect(page).toHaveURL(/\/content\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: firstProduct.title, level: 1 })).toBeVisible();
  const seoTitle = page.getByRole('textbox', { name: 'SEO title' });
  const generatedTitle = await seoTitle.inputValue();
  expect(generatedTitle.length).toBeGreaterThan(0);
  await expect(page.getByText(`${generatedTitle.trim().length}/60 characters`)).toBeVisible();

  await seoTitle.fill('x'.repeat(65));
  await expect(page.getByText('65/60 characters')).toBeVisible();
  await expect(page.getByText('5 characters over the limit of 60')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await seoTitle.fill(newTitle);
  await expect(page.getByText(`${newTitle.length}/60 characters`)).toBeVisible();
  // Unsaved text is never what gets approved.
  await expect(page.getByRole('button', { name: 'Approve' })).toBeDisabled();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved. The draft is back in review.')).toBeVisible();
  await expect(page.getByText('In review', { exact: true }).first()).toBeVisible();

  const history = page.getByRole('list', { name: 'Revision history' });
  const latest = history.getByRole('listitem').first();
  await expect(latest).toContainText('Edited by');
  await expect(latest).toContainText('generated → in review');
  await expect(latest.locator('ins')).toContainText(['Built']);
  await expect(latest.locator('del').first()).toBeVisible();
  await expect(history.getByRole('listitem').last()).toContainText('Generated by Content studio');
  await expect(history.getByRole('listitem').last()).toContainText('model offline');
  await expect(history.getByRole('listitem').last()).toContainText('prompt content-');
  await expectAccessible(page);

  await page.getByLabel('Note for the history (optional)').fill('Shorter and warmer');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  await expect(history.getByRole('listitem').first()).toContainText('Approved by');
  await expect(history.getByRole('listitem').first()).toContainText('“Shorter and warmer”');
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // Back to the run (the page's back arrow, not the navigation's link to a fresh studio): bulk-approve the rest.
  await page.getByRole('main').getByRole('link', { name: 'Content studio' }).click();
  await expect(page).toHaveURL(new RegExp(`/content\\?run=${runId}$`));
  await expect(table.getByRole('row').filter({ hasText: 'Approved' })).toHaveCount(1);
  await table.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('5 drafts approved; 1 draft skipped')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Approved' })).toHaveCount(6);
  expect(await database.prisma.contentDraft.count({ where: { runId, status: 'approved' } })).toBe(6);

  // The generic CSV of this run: every approved draft, the edited title among them.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^closer-content-generic-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path()) as string, 'utf8');
  const records = parse(csv, { columns: true }) as Record<string, string>[];
  const approved = await database.prisma.contentDraft.findMany({ where: { runId }, select: { id: true } });
  expect(records.map((record) => record.draft_id).sort()).toEqual(approved.map((draft) => draft.id).sort());
  expect(new Set(records.map((record) => record.status))).toEqual(new Set(['approved']));
  expect(new Set(records.map((record) => record.product_handle))).toEqual(
    new Set(products.map((product) => product.handle)),
  );
  const editedRow = records.find(
    (record) => record.product_handle === firstProduct.handle && record.kind === 'SEO title and meta description',
  );
  expect(editedRow?.text).toContain(newTitle);

  // The same resource route, as Shopify's product import: one row per product with description and SEO.
  const shopify = await page.request.get(`/content/export?format=shopify&run=${runId}`);
  expect(shopify.headers()['content-type']).toContain('text/csv');
  expect(shopify.headers()['content-disposition']).toMatch(/^attachment; filename="closer-content-shopify-/);
  const shopifyRows = parse(await shopify.text(), { columns: true }) as Record<string, string>[];
  expect(shopifyRows).toHaveLength(3);
  expect(shopifyRows.find((row) => row.Handle === firstProduct.handle)?.['SEO Title']).toBe(newTitle);
  const refused = await page.request.get('/content/export?format=xml');
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('format must be shopify or generic');
});

test('a whole collection: "Select all" approves every draft of the run, past the first page', async ({ page }) => {
  test.setTimeout(120_000);
  const [largest] = await database.prisma.product.groupBy({
    by: ['category'],
    // Runs cover every product of the collection that is not archived.
    where: { workspaceId: demoWorkspaceId, status: { not: 'archived' }, category: { not: null } },
    _count: true,
    orderBy: { _count: { category: 'desc' } },
    take: 1,
  });
  const collection = largest?.category as string;
  const expected = (largest?._count ?? 0) * 2;
  // More drafts than one page (25) shows, or "Select all" would have nothing past the page to reach.
  expect(expected).toBeGreaterThan(25);

  await logInAsDemoOwner(page);
  await page.goto('/content');
  await page.getByText('A whole collection', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'A whole collection' })).toBeChecked();
  await page.getByLabel('Collection', { exact: true }).selectOption(collection);
  await page.getByRole('button', { name: 'Estimate cost' }).click();
  await expect(page.getByText(`${expected} drafts:`)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Generate drafts' }).click();
  await expect(page).toHaveURL(/\/content\?run=[0-9a-f-]{36}$/);
  const collectionRun = new URL(page.url()).searchParams.get('run') ?? '';
  const thisRun = page.getByRole('article').filter({ hasText: 'Its drafts are listed below' });
  await expect(thisRun.getByText('Completed', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(thisRun).toContainText(`${expected} done · 0 failed · 0 remaining`);

  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Status' }) });
  await expect(table.getByRole('row').filter({ hasText: 'Generated' })).toHaveCount(25);
  await table.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: `Select all ${expected} drafts matching the filters` }).click();
  await expect(page.getByText(`All ${expected} drafts matching the filters are selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText(`${expected} drafts approved`)).toBeVisible();
  expect(
    await database.prisma.contentDraft.groupBy({ by: ['status'], where: { runId: collectionRun }, _count: true }),
  ).toEqual([{ status: 'approved', _count: expected }]);

  // A draft's page walks the run in the list's order, without going back to the list.
  const [first, second] = await database.prisma.contentDraft.findMany({
    where: { runId: collectionRun },
    orderBy: { id: 'asc' },
    select: { id: true },
    take: 2,
  });
  await page.goto(`/content/drafts/${first?.id}`);
  await expect(page.getByRole('button', { name: 'Previous draft' })).toBeDisabled();
  await page.getByRole('link', { name: 'Next draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/content/drafts/${second?.id}$`));
  await expect(page.getByRole('link', { name: 'Previous draft' })).toBeVisible();
  await expectAccessible(page);
});

test('a viewer reads the studio and the drafts, without a button that changes anything', async ({
  page,
  browser,
  baseURL,
}) => {
  expect(runId, 'the first test started a run').not.toBe('');
  await logInAsDemoOwner(page);
  const owner = await demoOwnerActor(page);
  const viewer = await joinAs(database.prisma, baseURL as string, owner, 'viewer');
  const context = await browser.newContext();
  try {
    await context.addCookies((await viewer.http.storageState()).cookies);
    const viewerPage = await context.newPage();
    await viewerPage.goto(`/content?run=${runId}`);
    await expect(viewerPage.getByRole('heading', { name: 'Content studio', level: 1 })).toBeVisible();
    const table = viewerPage
      .getByRole('table')
      .filter({ has: viewerPage.getByRole('columnheader', { name: 'Status' }) });
    await expect(table.getByRole('row').filter({ hasText: 'Approved' })).toHaveCount(6);
    await expect(table.getByRole('checkbox')).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: 'Generate drafts' })).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: 'Save brand voice' })).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: 'Analyse reviews' })).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: 'Estimate cost' })).toBeVisible();
    await expectAccessible(viewerPage);

    await table.getByRole('link').first().click();
    await expect(viewerPage).toHaveURL(/\/content\/drafts\//);
    await expect(viewerPage.getByRole('list', { name: 'Revision history' })).toBeVisible();
    await expect(viewerPage.getByRole('button', { name: /^(Approve|Reject|Reopen|Save changes)$/ })).toHaveCount(0);
    await expect(viewerPage.getByRole('textbox')).toHaveCount(0);

    // The server refuses anyway.
    const draft = await database.prisma.contentDraft.findFirstOrThrow({ where: { runId, status: 'approved' } });
    const refused = await viewer.http.post('/content', {
      form: { _csrf: await viewer.csrf(), intent: 'reject', draftId: draft.id },
    });
    expect(refused.status()).toBe(403);
    expect((await database.prisma.contentDraft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('approved');
  } finally {
    await context.close();
    await viewer.http.dispose();
  }
});

/** The demo owner as the admin-actors helpers know people: their session from the browser that logged in. */
async function demoOwnerActor(page: Page): Promise<AdminActor> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.endsWith('closer_session'));
  if (!cookie) throw new Error('the demo owner has no session cookie');
  const sessionToken = decodeURIComponent(cookie.value);
  const session = await identityFor(database.prisma, readE2eState().url).resolveSession(sessionToken);
  if (!session) throw new Error('the demo owner’s session is not valid');
  return {
    label: 'content',
    email: 'demo@example.com',
    role: 'owner',
    workspaceId: demoWorkspaceId,
    http: page.request,
    sessionToken,
    csrf: async () => createCsrfToken(session.csrfSecret),
  };
}
