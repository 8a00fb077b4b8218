import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCloser } from '../../server/src/app';
import { loadConfig } from '../../server/src/platform/config';
import { startEmbeddedPostgres } from '../../server/src/platform/embedded-postgres';
import { createLogger } from '../../server/src/platform/logger';
import { createProgress } from '../../server/src/platform/progress';
import { e2eStateFile } from './e2e-state';

/**
 * The server the end-to-end tests run against: the real Closer with the demo
 * store, on a throwaway embedded PostgreSQL (or DATABASE_URL). The database URL
 * is written to a file the tests read, so they can set up what the admin UI
 * would (API keys for an agent) directly.
 */

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ persistent: false });
  const databaseUrl = process.env.DATABASE_URL ?? (embedded?.url as string);
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, CLOSER_DATA_DIR: dataDir });
  const closer = await startCloser(config, {
    log: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }),
    progress: createProgress(process.stdout, false),
  });
  fs.writeFileSync(e2eStateFile, JSON.stringify({ databaseUrl, url: closer.url, widgetKey: closer.demo?.widgetKey }));
  console.log(`Closer is ready at ${closer.url}`);
  const stop = async () => {
    await closer.stop();
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(e2eStateFile, { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
