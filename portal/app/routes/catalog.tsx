import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Catalog page lands.
export const loader = portalLoader({}, async () => null);

export default function CatalogPlaceholder() {
  return <Page title="Catalog" />;
}
