import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the ApiKeys page lands.
export const loader = portalLoader({}, async () => null);

export default function ApiKeysPlaceholder() {
  return <Page title="ApiKeys" />;
}
