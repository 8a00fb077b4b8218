// `npm test`: every test. Vitest (unit + database tests on a throwaway embedded
// PostgreSQL, or DATABASE_URL's server), the database tests once more against
// CLOSER_TEST_EXTERNAL_DATABASE_URL when CI sets it, then Playwright in Chromium.
// Ends with one "N passed, N failed" line over all runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNodeVersion } from './node-version.mjs';
import { generatePrismaClient } from './prisma-generate.mjs';

assertNodeVersion();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-test-reports-'));
const extraArgs = process.argv.slice(2);
generatePrismaClient();

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

function run(label, args, env, report, count) {
  console.log(`\n━━ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failedRuns++;
  try {
    const counted = count(JSON.parse(fs.readFileSync(report, 'utf8')));
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    totals.skipped += counted.skipped;
  } catch {
    // No report means the runner itself failed before testing; failedRuns already says so.
    if (result.status === 0) failedRuns++;
  }
}

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const countVitest = (json) => ({
  passed: json.numPassedTests,
  failed: json.numFailedTests,
  skipped: json.numPendingTests + json.numTodoTests,
});

const vitestReport = path.join(reports, 'vitest.json');
run(
  'vitest: unit and database tests',
  [vitest, 'run', ...extraArgs],
  { CLOSER_TEST_JSON: vitestReport },
  vitestReport,
  countVitest,
);

const externalUrl = process.env.CLOSER_TEST_EXTERNAL_DATABASE_URL;
if (externalUrl && extraArgs.length === 0) {
  const externalReport = path.join(reports, 'vitest-external.json');
  run(
    `vitest: database tests against ${externalUrl.replace(/:[^:@/]*@/, '@')}`,
    [vitest, 'run', '--project', 'db'],
    { DATABASE_URL: externalUrl, CLOSER_TEST_JSON: externalReport },
    externalReport,
    countVitest,
  );
}

if (extraArgs.length === 0) {
  // End-to-end tests load the built widget, exactly as shoppers get it.
  console.log('\n━━ build (for the end-to-end tests)');
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'turbo', 'bin', 'turbo'), 'run', 'build', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    },
  );
  if (build.status !== 0) failedRuns++;
  const playwrightReport = path.join(reports, 'playwright.json');
  run(
    'playwright: end-to-end tests in Chromium',
    [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    playwrightReport,
    (json) => ({
      passed: json.stats.expected + json.stats.flaky,
      failed: json.stats.unexpected,
      skipped: json.stats.skipped,
    }),
  );
}

fs.rmSync(reports, { recursive: true, force: true });
console.log(`\nAll runners: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRuns > 0 || totals.failed > 0 ? 1 : 0);
