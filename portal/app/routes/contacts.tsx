import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Contacts page lands.
export const loader = portalLoader({}, async () => null);

export default function ContactsPlaceholder() {
  return <Page title="Contacts" />;
}
