import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Conversation page lands.
export const loader = portalLoader({}, async () => null);

export default function ConversationPlaceholder() {
  return <Page title="Conversation" />;
}
