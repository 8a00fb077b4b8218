import { access, action as act, loader as load } from '~/admin/catalog/catalog.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Catalog · Closer' }];
export { default } from '~/admin/catalog/catalog.page';
