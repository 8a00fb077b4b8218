import type { AdminArgs, PageAccess } from '~/admin/admin-args';

/** Every member may see how the widget is installed; nothing here changes anything. */
export const access: PageAccess = { view: 'analytics.view' };

export async function loader({ services, actor, request }: AdminArgs) {
  const install = await services.install.loadInstallPage(actor);
  return {
    ...install,
    welcome: new URL(request.url).searchParams.get('welcome') === '1',
    checkedAt: new Date(),
  };
}
