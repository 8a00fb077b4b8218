import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';
import { badRequest } from '~/admin/settings-common/action-result';
import { formText } from '~/lib/form-values';

export const access: PageAccess = {
  view: 'apiKeys.manage',
  intents: { create: 'apiKeys.manage', revoke: 'apiKeys.manage' },
};

export async function loader({ services, actor }: AdminArgs) {
  return { ...(await services.team.apiKeys.list(actor)), now: new Date() };
}

export async function action({ services, actor, form, intent }: AdminActionArgs) {
  if (intent === 'create') {
    const { name } = formText(form, 'name');
    const scopes = form.getAll('scopes').filter((scope): scope is string => typeof scope === 'string');
    const created = await services.team.apiKeys.create(actor, { name, scopes });
    return { ok: true as const, intent, apiKey: created.apiKey, secret: created.secret };
  }
  if (intent === 'revoke') {
    const { apiKeyId } = formText(form, 'apiKeyId');
    if (!apiKeyId) throw badRequest('Which key? The form did not say.');
    return { ok: true as const, intent, ...(await services.team.apiKeys.revoke(actor, apiKeyId)) };
  }
  throw badRequest(`Unknown action "${intent}".`);
}
