// Generates the Prisma client when schema.prisma changed since the last generation.
// The CLI insists on engine files it cannot download offline, though the client we
// generate (engineType "client") never uses them: any existing file satisfies it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = path.join(root, 'prisma', 'schema.prisma');
const stampPath = path.join(root, 'node_modules', '.prisma', 'client', '.schema-sha256');

export function generatePrismaClient({ force = false } = {}) {
  const digest = createHash('sha256').update(fs.readFileSync(schemaPath)).digest('hex');
  if (!force && fs.existsSync(stampPath) && fs.readFileSync(stampPath, 'utf8') === digest) return false;
  const placeholder = process.execPath;
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--schema', schemaPath],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
        PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
      },
    },
  );
  fs.writeFileSync(stampPath, digest);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  generatePrismaClient({ force: process.argv.includes('--force') });
}
