import { access, action as act, loader as load } from '~/admin/orders/orders.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Orders · Closer' }];
export { default } from '~/admin/orders/orders.page';
