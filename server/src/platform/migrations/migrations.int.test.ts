import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmptyClone, dropDatabase, testDatabaseUrl } from '../../testing/test-database';
import { StartupError } from '../errors';
import { applyMigrations } from './migrate';
import { findPrismaDir, readMigrations } from './migration-files';
import { diffMigrationsToSchema, pendingMigrationsPerPrisma } from './schema-engine';

const prismaDir = findPrismaDir();
const migrations = readMigrations(path.join(prismaDir, 'migrations'));

describe('schema.prisma and prisma/migrations', () => {
  it('agree (otherwise: run `npm run db:migration -- <name>` and commit the result)', async () => {
    const missing = await diffMigrationsToSchema(inject('adminDatabaseUrl'), prismaDir);
    expect(
      missing,
      `schema.prisma has changes that no migration covers. Run \`npm run db:migration -- <name>\` and commit the new folder. Missing SQL:\n${missing}`,
    ).toBe('');
  });

  it('disagree as soon as a field is added without a migration', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-prisma-'));
    fs.cpSync(prismaDir, copy, { recursive: true });
    const schemaPath = path.join(copy, 'schema.prisma');
    const schema = fs.readFileSync(schemaPath, 'utf8');
    fs.writeFileSync(schemaPath, schema.replace('model Workspace {', 'model Workspace {\n  nickname String?'));
    try {
      const missing = await diffMigrationsToSchema(inject('adminDatabaseUrl'), copy);
      expect(missing).toContain('ALTER TABLE "Workspace" ADD COLUMN     "nickname" TEXT');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('applyMigrations', () => {
  let name: string;
  let pool: pg.Pool;

  beforeAll(async () => {
    // An empty database of our own: the template is already migrated, so start from a blank one.
    name = await createEmptyClone();
    pool = new pg.Pool({ connectionString: testDatabaseUrl(name), max: 2 });
    await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  });
  afterAll(async () => {
    await pool.end();
    await dropDatabase(name);
  });

  it('applies every migration once and records it as Prisma does', async () => {
    const progress: string[] = [];
    const first = await applyMigrations(pool, migrations, (migration) => progress.push(migration));
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    expect(progress).toEqual(first.applied);
    const again = await applyMigrations(pool, migrations);
    expect(again).toEqual({ applied: [], modified: [] });

    const { rows } = await pool.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations"',
    );
    expect(rows).toHaveLength(migrations.length);
    expect(rows[0].checksum).toBe(migrations[0]?.checksum);
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].applied_steps_count).toBe(1);
    expect(rows[0].finished_at).toBeInstanceOf(Date);
  });

  it("leaves nothing for Prisma's own engine (prisma migrate deploy) to do", async () => {
    const diagnosis = await pendingMigrationsPerPrisma(testDatabaseUrl(name), prismaDir);
    expect(diagnosis.history).toBeNull();
    expect(diagnosis.failedMigrationNames).toEqual([]);
    expect(diagnosis.editedMigrationNames).toEqual([]);
    expect(diagnosis.hasMigrationsTable).toBe(true);
  });

  it('reports a migration edited after it was applied', async () => {
    const edited = migrations.map((migration, index) =>
      index === 0 ? { ...migration, checksum: 'f'.repeat(64) } : migration,
    );
    const result = await applyMigrations(pool, edited);
    expect(result.modified).toEqual([migrations[0]?.name]);
  });

  it('rolls a failing migration back whole and refuses to continue until it is resolved', async () => {
    const broken = {
      name: '29990101000000_broken',
      sql: 'CREATE TABLE "Half" (id int);\nSELECT nonsense FROM nowhere;',
      checksum: 'a'.repeat(64),
    };
    await expect(applyMigrations(pool, [...migrations, broken])).rejects.toThrow(
      /Migration 29990101000000_broken failed: relation "nowhere" does not exist/,
    );
    const half = await pool.query(`SELECT to_regclass('"Half"') AS table`);
    expect(half.rows[0].table).toBeNull();
    const error = await applyMigrations(pool, migrations).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toContain('prisma migrate resolve --rolled-back 29990101000000_broken');
  });
});
