import { access, loader as load } from '~/admin/content/export.server';
import { shopifyLoader } from '../lib/shopify-page.server';

// A resource route: the CSV download, behind the same sign-in and permission check as the pages.
export const loader = shopifyLoader(access, load);
