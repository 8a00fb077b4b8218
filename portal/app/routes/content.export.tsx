import { access, loader as load } from '~/admin/content/export.server';
import { portalLoader } from '~/lib/portal-page.server';

// A resource route: the CSV download, behind the same sign-in and permission check as the pages.
export const loader = portalLoader(access, load);
