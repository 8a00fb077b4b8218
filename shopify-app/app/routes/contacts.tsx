import { access, action as act, loader as load } from '~/admin/contacts/contacts.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Contacts · Closer' }];
export { default } from '~/admin/contacts/contacts.page';
