import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';

/**
 * Workspace API keys (`sk_live_…`): shown once at creation, stored only as a
 * SHA-256 hash (the key is 32 random bytes, so a fast hash is safe here).
 */
export const apiKeyScopes = [
  'products:read',
  'products:write',
  'orders:write',
  'contacts:read',
  'contacts:write',
  'conversations:read',
  'inbox',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface ApiKeyPrincipal {
  apiKeyId: string;
  workspaceId: string;
  scopes: ApiKeyScope[];
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(
  prisma: PrismaClient,
  input: { workspaceId: string; name: string; scopes: ApiKeyScope[]; createdById?: string },
): Promise<{ id: string; key: string }> {
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
  return { id: row.id, key };
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
  return { apiKeyId: row.id, workspaceId: row.workspaceId, scopes: row.scopes as ApiKeyScope[] };
}

export async function revokeApiKey(prisma: PrismaClient, workspaceId: string, apiKeyId: string): Promise<boolean> {
  const result = await prisma.apiKey.updateMany({
    where: { id: apiKeyId, workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count === 1;
}
