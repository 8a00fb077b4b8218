import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Assistant page lands.
export const loader = portalLoader({}, async () => null);

export default function AssistantPlaceholder() {
  return <Page title="Assistant" />;
}
