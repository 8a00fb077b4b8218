import type { PrismaClient } from '@prisma/client';
import type { ZodType } from 'zod';
import { AiBudgetExceededError, type AiEngine, type ChatMessage, StructuredOutputError } from '../../ai';
import { buildPlanFacts, type FactsProduct, type PlanFacts } from './action-plan.facts';
import { createPlan, findPlan, finishPlan, type StepRecord, saveStep, startPlan } from './action-plan.repo';
import { correctionPrompt, PLAN_STEPS, type PlanStep, systemPrompt, userPrompt } from './action-plan.steps';
import {
  DEFAULT_LEAD_TIME_DAYS,
  DEFAULT_SERVICE_LEVEL,
  ForecastRunNotFoundError,
  type Interval,
} from './forecasting.model';
import { findLatestRun, findRun, listTopProductForecasts, loadPlanInputs } from './forecasting.repo';
import { collectFactNumbers, type FactNumbers, findUncitedNumbers, removeUncitedNumbers } from './number-check';

/**
 * The `forecast.narrative` job: a small team of model calls turns a run's
 * numbers into an action plan. Each step gets only the facts (and, later,
 * the checked notes of the steps before it); every number it writes is
 * checked against the facts. A step that cites a number the facts lack is
 * asked once to correct itself; if it still does, it is stored with those
 * numbers replaced and listed, so the page can say so. Each step is stored
 * with its time and tokens (the AI engine writes its usage rows as well).
 */
export interface PlanDeps {
  prisma: PrismaClient;
  ai: Pick<AiEngine, 'generate'>;
  clock?: { now(): number };
}

export interface ActionPlanResult {
  planId: string;
  status: 'succeeded' | 'failed';
  offline: boolean;
  steps: StepRecord[];
}

export async function generateActionPlan(
  deps: PlanDeps,
  workspaceId: string,
  options: { planId?: string; runId?: string; productCount?: number } = {},
): Promise<ActionPlanResult> {
  const now = () => deps.clock?.now() ?? Date.now();
  const plan = options.planId
    ? await findPlan(deps.prisma, workspaceId, options.planId)
    : await createPlanForRun(deps.prisma, workspaceId, options.runId, options.productCount ?? 5);
  const facts = await loadFacts(deps.prisma, workspaceId, plan.runId, plan.productIds);
  await startPlan(deps.prisma, workspaceId, plan.id, facts, new Date(now()));
  const context: StepContext = { deps, workspaceId, facts, numbers: collectFactNumbers(facts), now };
  const notes: Record<string, unknown> = {};
  const steps: StepRecord[] = [];
  let error: string | null = null;
  for (const [position, step] of PLAN_STEPS.entries()) {
    let record: StepRecord;
    try {
      record = await runStep(context, step, position, notes);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      // A spent budget stops the whole plan: nothing later would run either. Anything else is
      // unexpected: the plan says so, and the job's retry starts it again.
      if (failure instanceof AiBudgetExceededError) break;
      await finishPlan(deps.prisma, workspaceId, plan.id, {
        status: 'failed',
        offline: false,
        error,
        finishedAt: new Date(now()),
      });
      throw failure;
    }
    steps.push(record);
    await saveStep(deps.prisma, workspaceId, plan.id, record);
    if (record.status !== 'failed') notes[step.step] = record.output;
  }
  const succeeded = steps.some((record) => record.status !== 'failed');
  const offline =
    steps.length > 0 && steps.every((record) => record.provider === 'offline' || record.provider === null);
  const status = succeeded ? 'succeeded' : 'failed';
  error ??= succeeded ? null : (steps.find((record) => record.error)?.error ?? 'no step succeeded');
  await finishPlan(deps.prisma, workspaceId, plan.id, { status, offline, error, finishedAt: new Date(now()) });
  return { planId: plan.id, status, offline, steps };
}

async function createPlanForRun(prisma: PrismaClient, workspaceId: string, runId: string | undefined, count: number) {
  const run = runId ? await findRun(prisma, workspaceId, runId) : await findLatestRun(prisma, workspaceId, 'succeeded');
  if (!run) throw new ForecastRunNotFoundError(runId ?? 'latest');
  const productIds = await listTopProductForecasts(prisma, workspaceId, run.id, count);
  return createPlan(prisma, workspaceId, run.id, productIds);
}

interface StepContext {
  deps: PlanDeps;
  workspaceId: string;
  facts: PlanFacts;
  numbers: FactNumbers;
  now: () => number;
}

