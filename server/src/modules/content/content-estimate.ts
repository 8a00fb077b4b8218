import { costMicroUsd, findPrice, type RouteChoice } from '../../ai';
import { type ContentKind, expectedOutputTokens } from './content-kinds';

/** The fixed instructions of every content prompt, in tokens (measured on PROMPT_VERSION's text, rounded up). */
const instructionTokens = 260;
const charactersPerToken = 4;

export interface KindEstimate {
  kind: ContentKind;
  provider: RouteChoice['provider'];
  model: string;
  items: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
  /** False when the model is not in the price table (a local model): its cost shows as 0. */
  priced: boolean;
}

/**
 * Tokens × the price table, per kind, priced at the first model the workspace's
 * routing would use. An estimate, not a quote: real outputs vary in length,
 * and cached repeats cost nothing.
 */
export function estimateKind(options: {
  kind: ContentKind;
  choice: RouteChoice;
  items: number;
  productCharacters: number;
  brandVoiceCharacters: number;
}): KindEstimate {
  const perItemInstructions = instructionTokens + Math.ceil(options.brandVoiceCharacters / charactersPerToken);
  const inputTokens = options.items * perItemInstructions + Math.ceil(options.productCharacters / charactersPerToken);
  const outputTokens = options.items * expectedOutputTokens[options.kind];
  const usage = { inputTokens, outputTokens, cachedInputTokens: 0 };
  return {
    kind: options.kind,
    provider: options.choice.provider,
    model: options.choice.model,
    items: options.items,
    inputTokens,
    outputTokens,
    costMicroUsd: options.choice.provider === 'offline' ? 0 : costMicroUsd(options.choice.model, usage),
    priced: options.choice.provider === 'offline' || findPrice(options.choice.model) !== undefined,
  };
}
