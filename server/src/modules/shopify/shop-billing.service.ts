import type { PrismaClient } from '@prisma/client';
import { type PlanUsage, planUsageThisMonth } from '../../ai';
import { type BillingPlan, billingPlans, findBillingPlan, type PlanId, paidPlans } from './billing-plans';
import { writeShopAudit } from './shop-install.repo';

/** A shop's plan as its billing page shows it: what it pays, what it used this month, what it may switch to. */
export interface ShopBilling {
  plan: BillingPlan;
  subscriptionId: string | null;
  activatedAt: Date | null;
  usage: PlanUsage;
  plans: readonly BillingPlan[];
}

type Deps = { prisma: PrismaClient; clock?: () => Date };

export async function describeShopBilling(deps: Deps, workspaceId: string): Promise<ShopBilling> {
  const now = deps.clock?.() ?? new Date();
  const [workspace, usage] = await Promise.all([
    deps.prisma.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { plan: true, planSubscriptionId: true, planActivatedAt: true },
    }),
    planUsageThisMonth(deps.prisma, workspaceId, now),
  ]);
  return {
    plan: findBillingPlan(workspace.plan),
    subscriptionId: workspace.planSubscriptionId,
    activatedAt: workspace.planActivatedAt,
    usage,
    plans: billingPlans,
  };
}

/** An app subscription as Shopify's Billing API reports it (`billing.check`). */
export interface ShopSubscription {
  id: string;
  name: string;
  status: string;
}

/**
 * Stores the plan Shopify says the shop pays for: the dearest active
 * subscription named after one of our paid plans, else the free tier. Shopify
 * is the source of truth (a merchant may cancel from the admin's billing
 * page), so the billing page and the return from a charge's confirmation both
 * come here with what `billing.check` found.
 */
export async function recordShopSubscriptions(
  deps: Deps,
  workspaceId: string,
  subscriptions: readonly ShopSubscription[],
): Promise<BillingPlan> {
  const active = paidPlans
    .map((plan) => ({ plan, subscription: subscriptions.find((sub) => sub.name === plan.name && isActive(sub)) }))
    .filter((candidate) => candidate.subscription)
    .sort((a, b) => b.plan.priceUsd - a.plan.priceUsd)[0];
  const planId: PlanId = active?.plan.id ?? 'free';
  const subscriptionId = active?.subscription?.id ?? null;
  return deps.prisma.$transaction(async (tx) => {
    const current = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { plan: true, planSubscriptionId: true },
    });
    if (current.plan === planId && current.planSubscriptionId === subscriptionId) return findBillingPlan(planId);
    await tx.workspace.update({
      where: { id: workspaceId },
      data: { plan: planId, planSubscriptionId: subscriptionId, planActivatedAt: deps.clock?.() ?? new Date() },
    });
    await writeShopAudit(tx, workspaceId, 'billing.plan_changed', {
      from: current.plan,
      to: planId,
      subscriptionId,
    });
    return findBillingPlan(planId);
  });
}

function isActive(subscription: ShopSubscription): boolean {
  return subscription.status.toUpperCase() === 'ACTIVE';
}
