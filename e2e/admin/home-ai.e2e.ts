import { expect, type Page, test } from '@playwright/test';
import { Prisma } from '@prisma/client';
import { connect, type Database } from '../../server/src/platform/database';
import { expectAccessible, logInAsDemoOwner } from '../support/admin-session';
import { readE2eState } from '../support/e2e-state';
import { chatAsShopper } from '../support/shopper-chats';
import { joinAs, signUpOwner } from './support/admin-actors';

/**
 * Home and "AI and usage" in Chromium, as the demo store's owner: shoppers
 * chat through the real widget socket, one of them places an order, and the
 * dashboard's figures, charts and tables show it; on the AI page the owner
 * sets a budget and a provider key, which never comes back into the page.
 * A viewer of another workspace may read, but not change, anything.
 */
let database: Database;
let demoWorkspaceId: string;
// Unique per run, so this run's questions are recognisable among other tests' conversations.
const place = `Reykjavik ${Date.now().toString(36)}`;

test.beforeAll(async () => {
  database = await connect(readE2eState().databaseUrl);
  demoWorkspaceId = (await database.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
});

test.afterAll(async () => {
  // Other test files meet the demo store's AI settings as seeded.
  await database.prisma.workspace.update({
    where: { id: demoWorkspaceId },
    data: {
      aiMonthlyBudgetMicroUsd: null,
      aiOnBudgetExceeded: 'offline',
      aiCredentials: Prisma.DbNull,
      aiRoutingPolicy: Prisma.DbNull,
    },
  });
  await database.close();
});

/** A metric card's big figure: each card is a region named by its heading. */
const metric = (page: Page, label: string) =>
  page.getByRole('region', { name: label, exact: true }).getByRole('paragraph').first();

test('the demo owner sees this period’s conversations, handoffs and assisted revenue on Home, as charts and tables', async ({
  page,
}) => {
  // Three real shopper chats through the widget socket come first; on a busy CI machine that alone takes a while.
  test.setTimeout(90_000);
  const { url, widgetKey } = readE2eState();
  if (!widgetKey) throw new Error('the e2e server has no demo widget key');
  const asked = await chatAsShopper(url, widgetKey, { messages: [`Do you ship to ${place}?`] });
  await chatAsShopper(url, widgetKey, { messages: [`do you ship to ${place.toLowerCase()}`] });
  await chatAsShopper(url, widgetKey, { messages: ['I need help with a return'], handoff: true });
  // The shopper who asked buys: the order carries the conversation, as the cart attribute does on Shopify.
  const order = await database.prisma.order.findFirstOrThrow({
    where: { workspaceId: demoWorkspaceId, status: 'paid', currency: 'USD' },
    orderBy: { placedAt: 'desc' },
  });
  await database.prisma.order.update({
    where: { id: order.id },
    data: { conversationId: asked, placedAt: new Date(), totalCents: 12_345 },
  });

  await logInAsDemoOwner(page);
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  expect(Number(await metric(page, 'Conversations').textContent())).toBeGreaterThanOrEqual(3);
  await expect(metric(page, 'Handoff rate')).toHaveText(/^\d+(\.\d)?%$/);
  expect(Number(await metric(page, 'Assisted orders').textContent())).toBeGreaterThanOrEqual(1);
  const revenue = Number((await metric(page, 'Assisted revenue').textContent())?.replace(/[$,]/g, ''));
  expect(revenue).toBeGreaterThanOrEqual(123.45);

  // The charts draw once the page is interactive; their numbers are in tables for screen readers.
  const conversationsChart = page.getByRole('region', { name: 'Conversations per day' });
  await expect(conversationsChart.locator('svg path').first()).toBeAttached({ timeout: 15_000 });
  const today = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'America/Los_Angeles',
  }).format(new Date());
  const todayRow = page
    .getByRole('table', { name: 'Conversations per day' })
    .getByRole('row', { name: new RegExp(`^${today} `) });
  const [conversations, , handedOff] = (await todayRow.getByRole('cell').allTextContents()).map(Number);
  expect(conversations).toBeGreaterThanOrEqual(3);
  expect(handedOff).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('table', { name: 'Assisted revenue per day' })).toContainText('$123.45');
  await expect(page.getByRole('row', { name: `do you ship to ${place.toLowerCase()} 2` })).toBeVisible();
  await expectAccessible(page);

  // The period lives in the URL.
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/\?range=7d$/);
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('table', { name: 'Conversations per day' }).getByRole('row')).toHaveCount(8);
});

