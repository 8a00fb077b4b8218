import { access, loader as load } from '~/admin/install/install.server';
import { shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const meta = () => [{ title: 'Install · Closer' }];
export { default } from '~/admin/install/install.page';
