import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceAiEngine } from '../../ai';
import { type FakeServer, startFakeOpenAi } from '../../ai/testing';
import { connect, type Database } from '../../platform/database';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { createTestStore, quiet, type TestStore } from '../../testing/closer-harness';
import { findRunProgress, type RunProgress, startContentRun } from '.';
import { validReply } from './content.fixtures';

/**
 * A worker process killed mid-run (SIGKILL: no shutdown, jobs left active)
 * and started again: the run still finishes, and every product's draft is
 * generated and stored exactly once. The server runs as `npm start` runs it,
 * in a child process; this test only starts the run and watches the database.
 */
let store: TestStore;
let database: Database;
let jobs: Jobs;
let fake: FakeServer;
const servers: ChildProcess[] = [];
const serverSecret = 'integration-test-secret-0123456789abcdef';

function startServer(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../main.ts')], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: store.databaseUrl,
      CLOSER_DATA_DIR: store.dataDir,
      CLOSER_SECRET: serverSecret,
      CLOSER_DEMO: 'false',
      LOG_LEVEL: 'warn',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      CLOSER_CONTENT_PROVIDER_LIMITS: 'openai=40/8',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  child.on('exit', (code, signal) => {
    if (code && code !== 0 && signal === null) console.error(`content worker exited ${code}: ${errors}`);
  });
  servers.push(child);
  return child;
}

async function stopServer(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

async function waitForRun(runId: string, until: (run: RunProgress) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = (await findRunProgress(database.prisma, store.workspaceId, runId)) as RunProgress;
    if (until(run)) return run;
    if (Date.now() > deadline)
      throw new Error(`run ${runId} stuck at ${run.doneItems}/${run.totalItems} (${run.status})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  fake = await startFakeOpenAi({ respond: (body) => validReply(body, { eventDelayMs: 30 }), recordLimit: 0 });
  store = await createTestStore({ productCount: 160 });
  database = await connect(store.databaseUrl);
  // This process only enqueues: it registers no workers.
  jobs = await startJobs({ databaseUrl: store.databaseUrl, log: quiet.log });
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((child) => stopServer(child, 'SIGKILL')));
  await jobs?.stop(1_000);
  await database?.close();
  await store?.drop();
  await fake?.close();
});

describe('a content run across a worker crash', () => {
  it('finishes after a restart with every product generated exactly once', async () => {
    const products = await database.prisma.product.findMany({
      where: { workspaceId: store.workspaceId, status: { not: 'archived' } },
      select: { id: true },
      take: 150,
    });
    // The same providers as the server's, so the run is planned (and estimated) for the model it will use.
    const ai = createWorkspaceAiEngine({
      prisma: database.prisma,
      secret: serverSecret,
      providers: { gemini: {}, anthropic: {}, openai: { apiKey: 'sk-test', baseURL: `${fake.url}/v1` } },
      log: quiet.log,
    });
    const run = await startContentRun(
      { prisma: database.prisma, jobs, ai },
      { workspaceId: store.workspaceId, type: 'user', id: null, name: 'Test' },
      { scope: { type: 'products', productIds: products.map((product) => product.id) }, kinds: ['seo'], fresh: true },
    );

    const first = startServer();
    const atCrash = await waitForRun(run.id, (progress) => progress.doneItems >= 30, 60_000);
    await stopServer(first, 'SIGKILL');
    expect(atCrash.status).toBe('running');
    expect(atCrash.doneItems).toBeLessThan(150);

    // The jobs the dead process held come back when their heartbeat lapses.
    const second = startServer();
    const finished = await waitForRun(run.id, (progress) => progress.status !== 'running', 120_000);
    await stopServer(second, 'SIGTERM');
    expect(finished).toMatchObject({ status: 'completed', doneItems: 150, failedItems: 0, remainingItems: 0 });

    const generated = await database.prisma.contentRevision.groupBy({
      by: ['draftId'],
      where: { draft: { runId: run.id }, action: 'generated' },
      _count: true,
    });
    expect(generated).toHaveLength(150);
    expect(generated.every((row) => row._count === 1)).toBe(true);
    const drafts = await database.prisma.contentDraft.groupBy({
      by: ['status'],
      where: { runId: run.id },
      _count: true,
    });
    expect(drafts).toEqual([{ status: 'generated', _count: 150 }]);
    // Calls in flight at the crash may be made again; nothing else is.
    expect(fake.received()).toBeGreaterThanOrEqual(150);
    expect(fake.received()).toBeLessThanOrEqual(150 + 16);
  }, 200_000);
});
