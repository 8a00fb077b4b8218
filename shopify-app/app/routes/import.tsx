import { access, action as act, loader as load } from '~/admin/imports/import-run.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Import · Closer' }];
export { default } from '~/admin/imports/import-run.page';
