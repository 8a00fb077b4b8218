import type { AdminArgs, PageAccess } from '../admin-args';

/** Every member sees the dashboard. */
export const access: PageAccess = { view: 'analytics.view' };

export async function loader({ request, services, actor }: AdminArgs) {
  const range = new URL(request.url).searchParams.get('range');
  return services.home.getDashboard(actor, { range });
}
