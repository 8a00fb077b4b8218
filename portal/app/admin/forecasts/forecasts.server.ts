import type { AdminActionArgs, AdminArgs, PageAccess } from '../admin-args';

/** Every member reads forecasts; queueing a run or a plan takes `catalog.write` (it spends compute and AI budget). */
export const access: PageAccess = {
  view: 'analytics.view',
  intents: { 'forecast-now': 'catalog.write', 'generate-plan': 'catalog.write' },
};

/** One product's detail is a search param (`?product=<id>`), with its stock question in `lead` and `service`. */
export async function loader({ request, services, actor }: AdminArgs) {
  const params = new URL(request.url).searchParams;
  const productId = params.get('product');
  const [overview, product] = await Promise.all([
    services.forecasts.getOverview(actor, { search: params.get('q'), page: params.get('page') }),
    productId
      ? services.forecasts.getProduct(actor, productId, {
          leadTimeDays: params.get('lead'),
          serviceLevelPercent: params.get('service'),
        })
      : null,
  ]);
  return { ...overview, product };
}

export async function action({ services, actor, intent }: AdminActionArgs) {
  switch (intent) {
    case 'forecast-now':
      return { ok: true as const, intent, ...(await services.forecasts.forecastNow(actor)) };
    case 'generate-plan':
      return { ok: true as const, intent, ...(await services.forecasts.generateActionPlan(actor)) };
    default:
      // portalAction refuses intents missing from `access.intents` before we get here.
      throw new Error(`Unhandled intent ${intent}`);
  }
}
