import type { PrismaClient } from '@prisma/client';
import type { Clock } from '../ai.model';
import type { AiBudget, AiBudgetStatus, AiEvents } from '../ai.ports';
import { monthToDateCostMicroUsd } from './ai-usage.repo';

/** The share of the monthly budget at which merchants are warned. */
export const budgetWarningShare = 0.8;

/**
 * Per-workspace monthly budget (`Workspace.aiMonthlyBudgetMicroUsd`, null =
 * no limit) against this month's recorded spend.
 */
export function createBudgetGuard(prisma: PrismaClient, clock: Clock): AiBudget {
  return {
    async check(workspaceId): Promise<AiBudgetStatus> {
      const workspace = await prisma.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { aiMonthlyBudgetMicroUsd: true, aiOnBudgetExceeded: true },
      });
      const onExceeded = workspace.aiOnBudgetExceeded;
      const budget = workspace.aiMonthlyBudgetMicroUsd;
      if (budget === null) return { state: 'ok', onExceeded };
      const spent = await monthToDateCostMicroUsd(prisma, workspaceId, new Date(clock.now()));
      if (spent >= budget) return { state: 'exceeded', onExceeded };
      if (Number(spent) >= Number(budget) * budgetWarningShare) return { state: 'warning', onExceeded };
      return { state: 'ok', onExceeded };
    },
  };
}

/**
 * Engine events worth keeping: the budget warning lands once per workspace and
 * month in the audit log (where the admin shows it); the rest is logged.
 */
export function createAiEvents(
  prisma: PrismaClient,
  clock: Clock,
  log: { warn(object: object, message: string): void },
): AiEvents {
  return {
    async emit(name, payload) {
      if (name !== 'ai.budget.warning') {
        log.warn({ event: name, ...payload }, 'AI engine event');
        return;
      }
      const workspaceId = String(payload.workspaceId);
      const now = new Date(clock.now());
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const alreadyWarned = await prisma.auditLog.count({
        where: { workspaceId, action: 'ai.budget.warning', createdAt: { gte: monthStart } },
      });
      if (alreadyWarned > 0) return;
      await prisma.auditLog.create({
        data: {
          workspaceId,
          actorType: 'system',
          action: 'ai.budget.warning',
          data: { share: budgetWarningShare, task: String(payload.task) },
        },
      });
      log.warn({ workspaceId }, `AI spend passed ${budgetWarningShare * 100} % of the monthly budget`);
    },
  };
}
