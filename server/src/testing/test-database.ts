import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../platform/database';
import { withDatabase } from './global-setup';

/**
 * A fresh, migrated database of its own for one test file: cloned from the
 * template the global setup migrated. Drop it in afterAll.
 */
export interface TestDatabase extends Database {
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = await createEmptyClone();
  const database = await connect(withDatabase(inject('adminDatabaseUrl'), name));
  return {
    ...database,
    name,
    async drop() {
      await database.close();
      await dropDatabase(name);
    },
  };
}

/** Clones the migrated template and returns the new database's name (for tests that connect on their own). */
export async function createEmptyClone(): Promise<string> {
  const name = `${inject('databasePrefix')}_${randomBytes(6).toString('hex')}`;
  // Two files cloning the template at the same moment make PostgreSQL report the
  // template as "being accessed by other users" (55006); wait and try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
      return name;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    }
  }
}

export function testDatabaseUrl(name: string): string {
  return withDatabase(inject('adminDatabaseUrl'), name);
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
