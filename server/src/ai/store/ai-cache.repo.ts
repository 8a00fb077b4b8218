import type { Prisma, PrismaClient } from '@prisma/client';
import type { AiResponseCache, CachedAiResponse } from '../ai.ports';

/** Cached answers in PostgreSQL, so every node (and every restart) shares them within a workspace. */
export function createResponseCache(prisma: PrismaClient): AiResponseCache {
  return {
    async get(workspaceId, key) {
      const entry = await prisma.aiCacheEntry.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
      if (!entry) return undefined;
      await prisma.aiCacheEntry.update({
        where: { workspaceId_key: { workspaceId, key } },
        data: { hits: { increment: 1 }, lastHitAt: new Date() },
      });
      return { provider: entry.provider, model: entry.model, parts: entry.parts } as unknown as CachedAiResponse;
    },
    async set(workspaceId, key, value: CachedAiResponse) {
      const parts = value.parts as unknown as Prisma.InputJsonValue;
      await prisma.aiCacheEntry.upsert({
        where: { workspaceId_key: { workspaceId, key } },
        create: { workspaceId, key, provider: value.provider, model: value.model, parts },
        update: { provider: value.provider, model: value.model, parts, createdAt: new Date() },
      });
    },
  };
}
