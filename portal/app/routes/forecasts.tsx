import vizStyles from '@shopify/polaris-viz/build/esm/styles.css?url';
import { access, action as act, loader as load } from '~/admin/forecasts/forecasts.server';
import { portalAction, portalLoader } from '~/lib/portal-page.server';

export const loader = portalLoader(access, load);
export const action = portalAction(access, act);
export const links = () => [{ rel: 'stylesheet', href: vizStyles }];
export const meta = () => [{ title: 'Forecasts · Closer' }];
export { default } from '~/admin/forecasts/forecasts.page';
