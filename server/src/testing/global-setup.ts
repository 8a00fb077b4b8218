import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../platform/embedded-postgres';
import { applyMigrations } from '../platform/migrations/migrate';
import { findPrismaDir, readMigrations } from '../platform/migrations/migration-files';

/**
 * Database tests run against DATABASE_URL's server when it is set, else a
 * throwaway embedded cluster. The migrations are applied once, to a template
 * database; each test file then clones its own database from it (a file copy
 * inside PostgreSQL, ~100 ms), so files run in parallel without sharing rows.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** Every database of this test run starts with it, so runs sharing one server never touch each other's. */
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | undefined;
  if (!process.env.DATABASE_URL) embedded = await startEmbeddedPostgres({ persistent: false, database: 'postgres' });
  const adminUrl = withDatabase(process.env.DATABASE_URL ?? (embedded as EmbeddedPostgres).url, 'postgres');
  const databasePrefix = `closer_test_${process.pid}`;
  const templateDatabase = `${databasePrefix}_template`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, templateDatabase), max: 1 });
  await applyMigrations(pool, readMigrations(path.join(findPrismaDir(), 'migrations')));
  await pool.end();

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('databasePrefix', databasePrefix);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${databasePrefix}_`],
    );
    for (const { datname } of leftovers.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
    }
    await admin.end();
    await embedded?.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
