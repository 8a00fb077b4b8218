import type { Prisma, PrismaClient } from '@prisma/client';

/** The workspace columns behind the AI page, and its audit entries. Always by workspace id. */

export async function readAiColumns(prisma: PrismaClient, workspaceId: string) {
  return prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { aiMonthlyBudgetMicroUsd: true, aiOnBudgetExceeded: true, aiRoutingPolicy: true },
  });
}

export async function writeBudget(
  prisma: PrismaClient,
  workspaceId: string,
  budget: { monthlyBudgetMicroUsd: bigint | null; onExceeded: 'offline' | 'handoff' },
): Promise<void> {
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { aiMonthlyBudgetMicroUsd: budget.monthlyBudgetMicroUsd, aiOnBudgetExceeded: budget.onExceeded },
  });
}

export type AiAuditAction =
  | 'ai.key.saved'
  | 'ai.key.removed'
  | 'ai.routing.changed'
  | 'ai.routing.reset'
  | 'ai.budget.changed';

export async function writeAiAudit(
  prisma: PrismaClient,
  entry: {
    workspaceId: string;
    userId: string;
    ip?: string | null;
    action: AiAuditAction;
    data: Prisma.InputJsonValue;
  },
): Promise<void> {
  await prisma.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorType: 'user',
      actorId: entry.userId,
      action: entry.action,
      targetType: 'workspace',
      targetId: entry.workspaceId,
      data: entry.data,
      ip: entry.ip ?? null,
    },
  });
}
