import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCloser } from '../../server/src/app';
import { loadConfig } from '../../server/src/platform/config';
import { startEmbeddedPostgres } from '../../server/src/platform/embedded-postgres';
import { createLogger } from '../../server/src/platform/logger';
import { createProgress } from '../../server/src/platform/progress';

/** A Closer with the demo store on a throwaway embedded PostgreSQL, for browser benchmarks. */
export async function startBenchServer(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ persistent: false });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    CLOSER_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const closer = await startCloser(config, {
    log: createLogger({ level: 'warn' }),
    progress: createProgress(process.stdout, false),
  });
  return {
    closer,
    url: closer.url.replace('localhost', '127.0.0.1'),
    widgetKey: closer.demo?.widgetKey as string,
    async stop() {
      await closer.stop();
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((file) =>
  fs.existsSync(file),
);
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
