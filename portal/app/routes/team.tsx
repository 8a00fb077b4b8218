import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Team page lands.
export const loader = portalLoader({}, async () => null);

export default function TeamPlaceholder() {
  return <Page title="Team" />;
}