async function runStep(
  { deps, workspaceId, facts, numbers, now }: StepContext,
  step: PlanStep,
  position: number,
  notes: Record<string, unknown>,
): Promise<StepRecord> {
  const started = now();
  const messages: ChatMessage[] = [{ role: 'user', content: userPrompt(step, facts, notes) }];
  const record: StepRecord = {
    step: step.step,
    position,
    status: 'failed',
    output: null,
    unverifiedNumbers: [],
    attempts: 0,
    durationMs: 0,
    inputTokens: 0,
    outputTokens: 0,
    provider: null,
    model: null,
    error: null,
  };
  const done = (update: Partial<StepRecord>): StepRecord => ({ ...record, ...update, durationMs: now() - started });
  for (let attempt = 1; attempt <= 2; attempt++) {
    record.attempts = attempt;
    let text: string;
    let output: unknown;
    try {
      const result = await deps.ai.generate(workspaceId, 'forecast.narrative', {
        system: systemPrompt(step),
        messages,
        output: { name: step.step, schema: step.schema as ZodType<unknown> },
        temperature: 0.2,
      });
      record.inputTokens += result.usage.inputTokens;
      record.outputTokens += result.usage.outputTokens;
      record.provider = result.provider ?? record.provider;
      record.model = result.model ?? record.model;
      text = result.text;
      output = result.object;
    } catch (failure) {
      if (failure instanceof AiBudgetExceededError) throw failure;
      const message = failure instanceof Error ? failure.message : String(failure);
      if (!(failure instanceof StructuredOutputError) || attempt === 2) return done({ error: message });
      messages.push(
        { role: 'assistant', content: failure.text },
        { role: 'user', content: `${message} Answer again with only the JSON object.` },
      );
      continue;
    }
    const uncited = findUncitedNumbers(output, numbers);
    if (uncited.length === 0) return done({ status: 'succeeded', output, unverifiedNumbers: [] });
    if (attempt === 2) {
      return done({ status: 'flagged', output: removeUncitedNumbers(output, numbers), unverifiedNumbers: uncited });
    }
    messages.push({ role: 'assistant', content: text }, { role: 'user', content: correctionPrompt(uncited) });
  }
  return done({ error: 'no answer' });
}

async function loadFacts(prisma: PrismaClient, workspaceId: string, runId: string, productIds: readonly string[]) {
  const inputs = await loadPlanInputs(prisma, workspaceId, runId, productIds);
  const summary = inputs.run.summary as { accuracy?: { beatsBaseline?: { share?: number | null } } } | null;
  const stockById = new Map(inputs.stock.map((row) => [row.productId, row]));
  const anyStock = inputs.stock[0];
  const order = new Map(productIds.map((id, index) => [id, index]));
  const products: FactsProduct[] = [...inputs.products]
    .sort((a, b) => (order.get(a.productId ?? '') ?? 0) - (order.get(b.productId ?? '') ?? 0))
    .map((row) => {
      const intervals = row.intervals as unknown as Interval[];
      const band = intervals.find((interval) => interval.level === 80);
      const stock = stockById.get(row.productId ?? '');
      return {
        productId: row.productId as string,
        title: row.label,
        category: row.product?.category ?? 'Uncategorised',
        unitPriceCents: row.unitPriceCents,
        units4: row.units4,
        units13: row.units13,
        units26: row.units26,
        range13: [sum(band?.lower.slice(0, 13)), sum(band?.upper.slice(0, 13))],
        history: row.history as number[],
        mase: row.mase,
        baselineMase: row.baselineMase,
        stock: stock ?? null,
        places: inputs.places.filter((place) => place.productId === row.productId),
      };
    });
  return buildPlanFacts({
    currency: inputs.currency,
    forecastStart: inputs.run.forecastStart ?? new Date(0),
    asOf: inputs.run.asOf ?? new Date(0),
    leadTimeDays: anyStock?.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS,
    serviceLevel: anyStock?.serviceLevel ?? DEFAULT_SERVICE_LEVEL,
    store: {
      units4: inputs.store?.units4 ?? 0,
      units13: inputs.store?.units13 ?? 0,
      units26: inputs.store?.units26 ?? 0,
      history: (inputs.store?.history as number[] | undefined) ?? [],
      beatsBaselineShare: summary?.accuracy?.beatsBaseline?.share ?? null,
    },
    products,
  });
}

const sum = (values: readonly number[] | undefined) => (values ?? []).reduce((total, value) => total + value, 0);
