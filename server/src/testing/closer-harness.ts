import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { generateDemoStore } from '../../../prisma/seed/demo-store.data';
import { seedDemoStore } from '../../../prisma/seed/demo-store.seed';
import { type Closer, startCloser } from '../app';
import { loadConfig } from '../platform/config';
import { connect } from '../platform/database';
import { createLogger } from '../platform/logger';
import { createProgress } from '../platform/progress';
import { createEmptyClone, dropDatabase, testDatabaseUrl } from './test-database';

/**
 * A real Closer for integration tests: its own database (cloned from the
 * migrated template) with a small demo store, real HTTP and Socket.IO, and
 * real clients. No part of the server is replaced.
 */
export const quiet = {
  log: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  progress: createProgress(process.stdout, false),
};

export interface TestStore {
  databaseName: string;
  databaseUrl: string;
  workspaceId: string;
  widgetKey: string;
  dataDir: string;
  start(env?: Record<string, string>): Promise<Closer>;
  drop(): Promise<void>;
}

export async function createTestStore(options: { productCount?: number } = {}): Promise<TestStore> {
  const databaseName = await createEmptyClone();
  const databaseUrl = testDatabaseUrl(databaseName);
  const database = await connect(databaseUrl);
  const store = generateDemoStore({ productCount: options.productCount ?? 60 });
  // Keep the seeded orders few: these tests are about conversations, not volume.
  const access = await seedDemoStore(database.prisma, {
    ...quiet,
    store: { ...store, orders: store.orders.slice(-300) },
  });
  const workspace = await database.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
  await database.close();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-harness-'));
  const started: Closer[] = [];
  return {
    databaseName,
    databaseUrl,
    workspaceId: workspace.id,
    widgetKey: access.widgetKey,
    dataDir,
    async start(env = {}) {
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        CLOSER_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        CLOSER_SECRET: 'integration-test-secret-0123456789abcdef',
        ...env,
      });
      const closer = await startCloser(config, quiet);
      started.push(closer);
      return closer;
    },
    async drop() {
      await Promise.all(started.map((closer) => closer.stop()));
      await dropDatabase(databaseName);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Event payloads as they crossed the wire; tests inspect them ad hoc, like a captured frame. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Payload = any;

export interface TestClient {
  socket: Socket;
  /** Every event received, in order. */
  received: Array<{ event: string; payload: Payload }>;
  waitFor(event: string, predicate?: (payload: Payload) => boolean, timeoutMs?: number): Promise<Payload>;
  call(event: string, payload: unknown): Promise<Payload>;
  close(): void;
}

function wrap(socket: Socket): TestClient {
  const received: TestClient['received'] = [];
  const waiters: Array<{
    event: string;
    predicate: (payload: Payload) => boolean;
    resolve: (payload: Payload) => void;
  }> = [];
  socket.onAny((event: string, payload: unknown) => {
    received.push({ event, payload });
    for (const waiter of [...waiters]) {
      if (waiter.event === event && waiter.predicate(payload)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(payload);
      }
    }
  });
  return {
    socket,
    received,
    waitFor(event, predicate = () => true, timeoutMs = 10_000) {
      const seen = received.find((entry) => entry.event === event && predicate(entry.payload));
      if (seen) return Promise.resolve(seen.payload);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no ${event} within ${timeoutMs} ms; got ${received.map((entry) => entry.event).join(', ')}`),
            ),
          timeoutMs,
        );
        waiters.push({
          event,
          predicate,
          resolve: (payload) => {
            clearTimeout(timer);
            resolve(payload);
          },
        });
      });
    },
    call: (event, payload) => socket.timeout(10_000).emitWithAck(event, payload),
    close: () => socket.close(),
  };
}

export async function connectShopper(
  url: string,
  auth: { key: string; visitorToken?: string; locale?: string },
  options: { origin?: string } = {},
): Promise<TestClient> {
  const socket = io(`${url}/widget`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: options.origin ? { origin: options.origin } : undefined,
  });
  const client = wrap(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  await client.waitFor('session.ready');
  return client;
}

export async function connectAgent(url: string, token: string, name = 'Sam'): Promise<TestClient> {
  const socket = io(`${url}/agent`, { auth: { token, name }, transports: ['websocket'], reconnection: false });
  const client = wrap(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return client;
}
