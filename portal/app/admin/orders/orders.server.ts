import { redirect } from '@remix-run/node';
import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';

export const access: PageAccess = {
  view: 'analytics.view',
  intents: { import: 'catalog.write' },
};

type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'refunded' | 'cancelled';

export async function loader({ services, actor, request }: AdminArgs) {
  const params = new URL(request.url).searchParams;
  const filters = { q: params.get('q') ?? '', status: params.get('status') ?? '', page: params.get('page') ?? '1' };
  const [orders, imports] = await Promise.all([
    services.orders.listOrders(actor, {
      q: filters.q || undefined,
      status: (filters.status || undefined) as OrderStatus | undefined,
      page: filters.page,
    }),
    services.orders.listImports(actor),
  ]);
  return { orders, imports, filters };
}

export async function action({ services, actor, form }: AdminActionArgs) {
  const run = await services.orders.startImport(actor, { file: form.get('file'), format: form.get('format') });
  return redirect(`/imports/${run.id}`);
}
