import type { ProviderCredentials } from './ai.model';

/**
 * Instance-wide provider keys from the environment (see README). Workspaces
 * without keys of their own use these; with none at all, the offline assistant.
 */
export function readProviderCredentials(env: Record<string, string | undefined>): ProviderCredentials {
  const credentials: ProviderCredentials = {};
  const value = (name: string) => env[name]?.trim() || undefined;
  const gemini = value('GEMINI_API_KEY');
  const anthropic = value('ANTHROPIC_API_KEY');
  const openai = value('OPENAI_API_KEY');
  const openaiBaseURL = value('OPENAI_BASE_URL');
  if (gemini) credentials.gemini = { apiKey: gemini, baseURL: value('GEMINI_BASE_URL') };
  if (anthropic) credentials.anthropic = { apiKey: anthropic, baseURL: value('ANTHROPIC_BASE_URL') };
  // Local OpenAI-compatible servers (Ollama, LM Studio, vLLM) need no key, but the SDK wants one.
  if (openai || openaiBaseURL) credentials.openai = { apiKey: openai ?? 'not-needed', baseURL: openaiBaseURL };
  return credentials;
}
