import { access, action as act, loader as load } from '~/admin/catalog/catalog.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Catalog · Closer' }];
export { default } from '~/admin/catalog/catalog.page';
