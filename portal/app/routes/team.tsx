import { access, action as act, loader as load } from '~/admin/team/team.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Team · Closer' }];
export { default } from '~/admin/team/team.page';
