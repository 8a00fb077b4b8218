import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Home page lands.
export const loader = portalLoader({}, async () => null);

export default function HomePlaceholder() {
  return <Page title="Home" />;
}
