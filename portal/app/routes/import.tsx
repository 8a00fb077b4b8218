import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Import page lands.
export const loader = portalLoader({}, async () => null);

export default function ImportPlaceholder() {
  return <Page title="Import" />;
}
