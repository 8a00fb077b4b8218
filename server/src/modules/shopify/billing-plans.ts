/**
 * Closer's plans for Shopify shops, charged through Shopify's Billing API as
 * recurring charges every 30 days. Defined once: the embedded app's billing
 * config, the billing page and the AI budget guard all read this list.
 * Allowances count per calendar month (UTC), like the money budget.
 */
export const planIds = ['free', 'growth', 'pro'] as const;
export type PlanId = (typeof planIds)[number];

export interface BillingPlan {
  id: PlanId;
  /** Also the Shopify subscription's name: the key of the app's billing config, shown on Shopify's approval page. */
  name: string;
  /** USD per 30 days; 0 for the free tier (no Shopify charge). */
  priceUsd: number;
  /** Shopper conversations started; beyond it `assistant.reply` goes offline or hands over, as the workspace chose. */
  conversationsPerMonth: number;
  /** AI content generations (tasks `content.*`); beyond it, generation stops with a clear error. */
  generationsPerMonth: number;
}

export const billingPlans: readonly BillingPlan[] = [
  { id: 'free', name: 'Free', priceUsd: 0, conversationsPerMonth: 50, generationsPerMonth: 20 },
  { id: 'growth', name: 'Growth', priceUsd: 29, conversationsPerMonth: 1_000, generationsPerMonth: 500 },
  { id: 'pro', name: 'Pro', priceUsd: 99, conversationsPerMonth: 5_000, generationsPerMonth: 2_500 },
];

/** The plans Shopify charges for (the billing config's keys are their ids). */
export const paidPlans = billingPlans.filter((plan) => plan.priceUsd > 0);

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (planIds as readonly string[]).includes(value);
}

/** An unknown stored plan (renamed, removed) falls back to the free tier rather than to unlimited. */
export function findBillingPlan(id: string): BillingPlan {
  return billingPlans.find((plan) => plan.id === id) ?? (billingPlans[0] as BillingPlan);
}

/** What the AI budget guard enforces for a workspace, on top of its money budget. */
export interface PlanAllowance {
  planName: string;
  conversationsPerMonth: number;
  generationsPerMonth: number;
}

/**
 * Only Shopify shops are on a plan: a portal team (no shop domain) has no
 * allowance at all, so its money budget stays the only limit.
 */
export function planAllowanceOf(workspace: { plan: string; shopDomain: string | null }): PlanAllowance | null {
  if (!workspace.shopDomain) return null;
  const plan = findBillingPlan(workspace.plan);
  return {
    planName: plan.name,
    conversationsPerMonth: plan.conversationsPerMonth,
    generationsPerMonth: plan.generationsPerMonth,
  };
}
