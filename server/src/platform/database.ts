import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import pg from 'pg';
import type { Config } from './config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { errorMessage, StartupError } from './errors';

export type { PrismaClient } from '@prisma/client';

/**
 * The one PostgreSQL that holds everything: Prisma tables, pg-boss's schema and
 * Socket.IO's adapter table. DATABASE_URL picks a server; without it we run an
 * embedded one in the data dir.
 */
export interface Database {
  url: string;
  /** Shared by Prisma and Socket.IO's adapter; pg-boss keeps its own small pool. */
  pool: pg.Pool;
  prisma: PrismaClient;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  if (!config.databaseUrl) embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, persistent: true });
  const url = config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
  try {
    return await connect(url, embedded);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export async function connect(url: string, embedded?: EmbeddedPostgres): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StartupError(`Cannot connect to the database at ${describeUrl(url)}: ${describeConnectError(error)}`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    url,
    pool,
    prisma,
    embedded: embedded !== undefined,
    async close() {
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {});
      await embedded?.stop();
    },
  };
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return 'DATABASE_URL (unparseable)';
  }
}

function describeConnectError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'connection refused (is PostgreSQL running there?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === '28P01' || code === '28000') return 'authentication failed';
  if (code === '3D000') return 'that database does not exist';
  return errorMessage(error) || code || 'unknown error';
}
