import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test, type WebSocketRoute } from '@playwright/test';

/**
 * The live inbox in Chromium, end to end: a team signs up and copies its
 * snippet, a shopper on the demo storefront (with that team's widget) asks
 * for a person, the conversation appears in the inbox without a reload, and a
 * team member takes over, notes, replies (the reply reaches the widget, the
 * note does not) and hands back to the assistant.
 */
const wcag22 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Work email').fill(uniqueEmail('inbox'));
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByLabel('Store or team name').fill('Analytical Engines');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/install\?welcome=1$/);
}

/** The snippet as the install page shows it, copied with its button; returns the widget key in it. */
async function copySnippet(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const snippet = await page.getByRole('textbox', { name: 'Install snippet' }).inputValue();
  await page.getByRole('button', { name: /^Copy/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  const key = /data-key="(pk_[A-Za-z0-9_-]+)"/.exec(snippet)?.[1];
  expect(key, 'the snippet names the workspace’s widget key').toBeDefined();
  return key as string;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcag22).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`),
  ).toEqual([]);
}

async function openShopper(browser: Browser, baseURL: string, key: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(`/demo?key=${key}`);
  await page.getByRole('button', { name: /^Open chat/ }).click();
  const panel = page.getByRole('dialog');
  await expect(panel).toBeVisible();
  const say = async (text: string) => {
    const composer = panel.getByRole('textbox', { name: 'Message' });
    await composer.fill(text);
    await composer.press('Enter');
  };
  return { context, panel, say };
}

test('sign up, install, a shopper asks for a person: take over live, note, reply, hand back', async ({
  page,
  browser,
  baseURL,
}) => {
  await signUp(page);
  const key = await copySnippet(page);

  await page.goto('/inbox?filter=waiting');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await expect(page.getByText('Nobody is waiting for a person.')).toBeVisible();
  await expectNoAxeViolations(page);

  const shopper = await openShopper(browser, baseURL as string, key);
  await shopper.say('Can I talk to a real person?');
  await expect(shopper.panel.getByText('Waiting for a person to join…')).toBeVisible();

  // No reload: the socket brings the conversation into the Waiting list.
  const row = page.getByRole('list', { name: 'Conversations' }).getByRole('link');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Waiting for a person');
  await expect(page.getByRole('button', { name: 'Waiting (1)', pressed: true })).toBeVisible();
  await row.click();
  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript).toContainText('Can I talk to a real person?');

  await page.getByRole('button', { name: 'Take over' }).click();
  await expect(shopper.panel.getByText('You are now talking to a person (Ada Lovelace).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hand back to AI' })).toBeVisible();
  await expect(transcript).toContainText('Ada Lovelace joined the conversation.');
  // Taking over assigns; the Mine count follows, and unassigning takes it back.
  const assignee = page.getByLabel('Assigned to');
  await expect(assignee).toHaveValue(/.+/);
  await expect(page.getByRole('button', { name: 'Mine (1)' })).toBeVisible();
  await assignee.selectOption({ label: 'Unassigned' });
  await expect(page.getByRole('button', { name: 'Mine (0)' })).toBeVisible();
  await assignee.selectOption({ label: 'Ada Lovelace' });
  await expect(page.getByRole('button', { name: 'Mine (1)' })).toBeVisible();

  await page.getByLabel('Internal note (only your team sees it)').check();
  await page.getByLabel('Internal note', { exact: true }).fill('Asked for a person straight away; be quick.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(transcript.locator('[data-role="note"]')).toContainText('be quick');
  await page.getByLabel('Internal note (only your team sees it)').uncheck();

  // The assistant drafts; the person sends the draft as it is.
  await page.getByRole('button', { name: 'Suggest a reply' }).click();
  const reply = page.getByLabel('Reply to the shopper');
  await expect(reply).toHaveValue(/^Hi, I'm Ada Lovelace from the Analytical Engines team\./);
  const draft = await reply.inputValue();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(reply).toHaveValue('');
  await expect(transcript.locator('[data-role="agent"]')).toContainText(draft);
  await expect(shopper.panel.getByText(draft)).toBeVisible();
  await expect(shopper.panel.getByText('be quick')).toHaveCount(0);

  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Hand back to AI' }).click();
  await expect(page.getByRole('button', { name: 'Take over' })).toBeVisible();
  await expect(shopper.panel.getByText('You are now talking to a person (Ada Lovelace).')).toBeHidden();
  await expect(shopper.panel.getByText('The assistant is back to help you.')).toBeVisible();
  await page.goto('/inbox?filter=ai');
  await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('link')).toContainText('AI answering');

  // The note never reached the shopper, not even after a reload of their page.
  await shopper.panel.page().reload();
  await shopper.panel
    .page()
    .getByRole('button', { name: /^Open chat/ })
    .click();
  await expect(shopper.panel.getByText(draft)).toBeVisible();
  await expect(shopper.panel.getByText('be quick')).toHaveCount(0);
  await shopper.context.close();
});

test('the inbox comes back after a dropped connection and a refused token, and misses nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  // Between the page and the server: record the tokens of `/agent` handshakes, and on cue
  // lose events (a flaky network) or refuse a handshake the way an expired token is refused.
  const handshakeTokens: string[] = [];
  const sockets: WebSocketRoute[] = [];
  let loseEvents = false;
  let refuseNextHandshake = false;
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    sockets.push(socket);
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const handshake = /^40\/agent,(.*)$/.exec(String(message));
      if (handshake?.[1]) handshakeTokens.push(JSON.parse(handshake[1]).token);
      server.send(message);
    });
    server.onMessage((message) => {
      const text = String(message);
      if (refuseNextHandshake && text.startsWith('40/agent,')) {
        refuseNextHandshake = false;
        socket.send('44/agent,{"message":"This token cannot open the inbox.","data":{"code":"invalid_key"}}');
      } else if (!(loseEvents && text.startsWith('42/agent,'))) socket.send(message);
    });
  });

  await signUp(page);
  const key = await copySnippet(page);
  const shopper = await openShopper(browser, baseURL as string, key);
  await shopper.say('Hello there');
  await expect(shopper.panel.locator('.from-assistant .bubble')).toHaveCount(2);

  await page.goto('/inbox');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link').click();
  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript).toContainText('Hello there');

  loseEvents = true;
  await shopper.say('Are you still there?');
  await expect(shopper.panel.locator('.from-assistant .bubble')).toHaveCount(3);
  await expect(transcript).not.toContainText('Are you still there?');

  refuseNextHandshake = true;
  loseEvents = false;
  for (const socket of sockets) await socket.close();
  await expect(page.getByText('Reconnecting…', { exact: true })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(transcript).toContainText('Are you still there?');
  expect(refuseNextHandshake).toBe(false);
  // After the refusal the page connected with a freshly issued token.
  expect(new Set(handshakeTokens).size).toBeGreaterThan(1);

  // Live again: the assistant's next reply (this new store has no products yet) arrives with its tool call.
  await shopper.say('Do you sell wool socks?');
  const reply = transcript.locator('[data-role="assistant"]').last();
  await expect(reply).toContainText('matching "wool socks"');
  await expect(reply.getByRole('button', { name: /^Tool calls/ })).toBeVisible();
  await reply.getByRole('button', { name: /^Tool calls/ }).click();
  await expect(reply).toContainText('search_products');
  await shopper.context.close();
});

test('a conversation id from nowhere shows a not-found card inside the inbox', async ({ page }) => {
  await signUp(page);
  await page.goto('/inbox/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page.getByText('This conversation does not exist, or it belongs to another workspace.')).toBeVisible();
});
