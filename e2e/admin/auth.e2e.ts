import { expect, type Page, test } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { e2eSmtpPort } from '../support/e2e-state';

/**
 * The portal's signed-out pages in Chromium: sign up, log out and in, the
 * password reset link arriving by real SMTP, and the guards around them
 * (wrong password, open redirects, forged posts).
 */

function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

async function signUp(page: Page, email: string, password = 'correct horse battery') {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Store or team name').fill('Analytical Engines');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/install\?welcome=1$/);
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: /Analytical Engines/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('sign up lands on the install page; log out and back in; a wrong password says so without saying which part', async ({
  page,
}) => {
  const email = uniqueEmail('signup');
  await signUp(page, email);
  await logOut(page);

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, email, 'not the password at all');
  await expect(page.getByRole('alert')).toContainText('The email or password is incorrect.');

  await logIn(page, email, 'correct horse battery');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation')).toContainText('Inbox');
});

test('sign-up mistakes are shown beside their fields', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Short Password');
  await page.getByLabel('Work email').fill(uniqueEmail('weak'));
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Store or team name').fill('Tiny');
  await page.getByRole('button', { name: 'Create account' }).click();
  // Polaris ties a field's error to its input, so the message is the field's description.
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 10 characters/i);
  await expect(page).toHaveURL(/\/signup$/);
});

test('after logging in, ?next= returns to the page asked for, but never to another site', async ({ page }) => {
  const email = uniqueEmail('next');
  await signUp(page, email);
  await logOut(page);

  await page.goto('/team');
  await expect(page).toHaveURL(/\/login\?next=%2Fteam$/);
  await logIn(page, email, 'correct horse battery');
  await expect(page).toHaveURL(/\/team$/);
  await logOut(page);

  await page.goto('/login?next=//evil.example/steal');
  await logIn(page, email, 'correct horse battery');
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
});

test('a post without the form’s CSRF token is refused even with a valid session', async ({ page }) => {
  await signUp(page, uniqueEmail('csrf'));
  const response = await page.request.post('/logout', { form: { _csrf: 'forged.token' } });
  expect(response.status()).toBe(403);
  // Still signed in: the forged post changed nothing.
  await page.goto('/');
  await expect(page).toHaveURL(/\/$/);
});

test('a password reset link arrives by SMTP, works once, and ends the old sessions', async ({ page, browser }) => {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push(text);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(e2eSmtpPort(), '127.0.0.1', resolve));
  try {
    const email = uniqueEmail('reset');
    await signUp(page, email);
    // A second browser stays signed in; the reset must end its session too.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/login');
    await logIn(otherPage, email, 'correct horse battery');
    await expect(otherPage).toHaveURL(/\/$/);

    const anonymous = await browser.newPage();
    await anonymous.goto('/forgot-password');
    await anonymous.getByLabel('Email').fill(email);
    await anonymous.getByRole('button', { name: 'Send the link' }).click();
    await expect(anonymous.getByText(/a link to choose a new password is on its way/)).toBeVisible();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    const mail = (received[0] ?? '').replace(/=\r?\n/g, '');
    expect(mail).toContain(`To: ${email}`);
    const link = mail.match(/https?:\/\/[^\s]+\/reset-password\/[A-Za-z0-9._~-]+/)?.[0];
    expect(link).toBeTruthy();

    await anonymous.goto(new URL(link as string).pathname);
    await anonymous.getByLabel('New password').fill('a brand new passphrase');
    await anonymous.getByRole('button', { name: 'Change password' }).click();
    await expect(anonymous).toHaveURL(/\/login\?reset=done$/);
    await logIn(anonymous, email, 'a brand new passphrase');
    await expect(anonymous).toHaveURL(/\/$/);

    // The link works once.
    await anonymous.goto(new URL(link as string).pathname);
    await anonymous.getByLabel('New password').fill('yet another passphrase');
    await anonymous.getByRole('button', { name: 'Change password' }).click();
    await expect(anonymous.getByRole('alert')).toContainText(/link/i);

    // The other browser's session ended with the reset.
    await otherPage.goto('/');
    await expect(otherPage).toHaveURL(/\/login$/);
    await other.close();
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});

test('unknown addresses get the same answer from the reset form', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(uniqueEmail('nobody'));
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText(/If that address has an account/)).toBeVisible();
});
