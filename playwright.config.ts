import fs from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromium } from 'playwright-core';
import { e2eShopifyApp } from './e2e/support/shopify-app';

/**
 * End-to-end tests in real Chromium: Playwright's own build when it is
 * installed, else the system's (/usr/bin/chromium), since browsers cannot be
 * downloaded everywhere we run.
 */
function chromiumExecutable(): string | undefined {
  try {
    const bundled = chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return undefined;
  } catch {
    // Fall through to the system browser.
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((file) =>
    fs.existsSync(file),
  );
}

const port = Number(process.env.CLOSER_E2E_PORT ?? 3217);

export default defineConfig({
  testDir: '.',
  testMatch: ['e2e/**/*.e2e.ts', 'widget/e2e/**/*.e2e.ts'],
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://localhost:${port}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    // Playwright would otherwise SIGKILL the server, leaving its database running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...process.env,
      PORT: String(port),
      CLOSER_E2E_PORT: String(port),
      // Email goes to a local port where a test may listen with a real SMTP server (e2e/admin/auth.e2e.ts).
      SMTP_URL: `smtp://127.0.0.1:${port + 2}`,
      // The embedded Shopify app at /app (e2e/shopify/embedded-admin.e2e.ts signs session tokens with these).
      SHOPIFY_API_KEY: e2eShopifyApp.apiKey,
      SHOPIFY_API_SECRET: e2eShopifyApp.apiSecret,
      SHOPIFY_APP_URL: `http://localhost:${port}`,
    } as Record<string, string>,
  },
});
