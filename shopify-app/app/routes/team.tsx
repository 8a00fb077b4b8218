import { access, action as act, loader as load } from '~/admin/team/team.server';
import { shopifyAction, shopifyLoader } from '../lib/shopify-page.server';

export const loader = shopifyLoader(access, load);
export const action = shopifyAction(access, act);
export const meta = () => [{ title: 'Team · Closer' }];
export { default } from '~/admin/team/team.page';