test('the demo owner sets a monthly budget and a provider key; the key never comes back into the page', async ({
  page,
}) => {
  const key = `AIzaSy${Date.now().toString(36)}e2eSecretPart${Math.random().toString(36).slice(2, 10)}TAIL`;
  await logInAsDemoOwner(page);
  await page.goto('/ai');
  await expect(page.getByRole('heading', { name: 'AI and usage', level: 1 })).toBeVisible();
  await expect(page.getByText('AI is in offline mode').last()).toBeVisible();
  // Usage rows from the assistant's (offline) replies, charted and tabled.
  await expect(page.getByRole('table', { name: 'Calls by provider' })).toContainText('Offline assistant');

  await page.getByLabel('Monthly budget (USD)').fill('25.50');
  await page.getByText('Hand conversations to the team').click();
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expect(page.getByText('Budget saved')).toBeVisible();
  await expect(page.getByText(/of \$25\.50 spent since/)).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();

  await page.getByRole('button', { name: 'Add key for Gemini' }).click();
  await page.getByLabel('Gemini API key').fill(key);
  await page.getByRole('button', { name: 'Save Gemini key' }).click();
  await expect(page.getByText('Gemini key saved')).toBeVisible();
  await expect(page.getByText(`Your key · ends in ${key.slice(-4)}`)).toBeVisible();
  await expect(page.getByText('AI is on')).toBeVisible();
  expect(await page.content()).not.toContain(key);
  await expectAccessible(page);

  // A fresh load: neither the HTML nor the data the page fetched carries the key.
  const responses: string[] = [];
  page.on('response', async (response) => {
    if (response.url().startsWith(new URL('/', page.url()).origin))
      responses.push(await response.text().catch(() => ''));
  });
  await page.reload();
  await expect(page.getByLabel('Monthly budget (USD)')).toHaveValue('25.50');
  await expect(page.getByLabel('Hand conversations to the team')).toBeChecked();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/\?range=7d$/);
  expect(await page.content()).not.toContain(key);
  expect(responses.length).toBeGreaterThan(1);
  for (const body of responses) expect(body).not.toContain(key.slice(6, 30));

  const stored = await database.prisma.workspace.findUniqueOrThrow({ where: { id: demoWorkspaceId } });
  expect(stored.aiMonthlyBudgetMicroUsd).toBe(25_500_000n);
  expect(stored.aiOnBudgetExceeded).toBe('handoff');
  expect(JSON.stringify(stored.aiCredentials)).not.toContain(key);

  // Removing the key returns the workspace to offline mode (and the other tests to the demo as seeded).
  await page.getByRole('button', { name: 'Remove Gemini key' }).click();
  await expect(page.getByText('Gemini key removed')).toBeVisible();
  await expect(page.getByText('AI is in offline mode').last()).toBeVisible();
});

test('the owner routes a task to other models, is told which choice is wrong, and goes back to the default', async ({
  page,
}) => {
  await logInAsDemoOwner(page);
  await page.goto('/ai');
  const task = 'SEO titles and descriptions';
  await page.getByRole('button', { name: `Edit routing for ${task}` }).click();
  await page.getByLabel(`First choice for ${task}`).selectOption('anthropic:claude-haiku-4-5');
  await page.getByLabel(`Second choice for ${task}`).selectOption('anthropic:claude-haiku-4-5');
  await page.getByLabel(`Third choice for ${task}`).selectOption('');
  await page.getByLabel(`Fourth choice for ${task}`).selectOption('');
  // The open editor passes the same WCAG checks as the rest of the page.
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save routing' }).click();
  await expect(page.getByText('This provider and model are listed twice.')).toBeVisible();

  await page.getByLabel(`Second choice for ${task}`).selectOption('gemini:gemini-2.5-flash');
  await page.getByRole('button', { name: 'Save routing' }).click();
  await expect(page.getByText(`${task}: routing saved`)).toBeVisible();
  await expect(page.getByText('Anthropic · claude-haiku-4-5 — skipped: no Anthropic key').first()).toBeVisible();
  const stored = await database.prisma.workspace.findUniqueOrThrow({ where: { id: demoWorkspaceId } });
  expect(stored.aiRoutingPolicy).toEqual({
    'content.seo': [
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
      { provider: 'gemini', model: 'gemini-2.5-flash' },
    ],
  });

  await page.getByRole('button', { name: `Use default routing for ${task}` }).click();
  await expect(page.getByText(`${task}: back to the default`)).toBeVisible();
  await expect(page.getByRole('button', { name: `Use default routing for ${task}` })).toHaveCount(0);
});

test('a viewer reads the AI page but cannot change it, and sees only their own workspace', async ({
  baseURL,
  page,
}) => {
  const owner = await signUpOwner(database.prisma, baseURL ?? '', 'insights');
  const viewer = await joinAs(database.prisma, baseURL ?? '', owner, 'viewer');
  const read = await viewer.http.get('/ai');
  expect(read.status()).toBe(200);
  const post = await viewer.http.post('/ai', {
    form: { _csrf: await viewer.csrf(), intent: 'save-budget', monthlyBudgetUsd: '5', onExceeded: 'offline' },
  });
  expect(post.status()).toBe(403);
  const workspace = await database.prisma.workspace.findUniqueOrThrow({ where: { id: owner.workspaceId } });
  expect(workspace.aiMonthlyBudgetMicroUsd).toBeNull();

  // The new workspace's dashboard holds none of the demo store's conversations.
  await page.context().addCookies((await viewer.http.storageState()).cookies);
  await page.goto('/');
  await expect(metric(page, 'Conversations')).toHaveText('0');
  await expect(page.getByText('No shopper messages in this period yet.')).toBeVisible();
  await page.goto('/ai');
  await expect(page.getByRole('button', { name: 'Save budget' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Add key for/ })).toHaveCount(0);
});
