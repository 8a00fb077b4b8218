import { access, loader as load } from '~/admin/inbox/inbox.server';
import { portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const meta = () => [{ title: 'Inbox · Closer' }];
export { default } from '~/admin/inbox/inbox.page';
