import { access, loader as load } from '~/admin/content/products.server';
import { portalLoader } from '~/lib/portal-page.server';

// A resource route: the content studio's product search, read by a fetcher.
export const loader = portalLoader(access, load);
