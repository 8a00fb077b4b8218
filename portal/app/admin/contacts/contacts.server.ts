import { redirect } from '@remix-run/node';
import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';

export const access: PageAccess = {
  view: 'analytics.view',
  intents: { import: 'catalog.write' },
};

export async function loader({ services, actor, request }: AdminArgs) {
  const params = new URL(request.url).searchParams;
  const filters = { q: params.get('q') ?? '', page: params.get('page') ?? '1' };
  const [contacts, imports] = await Promise.all([
    services.contacts.listContacts(actor, { q: filters.q || undefined, page: filters.page }),
    services.contacts.listImports(actor),
  ]);
  return { contacts, imports, filters };
}

export async function action({ services, actor, form }: AdminActionArgs) {
  const run = await services.contacts.startImport(actor, { file: form.get('file'), format: form.get('format') });
  return redirect(`/imports/${run.id}`);
}
