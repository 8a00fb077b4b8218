import type { Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { AI_TASKS, type ProviderCredentials, type VendorProviderId } from '../ai.model';
import type { AiCredentialsResolver, AiPolicyResolver } from '../ai.ports';
import type { RoutingPolicyOverride } from '../routing-policy';
import { decryptSecret, encryptSecret, maskSecret } from '../secrets';

/**
 * A workspace's own AI settings: provider keys (encrypted at rest, bound to the
 * workspace, never returned — only a masked hint) and its routing override.
 */
const vendorIds = ['gemini', 'anthropic', 'openai'] as const;
const vendorSchema = z.enum(vendorIds);

const storedKeySchema = z.object({ key: z.string(), hint: z.string(), baseURL: z.string().optional() });
const storedKeysSchema = z.partialRecord(vendorSchema, storedKeySchema);

export const routingPolicySchema = z.partialRecord(
  z.enum(AI_TASKS),
  z
    .array(
      z.object({
        provider: z.enum([...vendorIds, 'offline']),
        model: z.string().trim().min(1, 'a model name is required').max(200),
      }),
    )
    .min(1, 'list at least one provider and model')
    .max(8),
);

export class InvalidAiSettingError extends Error {
  override readonly name = 'InvalidAiSettingError';
}

export interface ProviderKeyInput {
  apiKey: string;
  baseURL?: string;
}

export async function saveProviderKey(
  prisma: PrismaClient,
  secret: string,
  workspaceId: string,
  provider: VendorProviderId,
  input: ProviderKeyInput,
): Promise<void> {
  const apiKey = input.apiKey.trim();
  if (apiKey.length < 8) throw new InvalidAiSettingError('The API key looks too short to be real.');
  if (input.baseURL !== undefined && !URL.canParse(input.baseURL)) {
    throw new InvalidAiSettingError(`The base URL "${input.baseURL}" is not a valid URL.`);
  }
  const keys = await readStoredKeys(prisma, workspaceId);
  keys[provider] = {
    key: encryptSecret(apiKey, secret, workspaceId),
    hint: maskSecret(apiKey),
    baseURL: input.baseURL,
  };
  await writeStoredKeys(prisma, workspaceId, keys);
}

export async function removeProviderKey(prisma: PrismaClient, workspaceId: string, provider: VendorProviderId) {
  const keys = await readStoredKeys(prisma, workspaceId);
  delete keys[provider];
  await writeStoredKeys(prisma, workspaceId, keys);
}

/** What the admin may show: which providers have a key of the workspace's own, and a masked hint. */
export async function describeProviderKeys(prisma: PrismaClient, workspaceId: string) {
  const keys = await readStoredKeys(prisma, workspaceId);
  return Object.fromEntries(
    vendorIds.map((provider) => [
      provider,
      keys[provider] ? { hint: keys[provider].hint, baseURL: keys[provider].baseURL } : null,
    ]),
  ) as Record<VendorProviderId, { hint: string; baseURL?: string } | null>;
}

/** The workspace's own keys win, provider by provider, over the instance's keys from the environment. */
export function createCredentialsResolver(
  prisma: PrismaClient,
  secret: string,
  instanceCredentials: ProviderCredentials,
): AiCredentialsResolver {
  return async (workspaceId) => {
    const keys = await readStoredKeys(prisma, workspaceId);
    const credentials: ProviderCredentials = { ...instanceCredentials };
    for (const provider of vendorIds) {
      const stored = keys[provider];
      if (stored)
        credentials[provider] = { apiKey: decryptSecret(stored.key, secret, workspaceId), baseURL: stored.baseURL };
    }
    return credentials;
  };
}

export async function saveRoutingPolicy(prisma: PrismaClient, workspaceId: string, override: unknown): Promise<void> {
  const parsed = routingPolicySchema.safeParse(override);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidAiSettingError(
      `Invalid routing policy at ${issue?.path.join('.') || 'top level'}: ${issue?.message}`,
    );
  }
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { aiRoutingPolicy: parsed.data as Prisma.InputJsonValue },
  });
}

export function createPolicyResolver(prisma: PrismaClient): AiPolicyResolver {
  return async (workspaceId) => {
    const workspace = await prisma.workspace.findUnique({
      where: { id: workspaceId },
      select: { aiRoutingPolicy: true },
    });
    // Written through saveRoutingPolicy, so it parses; anything else falls back to the default policy.
    const parsed = routingPolicySchema.safeParse(workspace?.aiRoutingPolicy ?? undefined);
    return parsed.success ? (parsed.data as RoutingPolicyOverride) : undefined;
  };
}

async function readStoredKeys(prisma: PrismaClient, workspaceId: string) {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { aiCredentials: true },
  });
  const parsed = storedKeysSchema.safeParse(workspace.aiCredentials ?? {});
  return parsed.success ? { ...parsed.data } : {};
}

async function writeStoredKeys(prisma: PrismaClient, workspaceId: string, keys: z.infer<typeof storedKeysSchema>) {
  await prisma.workspace.update({ where: { id: workspaceId }, data: { aiCredentials: keys as Prisma.InputJsonValue } });
}
