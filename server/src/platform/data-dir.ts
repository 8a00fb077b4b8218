import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, StartupError } from './errors';

/** Creates the data dir if needed and proves we can write to it before anything else does. */
export async function ensureDataDir(dataDir: string): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe);
  } catch (error) {
    throw new StartupError(
      `The data directory ${dataDir} is not writable (${errorMessage(error)}); set CLOSER_DATA_DIR to a folder you can write to.`,
    );
  }
}

/**
 * CLOSER_SECRET signs visitor tokens and encrypts provider keys. When it is not
 * set we generate one and keep it in the data dir, so tokens and encrypted keys
 * survive restarts; losing this file invalidates both.
 */
export async function resolveSecret(dataDir: string, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, 'secret');
  try {
    const existing = (await fs.readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
