import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import type { ActionFailure } from '~/admin/admin-args';
import { requireShopStaff } from '../lib/shopify-page.server';
import { withAbsoluteRedirects } from '../shopify.server';

/**
 * The billing page (`/app/billing`): the shop's plan, this month's usage
 * against its allowances, and switching plans through Shopify's Billing API.
 * Shopify is the source of truth for what the shop pays (a merchant may also
 * cancel from Shopify's own billing settings), so every visit asks it first.
 */
type ShopStaff = Awaited<ReturnType<typeof requireShopStaff>>;

export async function syncPlanFromShopify({ admin, actor }: ShopStaff, context: AppLoadContext) {
  const { appSubscriptions } = await admin.billing.check({ isTest: context.shopify.app.testCharges });
  return context.shopify.recordSubscriptions(actor, appSubscriptions);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireShopStaff(request, context, 'billing.manage');
  await syncPlanFromShopify(staff, context);
  const billing = await context.shopify.loadBilling(staff.actor);
  return { ...billing, testCharges: context.shopify.app.testCharges };
}

export type BillingActionResult = { ok: true; message: string } | ActionFailure;

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireShopStaff(request, context, 'billing.manage');
  const form = await request.formData();
  const intent = form.get('intent');
  const isTest = context.shopify.app.testCharges;
  if (intent === 'subscribe') {
    const plan = context.shopify.paidPlans.find((candidate) => candidate.id === form.get('plan'));
    if (!plan) return data<BillingActionResult>({ ok: false, message: 'Choose one of the plans.' }, { status: 400 });
    // Throws App Bridge's way out to Shopify's approval page. Shopify brings the merchant back
    // to the app with ?charge_id, where the layout stores the plan (see app-layout.tsx).
    return withAbsoluteRedirects(staff.admin.billing.request({ plan: plan.name, isTest }), context.shopify.app.appUrl);
  }
  if (intent === 'cancel') {
    const { subscriptionId } = await context.shopify.loadBilling(staff.actor);
    if (subscriptionId) await staff.admin.billing.cancel({ subscriptionId, isTest, prorate: true });
    const plan = await syncPlanFromShopify(staff, context);
    return data<BillingActionResult>({ ok: true, message: `You are on the ${plan.name} plan now.` });
  }
  return data<BillingActionResult>({ ok: false, message: 'Unknown action.' }, { status: 400 });
}
