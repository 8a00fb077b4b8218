import type { Usage } from './ai.model';

/** USD per million tokens, as the vendors publish them. */
export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
  /** Some models charge more for every token of a request whose prompt exceeds a threshold. */
  longContext?: { aboveInputTokens: number; input: number; cachedInput: number; output: number };
}

/**
 * Standard (not batch, not priority) rates from the vendors' pricing pages.
 * Anthropic cache writes (1.25× input) are not modelled: we never set
 * `cache_control`, so they do not occur. Update this table when prices change.
 */
export const PRICES: Readonly<Record<string, ModelPrice>> = {
  // Google Gemini
  'gemini-2.5-pro': {
    input: 1.25,
    cachedInput: 0.125,
    output: 10,
    longContext: { aboveInputTokens: 200_000, input: 2.5, cachedInput: 0.25, output: 15 },
  },
  'gemini-2.5-flash': { input: 0.3, cachedInput: 0.03, output: 2.5 },
  'gemini-2.0-flash': { input: 0.1, cachedInput: 0.025, output: 0.4 },
  // Anthropic Claude
  'claude-opus-4-0': { input: 15, cachedInput: 1.5, output: 75 },
  'claude-opus-4': { input: 15, cachedInput: 1.5, output: 75 },
  'claude-opus-4-1': { input: 15, cachedInput: 1.5, output: 75 },
  'claude-opus-4-5': { input: 5, cachedInput: 0.5, output: 25 },
  'claude-opus-4-6': { input: 5, cachedInput: 0.5, output: 25 },
  'claude-opus-4-7': { input: 5, cachedInput: 0.5, output: 25 },
  'claude-opus-4-8': { input: 5, cachedInput: 0.5, output: 25 },
  'claude-sonnet-4-0': { input: 3, cachedInput: 0.3, output: 15 },
  'claude-sonnet-4': { input: 3, cachedInput: 0.3, output: 15 },
  'claude-sonnet-4-5': { input: 3, cachedInput: 0.3, output: 15 },
  'claude-sonnet-4-6': { input: 3, cachedInput: 0.3, output: 15 },
  'claude-haiku-4-5': { input: 1, cachedInput: 0.1, output: 5 },
  // OpenAI
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  // Our own key-less provider
  offline: { input: 0, cachedInput: 0, output: 0 },
};

/**
 * Vendors publish dated snapshots (`claude-sonnet-4-5-20250929`,
 * `gpt-4.1-mini-2025-04-14`, `gemini-2.0-flash-001`) and `-latest` aliases that
 * cost the same as the base name. Anything else (`gpt-5-nano`) must not match
 * `gpt-5`, or we would silently misprice it.
 */
const SNAPSHOT_SUFFIX = /^-(\d{8}|\d{4}-\d{2}-\d{2}|\d{3}|latest)$/;

export function findPrice(model: string): ModelPrice | undefined {
  const name = model.replace(/^models\//, '').toLowerCase();
  if (PRICES[name]) return PRICES[name];
  let best: string | undefined;
  for (const key of Object.keys(PRICES)) {
    if (name.startsWith(key) && SNAPSHOT_SUFFIX.test(name.slice(key.length)) && key.length > (best?.length ?? 0))
      best = key;
  }
  return best ? PRICES[best] : undefined;
}

/** Prices become integer pico-dollars per token (= micro-dollars per million tokens). */
const toPico = (usdPerMillion: number) => BigInt(Math.round(usdPerMillion * 1_000_000));

export interface Cost {
  costMicroUsd: number;
  /** False for models missing from the table (a local Ollama model): their cost is 0. */
  priced: boolean;
}

/**
 * Cost in micro-dollars (1e-6 USD). Every term is an exact integer number of
 * pico-dollars, summed in BigInt and rounded once (half up) at the end, so a
 * month of rows adds up to what the vendor bills rather than to rounding noise.
 */
export function priceUsage(model: string, usage: Usage): Cost {
  const price = findPrice(model);
  if (!price) return { costMicroUsd: 0, priced: false };
  const long = price.longContext && usage.inputTokens > price.longContext.aboveInputTokens ? price.longContext : price;
  const cached = BigInt(Math.max(0, Math.min(usage.cachedInputTokens, usage.inputTokens)));
  const uncached = BigInt(Math.max(0, usage.inputTokens)) - cached;
  const output = BigInt(Math.max(0, usage.outputTokens));
  const picoUsd = uncached * toPico(long.input) + cached * toPico(long.cachedInput) + output * toPico(long.output);
  return { costMicroUsd: Number((picoUsd + 500_000n) / 1_000_000n), priced: true };
}

export function costMicroUsd(model: string, usage: Usage): number {
  return priceUsage(model, usage).costMicroUsd;
}
