import { z } from 'zod';

/** What a workspace API key may do; the REST API checks one scope per route. */
export const apiKeyScopes = [
  'products:read',
  'products:write',
  'orders:write',
  'contacts:read',
  'contacts:write',
  'conversations:read',
  'inbox',
  'content:read',
  'content:write',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface ApiKeyPrincipal {
  apiKeyId: string;
  /** The name the team gave the key: what histories show as the actor. */
  name: string;
  workspaceId: string;
  scopes: ApiKeyScope[];
}

/** A key as its workspace's team sees it: never the key or its hash, only the prefix that tells keys apart. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(60, 'at most 60 characters'),
  scopes: z
    .array(z.enum(apiKeyScopes, { message: `must be one of ${apiKeyScopes.join(', ')}` }))
    .min(1, 'Choose at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
});

/** Unknown, revoked or another workspace's: the same answer, so ids cannot be probed. */
export class ApiKeyNotFoundError extends Error {
  override readonly name = 'ApiKeyNotFoundError';
  readonly status = 404;
  constructor() {
    super('No such API key (it may have been revoked already).');
  }
}
