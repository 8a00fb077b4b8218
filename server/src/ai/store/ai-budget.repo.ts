import type { PrismaClient } from '@prisma/client';
import type { AiTask, Clock } from '../ai.model';
import type { AiBudget, AiBudgetStatus, AiEvents } from '../ai.ports';
import { monthToDateCostMicroUsd } from './ai-usage.repo';

/** The share of the monthly budget at which merchants are warned. */
export const budgetWarningShare = 0.8;

/** A billing plan's monthly allowances, as the guard enforces them. */
export interface PlanAllowance {
  planName: string;
  conversationsPerMonth: number;
  generationsPerMonth: number;
}

/**
 * The allowance of a workspace's plan, or null when it is on no plan (its
 * money budget is then the only limit). The plans live with the Shopify
 * module; the composition root passes this in, so the engine knows no plans.
 */
export type PlanAllowanceLookup = (workspace: { plan: string; shopDomain: string | null }) => PlanAllowance | null;

/**
 * Per-workspace monthly budget (`Workspace.aiMonthlyBudgetMicroUsd`, null =
 * no limit) against this month's recorded spend, and, for a workspace on a
 * billing plan, the plan's monthly conversation and generation allowances.
 */
export function createBudgetGuard(prisma: PrismaClient, clock: Clock, planAllowances?: PlanAllowanceLookup): AiBudget {
  return {
    async check(workspaceId, task): Promise<AiBudgetStatus> {
      const workspace = await prisma.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { aiMonthlyBudgetMicroUsd: true, aiOnBudgetExceeded: true, plan: true, shopDomain: true },
      });
      const onExceeded = workspace.aiOnBudgetExceeded;
      const now = new Date(clock.now());
      const allowance = task ? planAllowances?.(workspace) : null;
      if (task && allowance) {
        const reason = await findUsedUpAllowance(prisma, workspaceId, task, allowance, now);
        if (reason) return { state: 'exceeded', onExceeded, reason };
      }
      const budget = workspace.aiMonthlyBudgetMicroUsd;
      if (budget === null) return { state: 'ok', onExceeded };
      const spent = await monthToDateCostMicroUsd(prisma, workspaceId, now);
      if (spent >= budget) return { state: 'exceeded', onExceeded };
      if (Number(spent) >= Number(budget) * budgetWarningShare) return { state: 'warning', onExceeded };
      return { state: 'ok', onExceeded };
    },
  };
}

export interface PlanUsage {
  /** Shopper conversations started since the first of the month (UTC). */
  conversations: number;
  /** Successful AI content generations (`content.*` tasks) since the first of the month. */
  generations: number;
}

/** What counts against a plan's allowances this month; the billing page shows the same figures. */
export async function planUsageThisMonth(prisma: PrismaClient, workspaceId: string, now: Date): Promise<PlanUsage> {
  const since = startOfMonth(now);
  const [conversations, generations] = await Promise.all([
    countConversationsSince(prisma, workspaceId, since),
    countGenerationsSince(prisma, workspaceId, since),
  ]);
  return { conversations, generations };
}

function countConversationsSince(prisma: PrismaClient, workspaceId: string, since: Date): Promise<number> {
  return prisma.conversation.count({ where: { workspaceId, createdAt: { gte: since } } });
}

function countGenerationsSince(prisma: PrismaClient, workspaceId: string, since: Date): Promise<number> {
  return prisma.aiUsage.count({
    where: { workspaceId, task: { startsWith: 'content.' }, outcome: 'ok', createdAt: { gte: since } },
  });
}

/**
 * Why the task may not run under the plan, or null. The shopper's message is
 * stored (its conversation counted) before the reply is asked for, so the
 * conversation that reaches the allowance is still answered; a generation is
 * counted once it succeeded, so the one asked for now must fit.
 */
async function findUsedUpAllowance(
  prisma: PrismaClient,
  workspaceId: string,
  task: AiTask,
  allowance: PlanAllowance,
  now: Date,
): Promise<string | null> {
  const since = startOfMonth(now);
  const upgrade = 'Upgrade the plan under Billing or wait for next month.';
  if (task === 'assistant.reply') {
    const started = await countConversationsSince(prisma, workspaceId, since);
    if (started <= allowance.conversationsPerMonth) return null;
    return `The ${allowance.planName} plan's ${allowance.conversationsPerMonth} AI conversations for this month are used up. ${upgrade}`;
  }
  if (task.startsWith('content.')) {
    const generated = await countGenerationsSince(prisma, workspaceId, since);
    if (generated < allowance.generationsPerMonth) return null;
    return `The ${allowance.planName} plan's ${allowance.generationsPerMonth} AI generations for this month are used up, so "${task}" was not run. ${upgrade}`;
  }
  return null;
}

function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
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
      const monthStart = startOfMonth(now);
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
