import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { ApiKeyNotFoundError, type ApiKeyView, createApiKeySchema } from './api-key.model';
import { createApiKey, revokeApiKey } from './api-key.repo';
import { type TenancyActor, writeTenancyAudit } from './tenancy-audit.repo';

/**
 * API keys as the team manages them. The caller has checked the actor's
 * permission; these scope every statement by the actor's workspace, so another
 * workspace's key id is "not found" like a made-up one.
 */
export async function issueApiKey(
  prisma: PrismaClient,
  actor: TenancyActor,
  /** Checked here: an unknown scope or an empty name is refused with a message per field. */
  input: { name: string; scopes: readonly string[] },
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  const { name, scopes } = createApiKeySchema.parse(input);
  return prisma.$transaction(async (tx) => {
    const { id, key, createdAt } = await createApiKey(tx, {
      workspaceId: actor.workspaceId,
      name,
      scopes,
      createdById: actor.userId,
    });
    await writeTenancyAudit(tx, actor, {
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: id,
      data: { name, scopes },
    });
    const apiKey: ApiKeyView = {
      id,
      name,
      prefix: key.slice(0, 12),
      scopes,
      createdAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    return { apiKey, secret: key };
  });
}

export async function withdrawApiKey(prisma: PrismaClient, actor: TenancyActor, apiKeyId: string): Promise<void> {
  if (!z.uuid().safeParse(apiKeyId).success) throw new ApiKeyNotFoundError();
  await prisma.$transaction(async (tx) => {
    if (!(await revokeApiKey(tx, actor.workspaceId, apiKeyId))) throw new ApiKeyNotFoundError();
    await writeTenancyAudit(tx, actor, { action: 'api_key.revoked', targetType: 'api_key', targetId: apiKeyId });
  });
}
