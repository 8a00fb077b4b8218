import type { AiTask, ProviderCredentials, ProviderId, StreamPart } from './ai.model';
import type { RoutingPolicyOverride } from './routing-policy';

/**
 * What the AI engine needs from the rest of the server. Each is small enough to
 * implement with a Prisma query or two; `testing/in-memory.ports.ts` has the
 * in-memory versions the tests use.
 */

export type AiUsageOutcome = 'ok' | 'error' | 'cancelled' | 'cached' | 'budget-blocked';

/** One row per engine call, whatever happened. */
export interface AiUsageRow {
  workspaceId: string;
  task: AiTask;
  provider: ProviderId;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Integer micro-dollars (1e-6 USD). */
  costMicroUsd: number;
  latencyMs: number;
  /** Time to the first text or tool call; null when none arrived. */
  firstTokenMs: number | null;
  outcome: AiUsageOutcome;
  errorMessage?: string;
}

export interface AiUsageSink {
  record(row: AiUsageRow): Promise<void>;
}

export type BudgetState = 'ok' | 'warning' | 'exceeded';

export interface AiBudgetStatus {
  state: BudgetState;
  /** What the shopper assistant does when the budget is used up. */
  onExceeded: 'offline' | 'handoff';
  /** Set when a limit other than the money budget stopped the task (a billing plan's allowance): said instead. */
  reason?: string;
}

export interface AiBudget {
  /** `task` lets a limit apply to some tasks only (a plan's conversation or generation allowance). */
  check(workspaceId: string, task?: AiTask): Promise<AiBudgetStatus>;
}

/** A finished, successful answer, replayed part by part on a cache hit. */
export interface CachedAiResponse {
  provider: ProviderId;
  model: string;
  parts: StreamPart[];
}

/**
 * Keys are sha256 hex strings; expiry is the store's business. Entries belong
 * to one workspace: a tenant's prompts and answers are never served to another.
 */
export interface AiResponseCache {
  get(workspaceId: string, key: string): Promise<CachedAiResponse | undefined>;
  set(workspaceId: string, key: string, value: CachedAiResponse): Promise<void>;
}

/** Provider keys for a workspace: its own (decrypted) keys, else the instance's from the environment. */
export type AiCredentialsResolver = (workspaceId: string) => Promise<ProviderCredentials>;

export type AiPolicyResolver = (workspaceId: string) => Promise<RoutingPolicyOverride | undefined>;

export interface AiEvents {
  emit(name: string, payload: Record<string, unknown>): void | Promise<void>;
}
