import { formText } from '~/lib/form-values';
import type { AdminActionArgs, AdminArgs, PageAccess } from '../admin-args';

/** Every member sees usage and settings; changing keys, routing or the budget takes `ai.manage`. */
export const access: PageAccess = {
  view: 'analytics.view',
  intents: {
    'save-key': 'ai.manage',
    'remove-key': 'ai.manage',
    'save-route': 'ai.manage',
    'reset-route': 'ai.manage',
    'save-budget': 'ai.manage',
  },
};

export async function loader({ request, services, actor }: AdminArgs) {
  const range = new URL(request.url).searchParams.get('range');
  return services.aiUsage.getOverview(actor, { range });
}

export async function action({ services, actor, form, intent }: AdminActionArgs) {
  const ai = services.aiUsage;
  const done = <Result extends object>(result: Result) => ({ ok: true as const, intent, ...result });
  switch (intent) {
    case 'save-key':
      // The key goes in and never comes back: the answer names only the provider.
      return done(await ai.saveProviderKey(actor, formText(form, 'provider', 'apiKey', 'baseURL')));
    case 'remove-key':
      return done(await ai.removeProviderKey(actor, formText(form, 'provider')));
    case 'save-route': {
      // Empty slots mean "no further fallback"; a model named by hand runs on the OpenAI-compatible server.
      const choices = form.getAll('choice').filter((choice) => typeof choice === 'string' && choice !== '');
      const customModel = formText(form, 'customModel').customModel.trim();
      if (customModel) choices.push(`openai:${customModel}`);
      return done(await ai.saveTaskRoute(actor, { task: formText(form, 'task').task, choices }));
    }
    case 'reset-route':
      return done(await ai.resetTaskRoute(actor, formText(form, 'task')));
    case 'save-budget':
      return done(await ai.saveBudget(actor, formText(form, 'monthlyBudgetUsd', 'onExceeded')));
    default:
      // portalAction refuses intents missing from `access.intents` before we get here.
      throw new Error(`Unhandled intent ${intent}`);
  }
}
