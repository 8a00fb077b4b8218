import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the AI page lands.
export const loader = portalLoader({}, async () => null);

export default function AIPlaceholder() {
  return <Page title="AI" />;
}
