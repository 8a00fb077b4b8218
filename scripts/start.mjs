// `npm start`: build what is missing, then run the server (which migrates, seeds and prints the ready line).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertNodeVersion } from './node-version.mjs';
import { generatePrismaClient } from './prisma-generate.mjs';

assertNodeVersion();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
if (generatePrismaClient()) console.log('• Generated the database client');
console.log('• Building (cached after the first run)…');
execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'turbo', 'bin', 'turbo'),
    'run',
    'build',
    '--output-logs=errors-only',
    '--log-prefix=none',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  },
);
console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await import(pathToFileURL(path.join(root, 'server', 'dist', 'main.js')).href);
