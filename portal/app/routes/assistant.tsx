import { access, action as act, loader as load } from '~/admin/assistant/assistant.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Assistant · Closer' }];
export { default } from '~/admin/assistant/assistant.page';
