import { access, action as act, loader as load } from '~/admin/content/content.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Content studio · Closer' }];
export { default } from '~/admin/content/content.page';
