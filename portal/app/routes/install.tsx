import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Install page lands.
export const loader = portalLoader({}, async () => null);

export default function InstallPlaceholder() {
  return <Page title="Install" />;
}
