import type { Clock } from './ai.model';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit rejects calls before letting one trial through. */
  coolDownMs: number;
  clock: Clock;
}

export interface CircuitBreaker {
  /** True when a call may go out; in half-open state, only for the single trial call. */
  tryAcquire(key: string): boolean;
  recordSuccess(key: string): void;
  recordFailure(key: string): void;
  stateOf(key: string): CircuitState;
}

interface Circuit {
  failures: number;
  openedAt?: number;
  trialStartedAt?: number;
}

export const DEFAULT_CIRCUIT_BREAKER = { failureThreshold: 5, coolDownMs: 30_000 } as const;

/**
 * One circuit per key (provider + endpoint). State is per process on purpose:
 * it only saves doomed calls, and each node learns an outage within a few calls.
 */
export function createCircuitBreaker(options: Partial<CircuitBreakerOptions> & { clock: Clock }): CircuitBreaker {
  const { failureThreshold, coolDownMs } = { ...DEFAULT_CIRCUIT_BREAKER, ...options };
  const { clock } = options;
  const circuits = new Map<string, Circuit>();
  const circuitOf = (key: string): Circuit => {
    const existing = circuits.get(key);
    if (existing) return existing;
    const circuit: Circuit = { failures: 0 };
    circuits.set(key, circuit);
    return circuit;
  };

  const stateOf = (key: string): CircuitState => {
    const circuit = circuits.get(key);
    if (circuit?.openedAt === undefined) return 'closed';
    return clock.now() - circuit.openedAt >= coolDownMs ? 'half-open' : 'open';
  };

  return {
    stateOf,
    tryAcquire(key) {
      const state = stateOf(key);
      if (state === 'closed') return true;
      if (state === 'open') return false;
      const circuit = circuitOf(key);
      // A trial whose outcome never arrived (the caller cancelled) expires after
      // another cool-down, so the circuit cannot stay stuck half-open.
      const now = clock.now();
      if (circuit.trialStartedAt !== undefined && now - circuit.trialStartedAt < coolDownMs) return false;
      circuit.trialStartedAt = now;
      return true;
    },
    recordSuccess(key) {
      circuits.delete(key);
    },
    recordFailure(key) {
      const circuit = circuitOf(key);
      circuit.failures++;
      circuit.trialStartedAt = undefined;
      // A failed trial re-opens at once; a closed circuit opens at the threshold.
      if (circuit.openedAt !== undefined || circuit.failures >= failureThreshold) circuit.openedAt = clock.now();
    },
  };
}
