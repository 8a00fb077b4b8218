import type { AdminArgs, PageAccess } from '../admin-args';

/** The product picker's search (`/content/products?q=`): fifty matches at a time, and the collections. */
export const access: PageAccess = { view: 'analytics.view' };

export type ProductPickerData = Awaited<ReturnType<AdminArgs['services']['content']['products']>>;

/** Plain JSON, read with `fetch` by the picker (see `useProductSearch`). */
export async function loader({ request, services, actor }: AdminArgs) {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  return Response.json(await services.content.products(actor, { q: q.trim() || undefined }));
}
