import type { AdapterFactory, ProviderId } from '../ai.model';
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
