import type pg from 'pg';
import { StartupError } from '../errors';
import type { MigrationFile } from './migration-files';

/**
 * Applies pending migrations and records them in `_prisma_migrations` the way
 * `prisma migrate deploy` does (same table, checksum, lock and bookkeeping), so
 * a database migrated by Closer can later be managed by the Prisma CLI and the
 * other way round. A test checks this against Prisma's own schema engine.
 *
 * We run our own small runner because Prisma's schema-engine binary cannot be
 * downloaded everywhere Closer runs, and start-up should not load a 5 MB wasm
 * engine just to find that nothing is pending.
 */

// The advisory lock key Prisma's schema engine takes while migrating, so a
// Closer start and a `prisma migrate deploy` never run at the same time.
const prismaAdvisoryLockKey = 72707369;

const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateResult {
  applied: string[];
  /** Migrations whose file changed after they were applied (Prisma warns about these too). */
  modified: string[];
}

export async function applyMigrations(
  pool: pg.Pool,
  migrations: MigrationFile[],
  onApplying: (name: string, index: number, total: number) => void = () => {},
): Promise<MigrateResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [prismaAdvisoryLockKey]);
    await client.query(createMigrationsTable);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new StartupError(
        `Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then run \`npx prisma migrate resolve --rolled-back ${failed.migration_name}\` (or --applied).`,
      );
    }
    const applied = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
    const modified = migrations
      .filter((migration) => {
        const row = applied.get(migration.name);
        return row !== undefined && row.checksum !== migration.checksum;
      })
      .map((migration) => migration.name);
    const pending = migrations.filter((migration) => !applied.has(migration.name));

    for (const [index, migration] of pending.entries()) {
      onApplying(migration.name, index, pending.length);
      await applyOne(client, migration);
    }
    return { applied: pending.map((migration) => migration.name), modified };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [prismaAdvisoryLockKey]).catch(() => {});
    client.release();
  }
}

async function applyOne(client: pg.PoolClient, migration: MigrationFile): Promise<void> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES (gen_random_uuid(), $1, $2, now(), 0) RETURNING id`,
    [migration.checksum, migration.name],
  );
  const id = rows[0]?.id;
  try {
    // One simple-protocol query: PostgreSQL runs a multi-statement script as one
    // implicit transaction, so a failing migration leaves no half-applied schema.
    await client.query(migration.sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, message]);
    throw new StartupError(`Migration ${migration.name} failed: ${message}`);
  }
  await client.query(
    'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
    [id],
  );
}
