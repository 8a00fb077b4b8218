import { Prisma, type PrismaClient } from '@prisma/client';
import type { LocalWindow } from './analytics.model';
import { inWindow, localDay, toNumber } from './analytics.sql';

/** What one group of AiUsage rows adds up to. */
export interface UsageFigures {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costMicroUsd: number;
  /** Calls that ended in an error after every retry and fallback. */
  errors: number;
  /** Served from the response cache: no provider was paid. */
  cached: number;
  /** Refused because the monthly budget was used up. */
  budgetBlocked: number;
  averageLatencyMs: number;
}

export type UsageDimension = 'day' | 'task' | 'provider' | 'model';

export interface UsageGroup extends UsageFigures {
  dimension: UsageDimension;
  key: string;
  /** For `model` groups: whose model it is (two vendors could share a name). */
  provider: string | null;
}

/**
 * Every breakdown in one scan of the window's rows: GROUPING SETS returns
 * per-day, per-task, per-provider and per-(provider, model) groups together,
 * and GROUPING() says which set a row belongs to.
 */
export async function loadUsageGroups(
  prisma: PrismaClient,
  workspaceId: string,
  window: LocalWindow,
): Promise<UsageGroup[]> {
  const rows = await prisma.$queryRaw<
    {
      dimension: UsageDimension;
      key: string;
      provider: string | null;
      calls: bigint;
      input: bigint;
      output: bigint;
      cached_input: bigint;
      cost: bigint;
      errors: bigint;
      cached: bigint;
      blocked: bigint;
      latency: number | null;
    }[]
  >`
    WITH u AS (
      SELECT ${localDay(Prisma.sql`u."createdAt"`, window.timeZone)} AS day, u.task, u.provider, u.model,
        u."inputTokens", u."outputTokens", u."cachedInputTokens", u."costMicroUsd", u.outcome, u."latencyMs"
      FROM "AiUsage" u
      WHERE u."workspaceId" = ${workspaceId}::uuid AND ${inWindow(Prisma.sql`u."createdAt"`, window)}
    )
    SELECT
      CASE WHEN GROUPING(day) = 0 THEN 'day' WHEN GROUPING(task) = 0 THEN 'task'
        WHEN GROUPING(model) = 0 THEN 'model' ELSE 'provider' END AS dimension,
      COALESCE(day, task, model, provider) AS key,
      CASE WHEN GROUPING(model) = 0 THEN provider END AS provider,
      count(*) AS calls,
      sum("inputTokens")::bigint AS input,
      sum("outputTokens")::bigint AS output,
      sum("cachedInputTokens")::bigint AS cached_input,
      sum("costMicroUsd")::bigint AS cost,
      count(*) FILTER (WHERE outcome = 'error') AS errors,
      count(*) FILTER (WHERE outcome = 'cached') AS cached,
      count(*) FILTER (WHERE outcome = 'budget_blocked') AS blocked,
      round(avg("latencyMs"))::float8 AS latency
    FROM u
    GROUP BY GROUPING SETS ((day), (task), (provider), (provider, model))`;
  return rows.map((row) => ({
    dimension: row.dimension,
    key: row.key,
    provider: row.provider,
    calls: toNumber(row.calls),
    inputTokens: toNumber(row.input),
    outputTokens: toNumber(row.output),
    cachedInputTokens: toNumber(row.cached_input),
    costMicroUsd: toNumber(row.cost),
    errors: toNumber(row.errors),
    cached: toNumber(row.cached),
    budgetBlocked: toNumber(row.blocked),
    averageLatencyMs: toNumber(row.latency),
  }));
}
