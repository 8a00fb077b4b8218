import { access, action as act, loader as load } from '~/admin/api-keys/api-keys.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'API keys · Closer' }];
export { default } from '~/admin/api-keys/api-keys.page';
