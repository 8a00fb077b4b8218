import type { ProviderCredentials, VendorProviderId } from './ai.model';

/** The shape of `config.ai` in platform/config.ts: what the environment said, unvalidated. */
export type ProviderSettings = Record<VendorProviderId, { apiKey?: string; baseURL?: string }>;

/**
 * Instance-wide credentials from the environment (see README). Workspaces
 * without keys of their own use these; with none at all, the offline assistant.
 */
export function toProviderCredentials(settings: ProviderSettings): ProviderCredentials {
  const credentials: ProviderCredentials = {};
  for (const provider of ['gemini', 'anthropic', 'openai'] as const) {
    const apiKey = settings[provider].apiKey?.trim();
    const baseURL = settings[provider].baseURL?.trim() || undefined;
    if (apiKey) credentials[provider] = { apiKey, baseURL };
    // Local OpenAI-compatible servers (Ollama, LM Studio, vLLM) need no key, but the SDK insists on one.
    else if (provider === 'openai' && baseURL) credentials.openai = { apiKey: 'not-needed', baseURL };
  }
  return credentials;
}
