import { access, action as act, loader as load } from '~/admin/content/content.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Content studio · Closer' }];
export { default } from '~/admin/content/content.page';
