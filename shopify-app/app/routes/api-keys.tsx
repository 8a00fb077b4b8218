import { access, action as act, loader as load } from '~/admin/api-keys/api-keys.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'API keys · Closer' }];
export { default } from '~/admin/api-keys/api-keys.page';
