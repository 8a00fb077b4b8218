import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from '@prisma/client';
import type { Job, WorkOptions } from 'pg-boss';
import { type AiEngine, createWorkspaceAiEngine, saveProviderKey } from '../server/src/ai';
import { startFakeOpenAi } from '../server/src/ai/testing';
import {
  CONTENT_GENERATE_QUEUE,
  findRunProgress,
  parseProviderLimits,
  type RunProgress,
  startContentRun,
} from '../server/src/modules/content';
import { validReply } from '../server/src/modules/content/content.fixtures';
import { connect } from '../server/src/platform/database';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-postgres';
import { type Jobs, startJobs } from '../server/src/platform/jobs/jobs';
import { createLogger } from '../server/src/platform/logger';
import { applyMigrations } from '../server/src/platform/migrations/migrate';
import { findPrismaDir, readMigrations } from '../server/src/platform/migrations/migration-files';
import { createProgress } from '../server/src/platform/progress';
import { registerContentJobs } from '../server/src/transport/jobs/content.jobs';
import { writeResult } from './lib/report';

/**
 * Content runs through the real path: `startContentRun` fans a run out into
 * pg-boss jobs, the `content.generate` workers of this process pace and call
 * the real OpenAI SDK against a fake OpenAI server, and store each draft with
 * its revision and the run's counters.
 *
 * 1. Overhead: 2,000 items against a vendor that answers at once. Per item,
 *    the job handler's time minus the time inside `ai.generate` (the model
 *    call, including the AI engine's own bookkeeping, which bench/ai-overhead
 *    measures) is the job's overhead; the whole handler time is reported too.
 * 2. Throughput: 10,000 items against a vendor that allows 50 requests a
 *    second (429 beyond it), with our pace set to the vendor's allowance.
 */
const overheadItems = 2_000;
const throughputItems = 10_000;
const vendorPerSecond = 50;
const secret = 'bench-secret-0123456789abcdef0123456789';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

