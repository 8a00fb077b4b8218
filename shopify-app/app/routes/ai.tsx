import vizStyles from '@shopify/polaris-viz/build/esm/styles.css?url';
import { access, action as act, loader as load } from '~/admin/ai/ai.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const links = () => [{ rel: 'stylesheet', href: vizStyles }];
export const meta = () => [{ title: 'AI and usage · Closer' }];
export { default } from '~/admin/ai/ai.page';
