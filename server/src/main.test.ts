import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the real entry point as `npm start` would, and returns what a person would see. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts')], {
    env: { PATH: process.env.PATH, CLOSER_DEMO: 'false', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = result.stderr
    .split('\n')
    .filter(
      (line) => line.trim() !== '' && !line.includes('ExperimentalWarning') && !line.includes('--trace-warnings'),
    );
  return { status: result.status, lines };
}

describe('npm start with a mistake in its setup', () => {
  it('exits with one line for a wrong DATABASE_URL', () => {
    const { status, lines } = start({ DATABASE_URL: 'postgres://closer:pw@127.0.0.1:1/closer', PORT: '0' });
    expect(status).toBe(1);
    expect(lines).toEqual([
      'Closer could not start: Cannot connect to the database at postgres://closer@127.0.0.1:1/closer: connection refused (is PostgreSQL running there?)',
    ]);
  });

  it('exits with one line for a port already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-port-'));
      const { status, lines } = start({ PORT: String(port), CLOSER_DATA_DIR: dataDir });
      expect(status).toBe(1);
      expect(lines).toEqual([
        `Closer could not start: Port ${port} is already in use; stop the program using it or set PORT to a free port.`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it('exits with one line for a data dir it cannot write', () => {
    // A path below a regular file cannot be created, even by root.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closer-file-')), 'not-a-folder');
    fs.writeFileSync(file, '');
    const { status, lines } = start({ CLOSER_DATA_DIR: path.join(file, 'data'), PORT: '0' });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Closer could not start: The data directory ${path.join(file, 'data')} is not writable \\(.+\\); set CLOSER_DATA_DIR to a folder you can write to\\.$`,
      ),
    );
  });

  it('exits with one line for an invalid setting', () => {
    const { status, lines } = start({ PORT: 'eighty' });
    expect(status).toBe(1);
    expect(lines).toEqual(['Closer could not start: Invalid setting PORT (got "eighty"): must be a number']);
  });
});
