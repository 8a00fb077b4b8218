import type { Clock } from '../ai.model';
import type {
  AiBudget,
  AiBudgetStatus,
  AiEvents,
  AiResponseCache,
  AiUsageRow,
  AiUsageSink,
  CachedAiResponse,
} from '../ai.ports';

/** In-memory stand-ins for the Prisma-backed ports, for tests and local experiments. */

export function createMemoryUsageSink(): AiUsageSink & { rows: AiUsageRow[] } {
  const rows: AiUsageRow[] = [];
  return { rows, record: async (row) => void rows.push({ ...row }) };
}

export function createMemoryBudget(initial: AiBudgetStatus = { state: 'ok', onExceeded: 'offline' }): AiBudget & {
  set(status: AiBudgetStatus): void;
  checks: number;
} {
  let status = initial;
  const budget = {
    checks: 0,
    set: (next: AiBudgetStatus) => {
      status = next;
    },
    check: async () => {
      budget.checks++;
      return status;
    },
  };
  return budget;
}

export function createMemoryCache(): AiResponseCache & { entries: Map<string, CachedAiResponse> } {
  const entries = new Map<string, CachedAiResponse>();
  return {
    entries,
    // A JSON round trip, like a database column, so nothing relies on shared object identity.
    get: async (workspaceId, key) => {
      const value = entries.get(`${workspaceId}:${key}`);
      return value ? (JSON.parse(JSON.stringify(value)) as CachedAiResponse) : undefined;
    },
    set: async (workspaceId, key, value) =>
      void entries.set(`${workspaceId}:${key}`, JSON.parse(JSON.stringify(value)) as CachedAiResponse),
  };
}

export function createMemoryEvents(): AiEvents & { emitted: { name: string; payload: Record<string, unknown> }[] } {
  const emitted: { name: string; payload: Record<string, unknown> }[] = [];
  return { emitted, emit: (name, payload) => void emitted.push({ name, payload }) };
}

/** A clock that only moves when told to. */
export function createManualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}
