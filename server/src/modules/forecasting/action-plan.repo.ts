import type { Prisma, PrismaClient } from '@prisma/client';
import { ForecastPlanNotFoundError } from './forecasting.model';

/** Action plans and their steps, scoped to one workspace like everything else. */
type Db = PrismaClient | Prisma.TransactionClient;

export interface StepRecord {
  step: string;
  position: number;
  status: 'succeeded' | 'flagged' | 'failed';
  output: unknown;
  unverifiedNumbers: string[];
  attempts: number;
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  provider: string | null;
  model: string | null;
  error: string | null;
}

export async function createPlan(db: Db, workspaceId: string, runId: string, productIds: string[]) {
  return db.forecastPlan.create({ data: { workspaceId, runId, productIds } });
}

export async function findPlan(db: Db, workspaceId: string, planId: string) {
  const plan = await db.forecastPlan.findFirst({
    where: { id: planId, workspaceId },
    include: { steps: { where: { workspaceId }, orderBy: { position: 'asc' } } },
  });
  if (!plan) throw new ForecastPlanNotFoundError(planId);
  return plan;
}

export async function findLatestPlan(db: Db, workspaceId: string, runId?: string) {
  return db.forecastPlan.findFirst({
    where: { workspaceId, ...(runId ? { runId } : {}) },
    orderBy: { createdAt: 'desc' },
    include: { steps: { where: { workspaceId }, orderBy: { position: 'asc' } } },
  });
}

/** A plan of this run still waiting for or inside its job. */
export async function findPendingPlan(db: Db, workspaceId: string, runId: string) {
  return db.forecastPlan.findFirst({
    where: { workspaceId, runId, status: { in: ['queued', 'running'] } },
    orderBy: { createdAt: 'desc' },
  });
}

/** Marks the plan running with its facts, dropping steps of an earlier attempt of the same job. */
export async function startPlan(db: Db, workspaceId: string, planId: string, facts: unknown, startedAt: Date) {
  await db.forecastPlanStep.deleteMany({ where: { workspaceId, planId } });
  const { count } = await db.forecastPlan.updateMany({
    where: { id: planId, workspaceId },
    data: { status: 'running', facts: facts as Prisma.InputJsonValue, startedAt, finishedAt: null, error: null },
  });
  if (count === 0) throw new ForecastPlanNotFoundError(planId);
}

export async function saveStep(db: Db, workspaceId: string, planId: string, record: StepRecord) {
  const { output, ...rest } = record;
  const data = {
    ...rest,
    output: output === undefined || output === null ? undefined : (output as Prisma.InputJsonValue),
  };
  await db.forecastPlanStep.upsert({
    where: { workspaceId_planId_step: { workspaceId, planId, step: record.step } },
    create: { workspaceId, planId, ...data },
    update: data,
  });
}

export async function finishPlan(
  db: Db,
  workspaceId: string,
  planId: string,
  result: { status: 'succeeded' | 'failed'; offline: boolean; error: string | null; finishedAt: Date },
) {
  await db.forecastPlan.updateMany({ where: { id: planId, workspaceId }, data: result });
}
