import type { PrismaClient } from '@prisma/client';

/**
 * Fixed-window rate limits counted in PostgreSQL, so the limit holds across
 * every server process behind the load balancer. One upsert per check.
 */
export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAfterMs: number) {
    super('You are sending messages too fast; please wait a moment.');
  }
}

export function createRateLimiter(prisma: PrismaClient, now: () => number = Date.now): RateLimiter {
  return {
    async hit(key, limit, windowSeconds) {
      const windowMs = windowSeconds * 1000;
      const current = now();
      const windowStart = new Date(Math.floor(current / windowMs) * windowMs);
      const [row] = await prisma.$queryRaw<{ count: number }[]>`
        INSERT INTO "RateLimitBucket" (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
        ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitBucket".count + 1
        RETURNING count`;
      const count = row?.count ?? 1;
      return { allowed: count <= limit, retryAfterMs: count <= limit ? 0 : windowStart.getTime() + windowMs - current };
    },
  };
}

/** Drops windows that ended long ago (run by the system.cleanup job). */
export async function deleteExpiredRateLimits(prisma: PrismaClient, olderThan: Date): Promise<number> {
  const result = await prisma.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return result.count;
}
