import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from 'prisma-migrate-adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from 'prisma-migrate-adapter-utils';
import { readMigrations } from './migration-files';

/**
 * Prisma's own schema engine, compiled to wasm and driven through the pg
 * driver adapter: it works where the schema-engine binary cannot be
 * downloaded. Development tooling only (creating migrations, checking that
 * `schema.prisma` and the migrations agree); start-up never loads it.
 */

type Engine = import('@prisma/schema-engine-wasm').SchemaEngine;

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * The wasm engine belongs to a newer Prisma that reads the connection from the
 * adapter and rejects `url` in the datasource block, so we drop that line.
 */
export function schemaForEngine(schema: string): string {
  return schema.replace(/^(\s*)url\s*=.*$/m, '');
}

/**
 * Connection settings as separate fields: the adapter's shadow database is
 * made by overriding `database`, which a `connectionString` would silently win
 * over — and the migrations would then be replayed into the real database.
 */
function poolConfig(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
  };
}

/**
 * PrismaPg's own shadow database is dropped while its pool still holds a
 * connection, which PostgreSQL refuses; this factory closes the pool first.
 */
function withDisposableShadowDb(config: ReturnType<typeof poolConfig>) {
  const factory = new PrismaPg(config);
  return {
    provider: 'postgres' as const,
    adapterName: factory.adapterName,
    connect: async () => fitForMigrations(await factory.connect()),
    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await runAdminStatement(config, `CREATE DATABASE "${database}"`);
      const shadow = fitForMigrations(await new PrismaPg({ ...config, database }).connect());
      const closePool = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await closePool();
        await runAdminStatement(config, `DROP DATABASE IF EXISTS "${database}"`);
      };
      return shadow;
    },
  };
}

interface AdapterInternals {
  client: pg.Pool;
  onError(error: unknown): never;
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  executeScript(script: string): Promise<void>;
}

/**
 * Two gaps in the pg adapter as the migration engine uses it:
 * - its `executeScript` splits on every `;`, breaking function bodies; the
 *   native engine sends a migration as one simple-protocol query, so do that;
 * - the engine's catalog queries return PostgreSQL's internal one-byte `"char"`
 *   type (OID 18, e.g. pg_class.relkind), which the adapter does not map; its
 *   values are one-character strings, so present them as text.
 */
function fitForMigrations<T extends object>(adapter: T): T {
  const target = adapter as unknown as AdapterInternals;
  target.executeScript = async (script) => {
    try {
      await target.client.query(script);
    } catch (error) {
      target.onError(error);
    }
  };
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === internalCharOid) field.dataTypeID = textOid;
    return result;
  };
  return adapter;
}

const internalCharOid = 18;
const textOid = 25;

async function runAdminStatement(config: ReturnType<typeof poolConfig>, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function withSchemaEngine<T>(
  databaseUrl: string,
  prismaDir: string,
  use: (engine: Engine, schemaFile: { path: string; content: string }) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  const schemaPath = path.join(prismaDir, 'schema.prisma');
  const content = schemaForEngine(fs.readFileSync(schemaPath, 'utf8'));
  const adapter = bindMigrationAwareSqlAdapterFactory(withDisposableShadowDb(poolConfig(databaseUrl)));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, content]] }, () => {}, adapter);
  try {
    return await use(engine, { path: schemaPath, content });
  } finally {
    engine.free();
  }
}

export function migrationList(migrationsDir: string) {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: readMigrations(migrationsDir).map((migration) => ({
      path: migration.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: migration.sql } },
    })),
  };
}

/**
 * The SQL that would bring a database built from the migrations up to
 * `schema.prisma`; empty when they agree. Replays the migrations into a
 * throwaway shadow database on the given server.
 */
export async function diffMigrationsToSchema(databaseUrl: string, prismaDir: string): Promise<string> {
  const migrationsDir = path.join(prismaDir, 'migrations');
  return withSchemaEngine(databaseUrl, prismaDir, async (engine, schemaFile) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationList(migrationsDir) },
      to: { tag: 'schemaDatamodel', files: [schemaFile] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return emptyDiffToBlank(result.stdout ?? '');
  });
}

/** Asks Prisma's engine which migrations `prisma migrate deploy` would still apply to this database. */
export async function pendingMigrationsPerPrisma(databaseUrl: string, prismaDir: string) {
  const migrationsDir = path.join(prismaDir, 'migrations');
  return withSchemaEngine(databaseUrl, prismaDir, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList: migrationList(migrationsDir),
      optInToShadowDatabase: false,
      filters: noFilters,
    }),
  );
}

function emptyDiffToBlank(script: string): string {
  const meaningful = script.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('--'));
  return meaningful.length === 0 ? '' : script.trim();
}
