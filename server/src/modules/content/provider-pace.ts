import type { PrismaClient } from '@prisma/client';
import type { ProviderId } from '../../ai';

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
  /** The provider said "slow down" (429): no call to it starts, from any node, for this long. */
  backOff(provider: ProviderId, ms: number): Promise<void>;
}

/**
 * Calls a little under the allowance: vendors count arrivals in sliding windows, and a call
 * delayed on its way lands closer to the next one than it was sent. One 429 costs every
 * worker a second's pause, so the headroom pays for itself.
 */
const allowanceShare = 0.95;

/**
 * Evenly spaced calls, not bursts: each call takes the provider's next free
 * slot from one PostgreSQL row (`nextAt` moves on by one interval per call),
 * so every node shares one schedule and a vendor's sliding window never sees
 * more than its allowance. One statement per call.
 */
export function createProviderPace(deps: {
  prisma: PrismaClient;
  limits: Record<ProviderId, ProviderLimits>;
  sleep?: (ms: number) => Promise<void>;
}): ProviderPace {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const key = (provider: ProviderId) => `content:${provider}`;
  return {
    async acquire(provider) {
      const intervalMs = 1000 / (deps.limits[provider].perSecond * allowanceShare);
      const [slot] = await deps.prisma.$queryRaw<{ waitMs: number }[]>`
        INSERT INTO "ProviderPaceSlot" (key, "nextAt")
        VALUES (${key(provider)}, clock_timestamp() + make_interval(secs => ${intervalMs / 1000}))
        ON CONFLICT (key) DO UPDATE
          SET "nextAt" = greatest("ProviderPaceSlot"."nextAt", clock_timestamp()) + make_interval(secs => ${intervalMs / 1000})
        RETURNING (extract(epoch FROM "nextAt" - clock_timestamp()) * 1000 - ${intervalMs})::float8 AS "waitMs"`;
      const waitMs = slot?.waitMs ?? 0;
      if (waitMs > 1) await sleep(waitMs);
    },
    async backOff(provider, requestedMs) {
      // A vendor asking for an hour would stall every run; a minute at a time, the run re-asks.
      const ms = Math.min(requestedMs, 60_000);
      await deps.prisma.$executeRaw`
        INSERT INTO "ProviderPaceSlot" (key, "nextAt")
        VALUES (${key(provider)}, clock_timestamp() + make_interval(secs => ${ms / 1000}))
        ON CONFLICT (key) DO UPDATE
          SET "nextAt" = greatest("ProviderPaceSlot"."nextAt", clock_timestamp() + make_interval(secs => ${ms / 1000}))`;
    },
  };
}
