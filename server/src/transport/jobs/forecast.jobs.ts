import type { PrismaClient } from '@prisma/client';
import type { AiEngine } from '../../ai';
import {
  ForecastRunNotFoundError,
  generateActionPlan,
  InsufficientHistoryError,
  type NarrativeJob,
  NothingToForecastError,
  narrativeJobSchema,
  type RequestedRun,
  type RunForecastJob,
  requestForecast,
  requestNightlyForecasts,
  runForecast,
  runForecastJobSchema,
} from '../../modules/forecasting';
import type { Jobs } from '../../platform/jobs/jobs';
import type { Logger } from '../../platform/logger';

/**
 * Forecast jobs: `forecast.run` (one workspace's run; progress goes to its
 * ForecastRun row), `forecast.narrative` (the action plan a finished run
 * enqueued), and `forecast.nightly`, a pg-boss schedule that fans out one
 * `forecast.run` per workspace with recent orders.
 */
export const FORECAST_NIGHTLY_QUEUE = 'forecast.nightly';
/** 02:30 UTC: after most stores' evening peak, before the working day in Europe. */
export const FORECAST_NIGHTLY_CRON = '30 2 * * *';

export interface ForecastJobDeps {
  jobs: Jobs;
  prisma: PrismaClient;
  ai: AiEngine;
  log: Logger;
  /** Worker threads per run (default: one per core). */
  workers?: number;
  cron?: string;
}

/** What the admin calls for "Refresh forecast": one pending run per workspace, reused while it waits. */
export function createForecastRequester(deps: Pick<ForecastJobDeps, 'jobs' | 'prisma'>) {
  return (workspaceId: string): Promise<RequestedRun> => requestForecast(deps, workspaceId, { trigger: 'manual' });
}

// Failures that another attempt cannot fix: the run row already says why.
const permanent = [InsufficientHistoryError, NothingToForecastError, ForecastRunNotFoundError];

export async function registerForecastJobs(deps: ForecastJobDeps): Promise<void> {
  const { jobs, prisma, log } = deps;
  await jobs.work<RunForecastJob>('forecast.run', async (job) => {
    const { workspaceId, runId } = runForecastJobSchema.parse(job.data);
    try {
      const { summary } = await runForecast(
        { prisma, jobs, ...(deps.workers !== undefined ? { workers: deps.workers } : {}) },
        workspaceId,
        { runId },
      );
      log.info({ workspaceId, runId, products: summary.productCount, ms: summary.durationMs }, 'forecast finished');
    } catch (error) {
      if (!permanent.some((type) => error instanceof type)) throw error;
      log.info({ workspaceId, runId, reason: (error as Error).message }, 'forecast not possible');
    }
  });

  await jobs.work<NarrativeJob>('forecast.narrative', async (job) => {
    const { workspaceId, planId } = narrativeJobSchema.parse(job.data);
    const plan = await generateActionPlan({ prisma, ai: deps.ai }, workspaceId, { planId });
    log.info({ workspaceId, planId, status: plan.status, offline: plan.offline }, 'forecast action plan written');
  });

  await ensureQueue(jobs, FORECAST_NIGHTLY_QUEUE);
  await jobs.work(FORECAST_NIGHTLY_QUEUE, async () => {
    const counts = await requestNightlyForecasts({ prisma, jobs });
    log.info(counts, 'nightly forecasts requested');
  });
  await jobs.boss.schedule(FORECAST_NIGHTLY_QUEUE, deps.cron ?? FORECAST_NIGHTLY_CRON);
}

/** The nightly queue belongs in platform/jobs/queues.ts; until it is declared there, create it here. */
async function ensureQueue(jobs: Jobs, name: string): Promise<void> {
  if (await jobs.boss.getQueue(name)) return;
  await jobs.boss.createQueue(name, { retryLimit: 1, expireInSeconds: 15 * 60 });
}
