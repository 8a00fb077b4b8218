import { z } from 'zod';
import { AI_TASKS, findPrice, PRICES, type ProviderId, type RouteChoice } from '../../ai';

/*
 * A task's routing as the admin edits it: ordered provider/model choices,
 * checked against the price table.
 */

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

export const taskInputSchema = z.object({ task: taskSchema });
