import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-data-'));
fs.chmodSync(dataDir, 0o755);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts of a persistent cluster', async () => {
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    await query(first.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, persistent: true });
    try {
      expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
      expect(second.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/closer$/);
    } finally {
      await second.stop();
    }
  });

  it('requires a password and listens on loopback only', async () => {
    const server = await startEmbeddedPostgres({ dataDir, persistent: true });
    try {
      const withoutPassword = server.url.replace(/:[^:@/]+@/, '@');
      await expect(query(withoutPassword, 'SELECT 1')).rejects.toThrow(/password/);
      expect(await query(server.url, "SELECT current_setting('listen_addresses') AS value")).toEqual([
        { value: '127.0.0.1' },
      ]);
    } finally {
      await server.stop();
    }
  });

  it('removes a throwaway cluster when it stops', async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((entry) => entry.startsWith('closer-pg-'));
    const server = await startEmbeddedPostgres({ persistent: false });
    expect(await query(server.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await server.stop();
    const after = fs.readdirSync(os.tmpdir()).filter((entry) => entry.startsWith('closer-pg-'));
    expect(after.filter((entry) => !before.includes(entry))).toEqual([]);
  });

  it('stops and deletes a throwaway cluster whose owner was killed', async () => {
    const owners = () =>
      fs.readdirSync(os.tmpdir()).filter((entry) => entry.startsWith('closer-pg-') && entry.endsWith('.owner'));
    const before = owners();
    const abandoned = await startEmbeddedPostgres({ persistent: false });
    const [ownerFile] = owners().filter((entry) => !before.includes(entry));
    expect(ownerFile).toBeDefined();
    // Pretend the owner died without stopping it: a pid that no longer runs.
    const deadPid = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid as number;
    fs.writeFileSync(path.join(os.tmpdir(), ownerFile as string), String(deadPid));

    const next = await startEmbeddedPostgres({ persistent: false });
    try {
      expect(fs.existsSync(path.join(os.tmpdir(), (ownerFile as string).replace(/\.owner$/, '')))).toBe(false);
      await expect(query(abandoned.url, 'SELECT 1')).rejects.toThrow();
    } finally {
      await next.stop();
    }
  });
});
