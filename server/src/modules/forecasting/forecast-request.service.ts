import type { Prisma, PrismaClient } from '@prisma/client';
import { createPlan, findLatestPlan, findPendingPlan } from './action-plan.repo';
import { DEFAULT_HORIZON_WEEKS, ForecastRunNotFoundError, type RunTrigger } from './forecasting.model';
import {
  createRun,
  failRun,
  findLatestRun,
  findPendingRun,
  listTopProductForecasts,
  lockWorkspaceForecasts,
} from './forecasting.repo';
import { listWorkspacesWithOrdersSince } from './sales-history.repo';

/**
 * Asking for a forecast: a queued run row and its `forecast.run` job are
 * written in one transaction, so the page can show "queued" at once and a
 * job never exists without its row. One pending run per workspace: while a
 * run is queued or running, asking again returns it. The advisory lock makes
 * that check-then-insert safe against two requests at once (the queue's
 * standard policy does not deduplicate on singletonKey by itself).
 */
export interface RequestDeps {
  prisma: PrismaClient;
  clock?: { now(): number };
  jobs: {
    sendInTransaction(
      tx: Prisma.TransactionClient,
      name: string,
      data: object,
      options?: { singletonKey?: string },
    ): Promise<string | null>;
  };
}

export interface RequestedRun {
  runId: string;
  /** False when a queued or running run already existed and was returned instead. */
  created: boolean;
}

export async function requestForecast(
  deps: RequestDeps,
  workspaceId: string,
  options: { trigger?: RunTrigger; horizonWeeks?: number } = {},
): Promise<RequestedRun> {
  const now = () => new Date(deps.clock?.now() ?? Date.now());
  return deps.prisma.$transaction(async (tx) => {
    await lockWorkspaceForecasts(tx, workspaceId);
    const pending = await findPendingRun(tx, workspaceId);
    if (pending && !isAbandoned(pending, now())) return { runId: pending.id, created: false };
    if (pending) await failRun(tx, workspaceId, pending.id, 'abandoned: no worker finished it', now());
    const run = await createRun(tx, workspaceId, {
      trigger: options.trigger ?? 'manual',
      horizonWeeks: options.horizonWeeks ?? DEFAULT_HORIZON_WEEKS,
    });
    const jobId = await deps.jobs.sendInTransaction(
      tx,
      'forecast.run',
      { workspaceId, runId: run.id },
      { singletonKey: workspaceId },
    );
    // A queue policy that deduplicates by key refused it: a job for this workspace is already waiting.
    if (jobId === null) throw new DuplicateForecastJobError(workspaceId);
    return { runId: run.id, created: true };
  });
}

export interface RequestedPlan {
  planId: string;
  runId: string;
  /** False when a plan of the latest run was already queued or being written and was returned instead. */
  created: boolean;
}

/**
 * Asking for a new action plan of the latest finished run (after an AI
 * provider was configured, say): same products as the run's first plan, so
 * the new one is comparable; one pending plan per run, under the same lock
 * as the runs.
 */
export async function requestActionPlan(
  deps: Pick<RequestDeps, 'prisma' | 'jobs' | 'clock'>,
  workspaceId: string,
): Promise<RequestedPlan> {
  const now = new Date(deps.clock?.now() ?? Date.now());
  return deps.prisma.$transaction(async (tx) => {
    await lockWorkspaceForecasts(tx, workspaceId);
    const run = await findLatestRun(tx, workspaceId, 'succeeded');
    if (!run) throw new ForecastRunNotFoundError('latest');
    const pending = await findPendingPlan(tx, workspaceId, run.id);
    if (pending && !isAbandoned(pending, now)) return { planId: pending.id, runId: run.id, created: false };
    const earlier = await findLatestPlan(tx, workspaceId, run.id);
    const productIds = earlier?.productIds.length
      ? earlier.productIds
      : await listTopProductForecasts(tx, workspaceId, run.id, 5);
    const plan = await createPlan(tx, workspaceId, run.id, productIds);
    await deps.jobs.sendInTransaction(tx, 'forecast.narrative', { workspaceId, runId: run.id, planId: plan.id });
    return { planId: plan.id, runId: run.id, created: true };
  });
}

/**
 * A run still queued or running after this long was lost (its job used up
 * its retries, or the queue was purged); it no longer blocks a new one.
 */
const ABANDONED_AFTER_MS = 6 * 3_600_000;

function isAbandoned(run: { createdAt: Date; startedAt: Date | null }, now: Date): boolean {
  return now.getTime() - (run.startedAt ?? run.createdAt).getTime() > ABANDONED_AFTER_MS;
}

class DuplicateForecastJobError extends Error {
  override readonly name = 'DuplicateForecastJobError';
  constructor(workspaceId: string) {
    super(`a forecast.run job for workspace ${workspaceId} is already queued`);
  }
}

/**
 * The nightly fan-out: one run per workspace that had an order in the last
 * year (the others have nothing new to forecast). Each request is its own
 * transaction, so one failing workspace does not hold up the rest.
 */
export async function requestNightlyForecasts(
  deps: RequestDeps,
): Promise<{ requested: number; skipped: number; failed: number }> {
  const now = deps.clock?.now() ?? Date.now();
  const workspaces = await listWorkspacesWithOrdersSince(deps.prisma, new Date(now - 365 * 86_400_000));
  const counts = { requested: 0, skipped: 0, failed: 0 };
  for (const workspaceId of workspaces) {
    try {
      const run = await requestForecast(deps, workspaceId, { trigger: 'nightly' });
      if (run.created) counts.requested++;
      else counts.skipped++;
    } catch {
      counts.failed++;
    }
  }
  return counts;
}
