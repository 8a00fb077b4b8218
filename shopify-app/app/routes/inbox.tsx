import { access, loader as load } from '~/admin/inbox/inbox.server';
import { shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const meta = () => [{ title: 'Inbox · Closer' }];
export { default } from '~/admin/inbox/inbox.page';
