import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Orders page lands.
export const loader = portalLoader({}, async () => null);

export default function OrdersPlaceholder() {
  return <Page title="Orders" />;
}
