import vizStyles from '@shopify/polaris-viz/build/esm/styles.css?url';
import { access, action as act, loader as load } from '~/admin/forecasts/forecasts.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const links = () => [{ rel: 'stylesheet', href: vizStyles }];
export const meta = () => [{ title: 'Forecasts · Closer' }];
export { default } from '~/admin/forecasts/forecasts.page';
