import { access, action as act, loader as load } from '~/admin/orders/orders.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Orders · Closer' }];
export { default } from '~/admin/orders/orders.page';
