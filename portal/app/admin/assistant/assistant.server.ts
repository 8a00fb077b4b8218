import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';
import { badRequest } from '~/admin/settings-common/action-result';
import { formText } from '~/lib/form-values';

const change = 'workspace.settings.write';

/** Every member may read how the assistant is set up; changing it takes `workspace.settings.write`. */
export const access: PageAccess = {
  view: 'analytics.view',
  intents: {
    saveSettings: change,
    saveOrigins: change,
    createArticle: change,
    updateArticle: change,
    deleteArticle: change,
  },
};

export async function loader({ services, actor, request }: AdminArgs) {
  const params = new URL(request.url).searchParams;
  const page = await services.assistant.loadAssistantPage(actor, {
    policyPage: Number(params.get('policyPage') ?? '1'),
    faqPage: Number(params.get('faqPage') ?? '1'),
  });
  // The runtime's zones (the same list the server validates against); it lists UTC under Etc/ only.
  const timezones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return { ...page, timezones };
}

export async function action({ services, actor, form, intent }: AdminActionArgs) {
  switch (intent) {
    case 'saveSettings': {
      // The settings travel as one JSON field of the form: nested lists (hours, replies) stay intact.
      let settings: unknown;
      try {
        settings = JSON.parse(formText(form, 'settings').settings);
      } catch {
        throw badRequest('The settings could not be read; reload the page and try again.');
      }
      return { ok: true as const, intent, ...(await services.assistant.saveSettings(actor, settings)) };
    }
    case 'saveOrigins': {
      const origins = formText(form, 'origins')
        .origins.split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      return { ok: true as const, intent, ...(await services.assistant.saveAllowedOrigins(actor, origins)) };
    }
    case 'createArticle':
      return { ok: true as const, intent, ...(await services.assistant.createArticle(actor, readArticle(form))) };
    case 'updateArticle': {
      const { articleId } = formText(form, 'articleId');
      return {
        ok: true as const,
        intent,
        ...(await services.assistant.updateArticle(actor, articleId, readArticle(form))),
      };
    }
    case 'deleteArticle':
      return {
        ok: true as const,
        intent,
        ...(await services.assistant.deleteArticle(actor, formText(form, 'articleId').articleId)),
      };
    default:
      throw badRequest(`Unknown action "${intent}".`);
  }
}

function readArticle(form: FormData) {
  const { kind, topic, title, body } = formText(form, 'kind', 'topic', 'title', 'body');
  return { kind, topic: topic || null, title, body };
}
