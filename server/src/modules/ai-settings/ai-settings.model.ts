import { z } from 'zod';
import { isPublicHttpsUrl } from './public-url';

/**
 * What the admin may change about a workspace's AI besides routing
 * (routing-choice.model.ts): its own provider keys (write-only) and the
 * monthly budget. Every message here speaks the person's language, because it
 * reaches the form field by field.
 */

export const vendorProviders = ['gemini', 'anthropic', 'openai'] as const;
export type VendorProvider = (typeof vendorProviders)[number];

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

export const providerSchema = z.object({
  provider: z.enum(vendorProviders, { message: 'Choose Gemini, Anthropic or OpenAI.' }),
});

const budgetExceededActions = ['offline', 'handoff'] as const;

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
