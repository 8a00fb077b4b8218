import type { AdapterFactory, ProviderCredentials, ProviderId } from '../ai.model';
import type { RoutedChoice } from '../router';
import type { RouteChoice } from '../routing-policy';
import { createAnthropicAdapter } from './anthropic/anthropic.adapter';
import { createGeminiAdapter } from './gemini/gemini.adapter';
import { createOfflineAdapter } from './offline/offline.adapter';
import { createOpenAiAdapter } from './openai/openai.adapter';

/** Provider → adapter factory. The offline factory ignores its (empty) credential. */
export type AdapterRegistry = Partial<Record<ProviderId, AdapterFactory>>;

export const DEFAULT_ADAPTERS: AdapterRegistry = {
  gemini: createGeminiAdapter,
  anthropic: createAnthropicAdapter,
  openai: createOpenAiAdapter,
  offline: () => createOfflineAdapter(),
};

/**
 * Binds each choice to an adapter built with the workspace's credential. The
 * circuit key includes the endpoint, so one workspace's dead Ollama box does
 * not close OpenAI for everyone.
 */
export function createRoutedChoices(
  choices: RouteChoice[],
  credentials: ProviderCredentials,
  adapters: AdapterRegistry,
): RoutedChoice[] {
  return choices.map((choice) => {
    const credential = choice.provider === 'offline' ? undefined : credentials[choice.provider];
    const create = adapters[choice.provider];
    if (!create) throw new Error(`No adapter registered for ${choice.provider}`);
    return {
      ...choice,
      adapter: create(credential ?? { apiKey: '' }),
      breakerKey: `${choice.provider}:${credential?.baseURL ?? 'default'}`,
    };
  });
}
