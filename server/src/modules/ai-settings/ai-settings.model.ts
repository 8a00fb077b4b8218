import { isIP } from 'node:net';
import { z } from 'zod';
import { AI_TASKS, type AiTask, findPrice, PRICES, type ProviderId, type RouteChoice } from '../../ai';

/**
 * What the admin may change about a workspace's AI: its own provider keys
 * (write-only), the routing policy per task, and the monthly budget. Every
 * schema here speaks the person's language, because its messages reach the
 * form field by field.
 */

export const vendorProviders = ['gemini', 'anthropic', 'openai'] as const;
export type VendorProvider = (typeof vendorProviders)[number];

/** Which vendor serves a model of the price table, by its name. */
export function providerOfModel(model: string): ProviderId | undefined {
  if (model === 'offline') return 'offline';
  if (model.startsWith('gemini-')) return 'gemini';
  if (model.startsWith('claude-')) return 'anthropic';
  if (model.startsWith('gpt-')) return 'openai';
  return undefined;
}

/** Every model the price table knows, by vendor: the choices the routing form offers. */
export const knownModels: RouteChoice[] = Object.keys(PRICES).flatMap((model) => {
  const provider = providerOfModel(model);
  return provider ? [{ provider, model }] : [];
});

const forbiddenHosts = new Set(['localhost', 'metadata.google.internal']);

/**
 * A workspace's own base URL is called from our servers, so it must be a
 * public HTTPS address: no credentials in it, no loopback, private or
 * link-local address (an instance on a local model server sets
 * OPENAI_BASE_URL in its environment instead).
 */
export function isPublicHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (forbiddenHosts.has(host) || host.endsWith('.localhost') || host.endsWith('.internal')) return false;
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return !(
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(host) === 6)
    return !(
      host === '::1' ||
      host === '::' ||
      /^f[cd]/.test(host) ||
      host.startsWith('fe80') ||
      host.startsWith('::ffff:')
    );
  return true;
}

export const providerKeyInputSchema = z.object({
  provider: z.enum(vendorProviders, { message: 'Choose Gemini, Anthropic or OpenAI.' }),
  apiKey: z
    .string()
    .trim()
    .min(16, 'That key is too short: provider API keys are longer than 16 characters.')
    .max(500, 'That key is too long to be a provider API key.')
    .regex(/^\S+$/, 'An API key has no spaces in it.'),
  baseURL: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .refine(isPublicHttpsUrl, 'Enter a public https:// address, e.g. https://api.groq.com/openai/v1.')
        .optional(),
    )
    .optional(),
});
export type ProviderKeyInput = z.input<typeof providerKeyInputSchema>;

export const providerSchema = z.object({
  provider: z.enum(vendorProviders, { message: 'Choose Gemini, Anthropic or OpenAI.' }),
});

const taskSchema = z.enum(AI_TASKS, { message: 'Choose one of the listed tasks.' });

/** "gemini:gemini-2.5-flash" — how a form posts one choice. */
const choiceTextSchema = z
  .string()
  .trim()
  .regex(/^[a-z]+:\S+$/, 'Choose a provider and model from the list.')
  .transform((text) => {
    const separator = text.indexOf(':');
    return { provider: text.slice(0, separator), model: text.slice(separator + 1) };
  });

export interface RouteValidationContext {
  /** The workspace's own OpenAI key points at an OpenAI-compatible server, whose models we cannot know. */
  openaiCompatible: boolean;
}

const providerNames: Record<ProviderId, string> = {
  gemini: 'Gemini',
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  offline: 'the offline assistant',
};

/**
 * A task's ordered choices, each a provider with one of its models from the
 * price table (so every call can be costed). Errors land on `choices.<n>`.
 */
export function taskRouteInputSchema(context: RouteValidationContext) {
  return z.object({
    task: taskSchema,
    choices: z
      .array(choiceTextSchema)
      .min(1, 'List at least one provider and model.')
      .max(4, 'List at most four providers and models.')
      .superRefine((choices, issues) => {
        choices.forEach((choice, index) => {
          const problem = describeChoiceProblem(choice, context);
          const duplicate =
            choices.findIndex((other) => other.provider === choice.provider && other.model === choice.model) !== index;
          const message = problem ?? (duplicate ? 'This provider and model are listed twice.' : undefined);
          if (message) issues.addIssue({ code: 'custom', path: [index], message });
        });
      })
      .transform((choices) => choices as RouteChoice[]),
  });
}
export type TaskRouteInput = { task: string; choices: string[] };

function describeChoiceProblem(choice: { provider: string; model: string }, context: RouteValidationContext) {
  const provider = choice.provider as ProviderId;
  if (!(provider in providerNames)) return `"${choice.provider}" is not a provider Closer can use.`;
  if (provider === 'offline')
    return choice.model === 'offline' ? undefined : 'The offline assistant has one model: offline.';
  const known = findPrice(choice.model) !== undefined && providerOfModel(choice.model) === provider;
  if (known) return undefined;
  if (provider === 'openai' && context.openaiCompatible) return undefined;
  return `"${choice.model}" is not one of the ${providerNames[provider]} models Closer knows the price of.`;
}

export const taskSchemaInput = z.object({ task: taskSchema });

export const budgetExceededActions = ['offline', 'handoff'] as const;

/** Dollars as people type them ("25", "12.50", "1,000"), kept exact: micro-dollars from the digits, not a float. */
export const budgetInputSchema = z.object({
  monthlyBudgetUsd: z
    .string()
    .trim()
    .transform((text) => text.replace(/[$,\s]/g, ''))
    .refine((text) => text === '' || /^\d{1,6}(\.\d{1,2})?$/.test(text), {
      message: 'Enter an amount in dollars, like 25 or 12.50 (at most 999,999), or leave it empty for no limit.',
    })
    .transform((text) => (text === '' ? null : dollarsToMicroUsd(text)))
    .refine(
      (micro) => micro === null || micro > 0n,
      'A budget of $0 would stop the AI at once; leave it empty for no limit.',
    ),
  onExceeded: z.enum(budgetExceededActions, { message: 'Choose what happens when the budget is used up.' }),
});
export type BudgetInput = z.input<typeof budgetInputSchema>;

function dollarsToMicroUsd(text: string): bigint {
  const [whole = '0', cents = ''] = text.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(cents.padEnd(2, '0')) * 10_000n;
}

/** The AI store refused a setting (its own checks); the person can fix it. */
export class AiSettingRejectedError extends Error {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'AiSettingRejectedError';
  }
}

export type { AiTask, RouteChoice };
