import { z } from 'zod';

/**
 * The team that writes the action plan: five roles, one model call each,
 * in this order. Each sees the facts; the sales strategist also sees what
 * the others concluded (after their numbers were checked). Schemas keep
 * answers short and structured so the page can lay them out.
 */
const productId = z.string().describe('The productId from FACTS');
const text = (max: number) => z.string().max(max);

export const PLAN_STEPS = [
  {
    step: 'product-analyst',
    role: 'a product analyst',
    task: 'Task: product outlook for the top products',
    instructions:
      'For each product in FACTS, say whether demand is growing, steady, declining, new or uncertain, why, ' +
      'and the main risks (forecast range, backtest accuracy, stock).',
    schema: z.object({
      products: z
        .array(
          z.object({
            productId,
            headline: text(160),
            outlook: z.enum(['growing', 'steady', 'declining', 'new', 'uncertain']),
            analysis: text(800),
            risks: z.array(text(240)).max(4),
          }),
        )
        .max(12),
    }),
  },
  {
    step: 'market-profiler',
    role: 'a market and city profiler',
    task: 'Task: where the top products sell and could sell next',
    instructions:
      'For each product, name the cities where it sells best and the untapped cities where similar products ' +
      'sell but it does not yet, and what that says about its buyers.',
    schema: z.object({
      summary: text(800),
      products: z
        .array(
          z.object({
            productId,
            bestCities: z.array(text(80)).max(5),
            untappedCities: z.array(text(80)).max(5),
            insight: text(600),
          }),
        )
        .max(12),
    }),
  },
  {
    step: 'advertising-planner',
    role: 'an advertising planner',
    task: 'Task: advertising channels and budget split by city',
    instructions:
      'Choose advertising channels and explain why, split the budget by city using suggestedBudgetSplit from ' +
      'FACTS, and propose campaigns (product, city, message, timing relative to the forecast weeks).',
    schema: z.object({
      summary: text(800),
      channels: z.array(z.object({ channel: text(80), why: text(400) })).max(6),
      budgetSplit: z.array(z.object({ city: text(80), sharePercent: z.number().min(0).max(100) })).max(10),
      campaigns: z.array(z.object({ productId, city: text(80), message: text(300), timing: text(200) })).max(10),
    }),
  },
  {
    step: 'supply-planner',
    role: 'a supply planner',
    task: 'Task: stock and reorder actions',
    instructions:
      'For each product with stock data, decide whether to reorder now, reorder soon, monitor or reduce stock, ' +
      'quoting its expected stock-out date, stock-out probability and reorder quantity from FACTS.',
    schema: z.object({
      summary: text(800),
      actions: z
        .array(
          z.object({
            productId,
            action: z.enum(['reorder-now', 'reorder-soon', 'monitor', 'reduce-stock']),
            reorderUnits: z.number().nullable(),
            rationale: text(500),
          }),
        )
        .max(12),
    }),
  },
  {
    step: 'sales-strategist',
    role: 'a sales strategist',
    task: 'Task: the action plan for the coming weeks',
    instructions: "Turn the team's notes into a short plan: a summary and up to five priorities, most important first.",
    schema: z.object({
      summary: text(1200),
      priorities: z.array(z.object({ title: text(120), detail: text(600) })).max(6),
    }),
  },
] as const;

export type PlanStep = (typeof PLAN_STEPS)[number];
export type PlanStepName = PlanStep['step'];

export function systemPrompt(step: PlanStep): string {
  return [
    `You are ${step.role} on a small team planning demand for an online store.`,
    step.instructions,
    'Rules: use only the numbers in FACTS. Every number you write must appear in FACTS; you may round it or write a ' +
      'share as a percentage, nothing else. Do not add, subtract, multiply or divide numbers yourself. ' +
      'Write dates exactly as in FACTS. Name products by their title and give their productId where asked.',
    'Answer with one JSON object that matches the schema, and nothing else.',
  ].join('\n\n');
}

/** The first line is the task without numbers: the offline provider titles its drafts with it. */
export function userPrompt(step: PlanStep, facts: unknown, notes?: Record<string, unknown>): string {
  return [
    step.task,
    `FACTS:\n${JSON.stringify(facts)}`,
    ...(notes && Object.keys(notes).length > 0 ? [`TEAM NOTES:\n${JSON.stringify(notes)}`] : []),
  ].join('\n\n');
}

export function correctionPrompt(uncited: readonly string[]): string {
  return (
    `These numbers are not in FACTS: ${[...new Set(uncited)].join(', ')}. ` +
    'Rewrite your whole answer without them, citing only numbers from FACTS, as the same JSON.'
  );
}
