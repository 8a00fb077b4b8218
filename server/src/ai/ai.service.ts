import { generate, parseStructuredOutput } from './ai.generate';
import {
  AiBudgetExceededError,
  type AiTask,
  type ChatRequest,
  type Clock,
  emptyUsage,
  type GenerateResult,
  type StreamPart,
  type Usage,
} from './ai.model';
import type {
  AiBudget,
  AiCredentialsResolver,
  AiEvents,
  AiPolicyResolver,
  AiResponseCache,
  AiUsageRow,
  AiUsageSink,
} from './ai.ports';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker';
import { costMicroUsd } from './prices';
import { type AdapterRegistry, createRoutedChoices, DEFAULT_ADAPTERS } from './providers/adapter.registry';
import { estimateUsage } from './providers/offline/offline.adapter';
import { cacheKeyFor, isReusable } from './response-cache';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, type Sleep, sleep } from './retry';
import { type RouteTrace, routeStream } from './router';
import { OFFLINE_CHOICE, type RouteChoice, resolveRoute } from './routing-policy';

/** Told to the caller instead of an answer when the budget is spent and the workspace chose handoff. */
export type HandoffPart = { type: 'handoff'; reason: 'budget-exceeded' };
export type AiStreamPart = StreamPart | HandoffPart;

export interface AiEngineDeps {
  adapters?: AdapterRegistry;
  credentials: AiCredentialsResolver;
  usage: AiUsageSink;
  budget: AiBudget;
  cache: AiResponseCache;
  events?: AiEvents;
  clock: Clock;
  policyFor: AiPolicyResolver;
  /** Tuning and test hooks for retries, timeouts and the circuit breaker. */
  router?: {
    retry?: Partial<RetryPolicy>;
    timeoutMs?: number;
    breaker?: CircuitBreaker;
    sleep?: Sleep;
    random?: () => number;
  };
}

export interface AiCallOptions {
  /** Skip the cache lookup (a merchant asking for a fresh draft); the result is still stored. */
  bypassCache?: boolean;
}

export interface AiEngine {
  stream(workspaceId: string, task: AiTask, request: ChatRequest, options?: AiCallOptions): AsyncIterable<AiStreamPart>;
  generate<T = unknown>(
    workspaceId: string,
    task: AiTask,
    request: ChatRequest<T>,
    options?: AiCallOptions,
  ): Promise<
    GenerateResult<T> & {
      handoff: boolean /** Served from the response cache: nothing was charged. */;
      cached: boolean;
    }
  >;
  /**
   * The providers and models a task would try, in order, for this workspace
   * (its keys and routing override applied). For estimates and per-provider
   * pacing before any call is made.
   */
  plan(workspaceId: string, task: AiTask): Promise<RouteChoice[]>;
}

