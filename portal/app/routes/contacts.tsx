import { access, action as act, loader as load } from '~/admin/contacts/contacts.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const meta = () => [{ title: 'Contacts · Closer' }];
export { default } from '~/admin/contacts/contacts.page';
