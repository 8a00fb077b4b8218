import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import type { Prisma } from '@prisma/client';
import { SMTPServer } from 'smtp-server';
import { connect, type Database } from '../../server/src/platform/database';
import { logInAsDemoOwner } from '../support/admin-session';
import { e2eSmtpPort, readE2eState } from '../support/e2e-state';

/**
 * The settings side of the admin in Chromium, as the demo store's owner: the
 * assistant's greeting with its live preview and the real storefront widget,
 * the install check, an API key's one showing and revocation against the REST
 * API, and an invitation that turns a stranger into an agent who cannot
 * reach the API keys.
 */
let database: Database;
let demoWorkspaceId: string;
let originalSettings: Prisma.JsonValue;

test.beforeAll(async () => {
  database = await connect(readE2eState().databaseUrl);
  const demo = await database.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
  demoWorkspaceId = demo.id;
  originalSettings = demo.settings;
});

/** The next test, and other test files, meet the demo store as seeded. */
async function restoreDemoSettings() {
  await database.prisma.workspace.update({
    where: { id: demoWorkspaceId },
    data: { settings: originalSettings as Prisma.InputJsonValue },
  });
}

test.afterEach(restoreDemoSettings);
test.afterAll(async () => database.close());

/** axe (WCAG 2.2 A/AA) on what is on screen now: banners, dialogs and the states the page-level audit never sees. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

const previewGreeting = (page: Page) =>
  page.frameLocator('iframe[title="Live preview of the chat widget"]').locator('.from-assistant .bubble').first();

async function storefrontGreeting(browser: Browser): Promise<string> {
  const shopper = await browser.newPage();
  try {
    await shopper.goto('/demo');
    await shopper.getByRole('button', { name: /^Open chat/ }).click();
    const greeting = shopper.getByRole('dialog').locator('.from-assistant .bubble').first();
    await expect(greeting).toBeVisible();
    return (await greeting.textContent()) ?? '';
  } finally {
    await shopper.close();
  }
}

test('the owner edits the greeting, sees it in the preview before saving, and the store’s widget after', async ({
  page,
  browser,
}) => {
  await logInAsDemoOwner(page);
  await page.goto('/assistant');
  const greetingField = page.getByLabel('Greeting', { exact: true });
  const savedGreeting = await greetingField.inputValue();
  await expect(previewGreeting(page)).toHaveText(savedGreeting);

  const newGreeting = `Hello from the e2e test ${Date.now().toString(36)}! Ask me about jackets.`;
  await greetingField.fill(newGreeting);
  await expect(previewGreeting(page)).toHaveText(newGreeting);
  await expectAccessible(page);
  // Not saved yet: shoppers still see the old greeting.
  expect(await storefrontGreeting(browser)).toBe(savedGreeting);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved. Shoppers see the new settings')).toBeVisible();
  expect(await storefrontGreeting(browser)).toBe(newGreeting);

  // The launcher label: drawn by the loader in the preview, then on the store once saved.
  await page.getByLabel('Launcher label').fill('Ask Ava');
  await page.getByRole('button', { name: 'Launcher', exact: true }).click();
  const preview = page.frameLocator('iframe[title="Live preview of the chat widget"]');
  await expect(preview.getByRole('button', { name: 'Ask Ava' })).toHaveText('Ask Ava');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved. Shoppers see the new settings')).toBeVisible();
  const shopper = await browser.newPage();
  await shopper.goto('/demo');
  await expect(shopper.getByRole('button', { name: 'Ask Ava' })).toBeVisible();
  await shopper.close();

  // A mistake is shown beside its field and saves nothing.
  await page.getByLabel('Brand colour', { exact: true }).fill('blue');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('must be a colour like #1f4e79').first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Brand colour', { exact: true })).not.toHaveValue('blue');
});

test('the install page shows the snippet, and when and where the widget last loaded', async ({
  page,
  browser,
  context,
}) => {
  await database.prisma.widgetKey.updateMany({
    where: { workspaceId: demoWorkspaceId },
    data: { lastSeenAt: null, lastSeenOrigin: null },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await logInAsDemoOwner(page);
  await page.goto('/install');
  const snippet = page.getByRole('textbox', { name: 'Install snippet' });
  await expect(snippet).toHaveValue(
    /^<script src="http:\/\/localhost:\d+\/widget\/loader\.js" data-key="pk_[\w-]+" async><\/script>$/,
  );
  await page.getByRole('button', { name: 'Copy install snippet' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  await expect(page.getByText('Not loaded yet')).toBeVisible();

  const shopper = await browser.newPage();
  await shopper.goto('/demo');
  await expect(shopper.getByRole('button', { name: /^Open chat/ })).toBeVisible();
  await shopper.close();

  // The page looks again by itself every few seconds while it waits.
  const origin = new URL(page.url()).origin;
  await expect(page.getByText(`Last loaded just now on ${origin}`)).toBeVisible({ timeout: 15_000 });
  await page.goto('/install?welcome=1');
  await expect(page.getByText('Welcome to Closer')).toBeVisible();
  await expectAccessible(page);
});

test('an API key is shown once, works against the REST API, and stops working when revoked', async ({
  page,
  request,
}) => {
  await logInAsDemoOwner(page);
  await page.goto('/api-keys');
  const name = `Product sync ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Create API key' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await expect(dialog.getByRole('checkbox', { name: 'products:read' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const secretField = page.getByRole('textbox', { name: 'New API key' });
  await expect(secretField).toHaveValue(/^sk_live_[\w-]{20,}$/);
  const secret = await secretField.inputValue();
  await expectAccessible(page);
  const listProducts = () =>
    request.get('/api/v1/products?limit=1', { headers: { authorization: `Bearer ${secret}` } });
  const allowed = await listProducts();
  expect(allowed.status()).toBe(200);
  expect((await allowed.json()).data).toHaveLength(1);

  // Never again: not after a reload, not anywhere in the page.
  await page.reload();
  await expect(page.getByRole('cell', { name })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) }).getByText(/^Revoked/)).toBeVisible();
  expect((await listProducts()).status()).toBe(401);
});

test('an invited teammate joins by the link as an agent, and cannot reach the API keys', async ({ page, browser }) => {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push(text.replace(/=\r?\n/g, ''));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(e2eSmtpPort(), '127.0.0.1', resolve));
  try {
    await logInAsDemoOwner(page);
    await page.goto('/team');
    const email = `agent-${Date.now().toString(36)}@example.com`;
    await page.getByLabel('Email').fill(email);
    await expect(page.getByLabel('Role', { exact: true })).toHaveValue('agent');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const linkField = page.getByRole('textbox', { name: 'Invitation link' });
    await expect(linkField).toHaveValue(/\/invite\/[\w-]+$/);
    const link = await linkField.inputValue();
    await expectAccessible(page);
    await expect(page.getByRole('row', { name: new RegExp(email) })).toBeVisible();
    // The same link went out by email.
    await expect.poll(() => received.find((mail) => mail.includes(`To: ${email}`)), { timeout: 10_000 }).toBeTruthy();
    expect(received.find((mail) => mail.includes(`To: ${email}`))).toContain(link);

    const stranger = await browser.newContext();
    const agent = await stranger.newPage();
    await agent.goto(new URL(link).pathname);
    await expect(agent.getByRole('heading', { name: 'Join Demo Outfitters' })).toBeVisible();
    await agent.getByLabel('Your name').fill('Ada Agent');
    await agent.getByLabel('Choose a password').fill('a long agent passphrase');
    await agent.getByRole('button', { name: 'Create account and join' }).click();
    await expect(agent).toHaveURL(/\/$/);
    const navigation = agent.getByRole('navigation');
    await expect(navigation).toContainText('Inbox');
    await expect(navigation).not.toContainText('API keys');
    const forbidden = await agent.goto('/api-keys');
    expect(forbidden?.status()).toBe(403);
    // And the agent cannot change the assistant either: the page is read-only for them.
    await agent.goto('/assistant');
    await expect(agent.getByLabel('Greeting', { exact: true })).toBeDisabled();
    await stranger.close();

    await page.reload();
    await expect(page.getByRole('row', { name: /Ada Agent/ })).toContainText('Agent');
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});
