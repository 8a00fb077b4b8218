import type { PrismaClient } from '@prisma/client';
import type { AiUsageRow, AiUsageSink } from '../ai.ports';

/** Every engine call becomes one AiUsage row: the source of every cost and usage number. */
export function createUsageRecorder(prisma: PrismaClient): AiUsageSink {
  return {
    async record(row: AiUsageRow) {
      await prisma.aiUsage.create({
        data: {
          workspaceId: row.workspaceId,
          task: row.task,
          provider: row.provider,
          model: row.model,
          inputTokens: row.inputTokens,
          outputTokens: row.outputTokens,
          cachedInputTokens: row.cachedInputTokens,
          costMicroUsd: BigInt(row.costMicroUsd),
          latencyMs: Math.round(row.latencyMs),
          firstTokenMs: row.firstTokenMs === null ? null : Math.round(row.firstTokenMs),
          outcome: row.outcome === 'budget-blocked' ? 'budget_blocked' : row.outcome,
          errorMessage: row.errorMessage?.slice(0, 2_000),
        },
      });
    },
  };
}

/** Spend since the start of the current UTC month, in micro-dollars. */
export async function monthToDateCostMicroUsd(prisma: PrismaClient, workspaceId: string, now: Date): Promise<bigint> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const total = await prisma.aiUsage.aggregate({
    where: { workspaceId, createdAt: { gte: monthStart } },
    _sum: { costMicroUsd: true },
  });
  return total._sum.costMicroUsd ?? 0n;
}
