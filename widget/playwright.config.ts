import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * For running the widget's own browser tests alone (`npx playwright test -c widget`);
 * each test file starts its own fixture server, so no webServer here.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((file) =>
  fs.existsSync(file),
);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 30_000,
  workers: 1,
  reporter: [['list']],
  outputDir: path.join(os.tmpdir(), 'closer-widget-playwright'),
  use: {
    launchOptions: {
      executablePath: process.env.CLOSER_CHROMIUM ?? systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    },
  },
});
