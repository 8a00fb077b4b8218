import { startCloser } from './app';
import { loadConfig } from './platform/config';
import { errorMessage, StartupError } from './platform/errors';
import { createLogger } from './platform/logger';
import { createProgress } from './platform/progress';

/**
 * `npm start` lands here. User mistakes (bad settings, busy port, unwritable
 * data dir, unreachable database) print one line and exit 1; only our own bugs
 * print a stack.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const closer = await startCloser(config, { log, progress: createProgress() });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: finishing running work and shutting down…`);
    const forced = setTimeout(() => {
      console.error('Shutdown took longer than 45 s; exiting anyway.');
      process.exit(1);
    }, 45_000);
    forced.unref();
    closer.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(`Shutdown failed: ${errorMessage(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  console.log(`Closer is ready at ${closer.url}`);
  console.log(
    closer.aiOffline
      ? '  AI: offline mode — no provider key is set, so the assistant answers from the catalog and policies alone (see README → AI).'
      : `  AI: ${closer.aiProviders.join(', ')}`,
  );
  if (closer.demo) {
    console.log(
      `  Demo store admin: ${closer.url}/  ·  email ${closer.demo.email}  ·  password ${closer.demo.password}`,
    );
    console.log(`  Demo widget key:  ${closer.demo.widgetKey}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`Closer could not start: ${error.message}`);
    process.exit(error.exitCode);
  }
  console.error(error);
  process.exit(1);
});
