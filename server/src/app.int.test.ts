import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Closer, startCloser } from './app';
import { createApiKey } from './modules/tenancy';
import { type Config, loadConfig } from './platform/config';
import { StartupError } from './platform/errors';
import { createLogger } from './platform/logger';
import { createProgress } from './platform/progress';
import { createEmptyClone, dropDatabase, testDatabaseUrl } from './testing/test-database';

const quiet = { log: createLogger({ level: 'silent' }), progress: createProgress(process.stdout, false) };
let databaseName: string;
let dataDir: string;

function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      PORT: '0',
      CLOSER_DEMO: 'false',
      CLOSER_DATA_DIR: dataDir,
      DATABASE_URL: testDatabaseUrl(databaseName),
    }),
    ...overrides,
  };
}

beforeAll(async () => {
  databaseName = await createEmptyClone();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-app-'));
});

afterAll(async () => {
  await dropDatabase(databaseName);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a running Closer', () => {
  let closer: Closer;
  beforeAll(async () => {
    closer = await startCloser(testConfig(), quiet);
  });
  afterAll(async () => closer.stop());

  it('answers health and readiness as JSON', async () => {
    const health = await fetch(`${closer.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${closer.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', jobs: 'ok' });
  });

  it('answers unknown API routes and malformed JSON with a JSON error, not a stack trace', async () => {
    const missing = await fetch(`${closer.url}/api/v1/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'No API route for GET /api/v1/nope' },
    });
    const { key } = await createApiKey(closer.database.prisma, {
      workspaceId: (
        await closer.database.prisma.workspace.create({ data: { name: 'JSON errors', slug: 'json-errors' } })
      ).id,
      name: 'malformed json',
      scopes: ['products:write'],
    });
    const malformed = await fetch(`${closer.url}/api/v1/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: '{"broken":',
    });
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as { error: { code: string } };
    expect(body.error.code).toBe('invalid_json');
    expect(JSON.stringify(body)).not.toContain('at ');
  });

  it('mounts the REST API and its documentation', async () => {
    const unauthenticated = await fetch(`${closer.url}/api/v1/products`);
    expect(unauthenticated.status).toBe(401);
    expect(((await unauthenticated.json()) as { error: { code: string } }).error.code).toBeTruthy();
    const document = (await (await fetch(`${closer.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toContain('/api/v1/products');
    expect((await fetch(`${closer.url}/api/docs`)).headers.get('content-type')).toContain('text/html');
  });

  it('serves demo placeholder images', async () => {
    const image = await fetch(`${closer.url}/demo/images/trail-runner-jacket.svg`);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    expect(await image.text()).toContain('Trail Runner Jacket');
  });

  it('keeps the generated secret in the data dir', async () => {
    expect(fs.readFileSync(path.join(dataDir, 'secret'), 'utf8').trim()).toBe(closer.secret);
  });
});

describe('with Shopify configured', () => {
  it('receives webhooks at /app/webhooks and refuses a bad signature', async () => {
    const closer = await startCloser(testConfig({ shopify: { apiKey: 'key', apiSecret: 'shpss_test_secret' } }), quiet);
    try {
      const response = await fetch(`${closer.url}/app/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-hmac-sha256': 'not-the-signature',
          'x-shopify-topic': 'products/update',
          'x-shopify-shop-domain': 'demo.myshopify.com',
          'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        },
        body: '{"id":1}',
      });
      expect(response.status).toBe(401);
    } finally {
      await closer.stop();
    }
  });
});

describe('graceful shutdown', () => {
  it('lets a running job finish, tells sockets, then stops answering', async () => {
    const closer = await startCloser(testConfig(), quiet);
    const finished: string[] = [];
    let started!: () => void;
    const jobStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    await closer.jobs.work(
      'system.cleanup',
      async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        finished.push('done');
      },
      { pollingIntervalSeconds: 0.5 },
    );
    const socket = connectSocket(closer.url, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const told = new Promise<void>((resolve) => socket.once('server.shutdown', () => resolve()));
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    const jobId = await closer.jobs.send('system.cleanup', {});
    await jobStarted;
    await closer.stop();

    expect(finished).toEqual(['done']);
    await told;
    await disconnected;
    await expect(fetch(`${closer.url}/healthz`)).rejects.toThrow();
    // The job was marked complete before the pool closed.
    const check = await startCloser(testConfig(), quiet);
    try {
      const { rows } = await check.database.pool.query('SELECT state FROM pgboss.job WHERE id = $1', [jobId]);
      expect(rows).toEqual([{ state: 'completed' }]);
    } finally {
      await check.stop();
    }
  });
});

describe('start-up mistakes', () => {
  it('reports a busy port in one line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const error = await startCloser(testConfig({ port, host: '127.0.0.1' }), quiet).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(
        `Port ${port} is already in use; stop the program using it or set PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('reports an unreachable database without its password', async () => {
    const error = await startCloser(
      testConfig({ databaseUrl: 'postgresql://closer:s3cret@127.0.0.1:1/closer' }),
      quiet,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(
      'Cannot connect to the database at postgresql://closer@127.0.0.1:1/closer: connection refused (is PostgreSQL running there?)',
    );
  });
});
