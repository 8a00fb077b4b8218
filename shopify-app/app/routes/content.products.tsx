import { access, loader as load } from '~/admin/content/products.server';
import { shopifyLoader } from '../lib/shopify-page.server';

// A resource route: the content studio's product search, read by a fetcher.
export const loader = shopifyLoader(access, load);
