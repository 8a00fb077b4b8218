import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Inbox page lands.
export const loader = portalLoader({}, async () => null);

export default function InboxPlaceholder() {
  return <Page title="Inbox" />;
}
