import vizStyles from '@shopify/polaris-viz/build/esm/styles.css?url';
import { access, loader as load } from '~/admin/home/home.server';
import { shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const links = () => [{ rel: 'stylesheet', href: vizStyles }];
export const meta = () => [{ title: 'Home · Closer' }];
export { default } from '~/admin/home/home.page';
