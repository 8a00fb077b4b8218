import { access, action as act, loader as load } from '~/admin/content/draft.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Draft · Content studio · Closer' }];
export { default } from '~/admin/content/draft.page';
