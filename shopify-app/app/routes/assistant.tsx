import { access, action as act, loader as load } from '~/admin/assistant/assistant.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Assistant · Closer' }];
export { default } from '~/admin/assistant/assistant.page';