export function createAiEngine(deps: AiEngineDeps): AiEngine {
  const adapters = deps.adapters ?? DEFAULT_ADAPTERS;
  const routerOptions = {
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.router?.retry },
    timeoutMs: deps.router?.timeoutMs ?? 60_000,
    breaker: deps.router?.breaker ?? createCircuitBreaker({ clock: deps.clock }),
    sleep: deps.router?.sleep ?? sleep,
    random: deps.router?.random ?? Math.random,
  };

  async function* streamTask(
    workspaceId: string,
    task: AiTask,
    request: ChatRequest,
    options: AiCallOptions = {},
    observed: { cached?: boolean } = {},
  ) {
    const startedAt = deps.clock.now();
    const row: AiUsageRow = {
      workspaceId,
      task,
      provider: 'offline',
      model: 'none',
      ...emptyUsage(),
      costMicroUsd: 0,
      latencyMs: 0,
      firstTokenMs: null,
      outcome: 'cancelled',
    };
    let trace: RouteTrace | undefined;
    let usage: Usage | undefined;
    let streamedText = '';
    try {
      const [credentials, override] = await Promise.all([deps.credentials(workspaceId), deps.policyFor(workspaceId)]);
      let choices = resolveRoute(task, credentials, override, (provider) => adapters[provider] !== undefined);
      // The assistant's replies are conversations, not reusable drafts.
      const cacheable = task !== 'assistant.reply';

      if (cacheable && !options.bypassCache) {
        for (const choice of choices) {
          const hit = await deps.cache.get(workspaceId, cacheKeyFor(task, choice, request));
          if (!hit) continue;
          Object.assign(row, { provider: hit.provider, model: hit.model, outcome: 'cached' });
          observed.cached = true;
          for (const part of hit.parts) {
            if (row.firstTokenMs === null && part.type !== 'finish') row.firstTokenMs = deps.clock.now() - startedAt;
            yield part;
          }
          return;
        }
      }

      // A cache hit costs nothing, so it is served even over budget; everything else checks.
      const budget = await deps.budget.check(workspaceId, task);
      if (budget.state === 'warning') await deps.events?.emit('ai.budget.warning', { workspaceId, task });
      if (budget.state === 'exceeded') {
        if (task !== 'assistant.reply') {
          const error = new AiBudgetExceededError(workspaceId, task, budget.reason);
          Object.assign(row, { outcome: 'budget-blocked', errorMessage: error.message });
          throw error;
        }
        if (budget.onExceeded === 'handoff') {
          Object.assign(row, { model: 'handoff', outcome: 'budget-blocked', errorMessage: 'AI budget exceeded' });
          yield { type: 'handoff', reason: 'budget-exceeded' } satisfies HandoffPart;
          return;
        }
        choices = [OFFLINE_CHOICE];
      }

      const route = routeStream(createRoutedChoices(choices, credentials, adapters), request, routerOptions);
      trace = route.trace;
      const parts: StreamPart[] = [];
      for await (const part of route.parts) {
        if (row.firstTokenMs === null && (part.type === 'text-delta' || part.type === 'tool-call')) {
          row.firstTokenMs = deps.clock.now() - startedAt;
        }
        if (part.type === 'text-delta') streamedText += part.text;
        if (part.type === 'finish') usage = part.usage;
        parts.push(part);
        yield part;
      }
      if (cacheable && trace.outcome === 'ok' && trace.provider !== 'offline' && isReusable(parts, request)) {
        const choice: RouteChoice = { provider: trace.provider ?? 'offline', model: trace.model ?? 'none' };
        try {
          await deps.cache.set(workspaceId, cacheKeyFor(task, choice, request), { ...choice, parts });
        } catch (error) {
          await deps.events?.emit('ai.cache.write-failed', { workspaceId, task, error: String(error) });
        }
      }
    } catch (error) {
      // Failures outside the router (credentials, cache, budget lookups) still get their row.
      if (row.outcome !== 'budget-blocked') Object.assign(row, { outcome: 'error', errorMessage: String(error) });
      throw error;
    } finally {
      if (trace) {
        Object.assign(row, {
          provider: trace.provider ?? row.provider,
          model: trace.model ?? row.model,
          outcome: trace.outcome ?? 'cancelled',
          errorMessage: trace.error?.message,
        });
        // A stream cut after it started was billed, but its usage never arrived: estimate it.
        const billed = usage ?? (trace.streaming ? estimateUsage(request, streamedText) : emptyUsage());
        Object.assign(row, billed, { costMicroUsd: costMicroUsd(row.model, billed) });
      }
      row.latencyMs = deps.clock.now() - startedAt;
      await recordUsage(row);
    }
  }

  /** A failing usage sink must not break a reply that already reached the shopper. */
  async function recordUsage(row: AiUsageRow): Promise<void> {
    try {
      await deps.usage.record(row);
    } catch (error) {
      await deps.events?.emit('ai.usage.record-failed', { row, error: String(error) });
    }
  }

  return {
    stream: streamTask,
    async plan(workspaceId, task) {
      const [credentials, override] = await Promise.all([deps.credentials(workspaceId), deps.policyFor(workspaceId)]);
      return resolveRoute(task, credentials, override, (provider) => adapters[provider] !== undefined);
    },
    async generate<T>(workspaceId: string, task: AiTask, request: ChatRequest<T>, options?: AiCallOptions) {
      let handoff = false;
      const observed: { cached?: boolean } = {};
      async function* answerParts() {
        for await (const part of streamTask(workspaceId, task, request, options, observed)) {
          if (part.type === 'handoff') handoff = true;
          else yield part;
        }
      }
      const result = await generate<T>(answerParts());
      const object = request.output && !handoff ? parseStructuredOutput(result.text, request.output) : undefined;
      return { ...result, object, handoff, cached: observed.cached === true };
    },
  };
}