async function seedProducts(prisma: PrismaClient, workspaceId: string, count: number): Promise<string[]> {
  await prisma.$executeRaw`
    INSERT INTO "Product" (id, "workspaceId", handle, title, description, category, vendor, tags, "updatedAt")
    SELECT gen_random_uuid(), ${workspaceId}::uuid, 'bench-product-' || n, 'Merino Hoodie ' || n,
           'A warm merino hoodie for cold mornings, with a kangaroo pocket.', 'Hoodies', 'Northbound',
           ARRAY['merino', 'winter'], now()
    FROM generate_series(1, ${count}) AS n`;
  const rows = await prisma.product.findMany({ where: { workspaceId }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.id);
}

const progress = createProgress();

async function waitForRun(prisma: PrismaClient, workspaceId: string, runId: string, label: string) {
  return progress.step(label, async (update) => {
    for (;;) {
      const run = (await findRunProgress(prisma, workspaceId, runId)) as RunProgress;
      update(run.doneItems + run.failedItems, run.totalItems);
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

async function main() {
  const log = createLogger({ level: 'silent' });
  const postgres = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ persistent: false });
  const url = process.env.DATABASE_URL ?? (postgres?.url as string);
  const database = await connect(url, postgres);
  const fake = await startFakeOpenAi({ respond: (body) => validReply(body), recordLimit: 0 });
  let jobs: Jobs | undefined;
  try {
    await applyMigrations(database.pool, readMigrations(`${findPrismaDir()}/migrations`));
    const prisma = database.prisma;
    const workspace = await prisma.workspace.create({ data: { name: 'Bench store', slug: `bench-${Date.now()}` } });
    const productIds = await seedProducts(prisma, workspace.id, throughputItems);
    const engine = createWorkspaceAiEngine({
      prisma,
      secret,
      providers: { gemini: {}, anthropic: {}, openai: { apiKey: 'sk-bench', baseURL: `${fake.url}/v1` } },
      log,
    });

    // Time each job handler and the model calls inside that same job (workers run side by side,
    // so the job's own calls are found through its async context), without touching the product's code.
    const handlerMs: number[] = [];
    const overheadMs: number[] = [];
    const jobClock = new AsyncLocalStorage<{ modelMs: number; calls: number }>();
    const ai: AiEngine = {
      ...engine,
      async generate(...args) {
        const started = performance.now();
        try {
          return await engine.generate(...args);
        } finally {
          const clock = jobClock.getStore();
          if (clock) {
            clock.modelMs += performance.now() - started;
            clock.calls++;
          }
        }
      },
    };
    /** This process's content workers, paced as `limits` says ("openai=50/8"). */
    async function startWorkers(limits: string): Promise<Jobs> {
      const realJobs = await startJobs({ databaseUrl: url, log });
      const timedJobs: Jobs = {
        ...realJobs,
        work: <T extends object>(name: string, handler: (job: Job<T>) => Promise<unknown>, options?: WorkOptions) =>
          realJobs.work<T>(
            name,
            async (job) => {
              const clock = { modelMs: 0, calls: 0 };
              const started = performance.now();
              await jobClock.run(clock, () => handler(job));
              if (name === CONTENT_GENERATE_QUEUE && clock.calls > 0) {
                const total = performance.now() - started;
                handlerMs.push(total);
                overheadMs.push(total - clock.modelMs);
              }
            },
            options,
          ),
      };
      await registerContentJobs({ jobs: timedJobs, prisma, ai, log, providerLimits: parseProviderLimits(limits) });
      return realJobs;
    }
    const actor = { workspaceId: workspace.id, type: 'user' as const, id: null, name: 'Bench' };

    // Overhead is measured unpaced (waiting for our own rate allowance is not work) and on one
    // worker, so an item's time is its own, not a share of its siblings' on a busy CPU.
    jobs = await startWorkers('gemini=100000/1,anthropic=100000/1,openai=100000/1,offline=100000/1');
    const overheadRun = await startContentRun({ prisma, jobs, ai }, actor, {
      scope: { type: 'products', productIds: productIds.slice(0, overheadItems) },
      kinds: ['seo'],
      fresh: true,
    });
    await waitForRun(
      prisma,
      workspace.id,
      overheadRun.id,
      `overhead: ${overheadItems} items against an instant vendor`,
    );
    await jobs.stop(5_000);
    jobs = undefined;
    const overheads = [...overheadMs];
    const overheadMedian = median(overheads);
    const handlerMedian = median(handlerMs);
    console.log(
      `  job overhead median ${overheadMedian.toFixed(2)} ms (p95 ${percentile(overheads, 0.95).toFixed(2)})`,
    );

    const vendor = await startFakeOpenAi({
      respond: (body) => validReply(body),
      rateLimitPerSecond: vendorPerSecond,
      recordLimit: 0,
    });
    // Point the workspace's own OpenAI key at the rate-limited vendor (workspace keys win over the instance's).
    await saveProviderKey(prisma, secret, workspace.id, 'openai', {
      apiKey: 'sk-bench-2',
      baseURL: `${vendor.url}/v1`,
    });
    jobs = await startWorkers(`openai=${vendorPerSecond}/8`);
    const started = Date.now();
    const run = await startContentRun({ prisma, jobs, ai }, actor, {
      scope: { type: 'products', productIds },
      kinds: ['description'],
      fresh: true,
    });
    const queuedMs = Date.now() - started;
    const finished = await waitForRun(
      prisma,
      workspace.id,
      run.id,
      `throughput: ${throughputItems} items against a vendor allowing ${vendorPerSecond} requests/s`,
    );
    const seconds = (Date.now() - started) / 1000;
    const itemsPerSecond = finished.doneItems / seconds;
    console.log(
      `  ${finished.doneItems} done, ${finished.failedItems} failed in ${seconds.toFixed(1)} s (${itemsPerSecond.toFixed(1)} items/s; queued in ${queuedMs} ms; vendor refused ${vendor.rateLimited()} calls)`,
    );
    await vendor.close();

    writeResult(
      'content-run',
      `Content studio runs: ${overheadItems} items for overhead, then ${throughputItems} items against a fake OpenAI allowing ${vendorPerSecond} requests/s, through pg-boss workers and the real OpenAI SDK`,
      [
        {
          name: 'job overhead per item, one worker (median, excl. model call)',
          value: round(overheadMedian),
          unit: 'ms',
          target: '≤ 5 ms',
          met: overheadMedian <= 5,
        },
        { name: 'job handler time per item with an instant model (median)', value: round(handlerMedian), unit: 'ms' },
        {
          name: `throughput, ${throughputItems} items at ${vendorPerSecond} req/s`,
          value: round(itemsPerSecond),
          unit: 'items/s',
          target: '≥ 45 items/s',
          met: itemsPerSecond >= 45,
        },
        { name: 'failed items in the 10,000-item run', value: finished.failedItems, unit: 'items' },
        { name: 'time to queue the 10,000-item run', value: queuedMs, unit: 'ms' },
      ],
    );
  } finally {
    await jobs?.stop(5_000);
    await fake.close();
    await database.close();
    await postgres?.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
