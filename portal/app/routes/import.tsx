import { access, action as act, loader as load } from '~/admin/imports/import-run.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Import · Closer' }];
export { default } from '~/admin/imports/import-run.page';
