import type { ProviderId } from '../../ai';
import type { RateLimiter } from '../../platform/rate-limit';

/**
 * How hard content runs may push each provider: concurrent calls (enforced by
 * pg-boss group concurrency across every node) and calls per second (counted
 * in PostgreSQL, so two nodes share one allowance). The defaults sit inside
 * the vendors' entry-level paid tiers; `CLOSER_CONTENT_PROVIDER_LIMITS`
 * ("gemini=50/8,openai=10/4": calls per second / concurrent calls) raises
 * them for accounts with higher limits.
 */
export interface ProviderLimits {
  perSecond: number;
  concurrency: number;
}

export const defaultProviderLimits: Record<ProviderId, ProviderLimits> = {
  gemini: { perSecond: 25, concurrency: 8 },
  anthropic: { perSecond: 5, concurrency: 4 },
  openai: { perSecond: 8, concurrency: 6 },
  // The offline provider runs in this process; the cap only keeps the database from being flooded.
  offline: { perSecond: 200, concurrency: 8 },
};

const providerIds = Object.keys(defaultProviderLimits) as ProviderId[];

export class InvalidProviderLimitsError extends Error {
  override readonly name = 'InvalidProviderLimitsError';
}

export function parseProviderLimits(text: string | undefined): Record<ProviderId, ProviderLimits> {
  const limits = structuredClone(defaultProviderLimits);
  if (!text?.trim()) return limits;
  for (const entry of text.split(',')) {
    const match = /^\s*([a-z]+)\s*=\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+)\s*$/.exec(entry);
    const provider = match?.[1] as ProviderId | undefined;
    if (!match || !provider || !providerIds.includes(provider) || Number(match[2]) <= 0 || Number(match[3]) < 1) {
      throw new InvalidProviderLimitsError(
        `CLOSER_CONTENT_PROVIDER_LIMITS: "${entry.trim()}" should look like gemini=50/8 (calls per second / concurrent calls) for one of ${providerIds.join(', ')}.`,
      );
    }
    limits[provider] = { perSecond: Number(match[2]), concurrency: Number(match[3]) };
  }
  return limits;
}

export interface ProviderPace {
  /** Resolves when this call may start under the provider's per-second allowance. */
  acquire(provider: ProviderId): Promise<void>;
  /** The provider said "slow down" (429): every call to it from this process waits this long first. */
  backOff(provider: ProviderId, ms: number): void;
}

/**
 * Fixed windows of a fifth of a second (a whole second for slow allowances),
 * so a burst at a window's edge is at most two small windows' worth rather
 * than two seconds' worth — vendors count with sliding windows.
 */
export function createProviderPace(deps: {
  limiter: RateLimiter;
  limits: Record<ProviderId, ProviderLimits>;
  sleep?: (ms: number) => Promise<void>;
}): ProviderPace {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const pausedUntil = new Map<ProviderId, number>();
  return {
    backOff(provider, ms) {
      pausedUntil.set(provider, Math.max(pausedUntil.get(provider) ?? 0, Date.now() + ms));
    },
    async acquire(provider) {
      const pause = (pausedUntil.get(provider) ?? 0) - Date.now();
      if (pause > 0) await sleep(pause + Math.random() * 200);
      const { perSecond } = deps.limits[provider];
      const windowSeconds = perSecond >= 10 ? 0.2 : 1;
      const perWindow = Math.max(1, Math.floor(perSecond * windowSeconds));
      for (;;) {
        const hit = await deps.limiter.hit(`content:${provider}`, perWindow, windowSeconds);
        if (hit.allowed) return;
        // A little jitter spreads the waiting workers over the next window instead of stampeding its start.
        await sleep(hit.retryAfterMs + Math.random() * windowSeconds * 100);
      }
    },
  };
}
