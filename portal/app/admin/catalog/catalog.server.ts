import { redirect } from '@remix-run/node';
import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';

export const access: PageAccess = {
  view: 'analytics.view',
  intents: { import: 'catalog.write' },
};

export async function loader({ services, actor, request }: AdminArgs) {
  const params = new URL(request.url).searchParams;
  const filters = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    cursors: params.get('cursors') ?? '',
  };
  const [products, imports] = await Promise.all([
    services.catalog.listProducts(actor, {
      q: filters.q || undefined,
      status: (filters.status || undefined) as 'active' | 'draft' | 'archived' | undefined,
      cursors: filters.cursors || undefined,
    }),
    services.catalog.listImports(actor),
  ]);
  return { products, imports, filters };
}

export async function action({ services, actor, form }: AdminActionArgs) {
  const run = await services.catalog.startImport(actor, { file: form.get('file'), format: form.get('format') });
  return redirect(`/imports/${run.id}`);
}
