import { access, loader as load } from '~/admin/install/install.server';
import { portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const meta = () => [{ title: 'Install · Closer' }];
export { default } from '~/admin/install/install.page';
