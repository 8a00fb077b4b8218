import { createHash, randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { ApiKeyPrincipal, ApiKeyScope, ApiKeyView } from './api-key.model';

/**
 * Workspace API keys (`sk_live_…`): shown once at creation, stored only as a
 * SHA-256 hash (the key is 32 random bytes, so a fast hash is safe here).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(
  prisma: PrismaClient | Prisma.TransactionClient,
  input: { workspaceId: string; name: string; scopes: ApiKeyScope[]; createdById?: string },
): Promise<{ id: string; key: string; createdAt: Date }> {
  const key = `sk_live_${randomBytes(32).toString('base64url')}`;
  const row = await prisma.apiKey.create({
    data: {
      workspaceId: input.workspaceId,
      name: input.name,
      prefix: key.slice(0, 12),
      hash: hashApiKey(key),
      scopes: input.scopes,
      createdById: input.createdById,
    },
  });
  return { id: row.id, key, createdAt: row.createdAt };
}

/** The key's workspace and scopes, or null for an unknown or revoked key. */
export async function authenticateApiKey(prisma: PrismaClient, key: string): Promise<ApiKeyPrincipal | null> {
  if (!key.startsWith('sk_live_')) return null;
  const row = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  // "Last used" is for people; once a minute is precise enough and spares a write per request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { apiKeyId: row.id, name: row.name, workspaceId: row.workspaceId, scopes: row.scopes as ApiKeyScope[] };
}

export async function revokeApiKey(
  prisma: PrismaClient | Prisma.TransactionClient,
  workspaceId: string,
  apiKeyId: string,
): Promise<boolean> {
  const result = await prisma.apiKey.updateMany({
    where: { id: apiKeyId, workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count === 1;
}

/** Newest first; a workspace has a handful of keys, so one page holds them all. */
export async function listApiKeys(prisma: PrismaClient, workspaceId: string, limit = 100): Promise<ApiKeyView[]> {
  const rows = await prisma.apiKey.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((row) => ({ ...row, scopes: row.scopes as ApiKeyScope[] }));
}
