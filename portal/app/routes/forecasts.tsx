import { Page } from '@shopify/polaris';
import { portalLoader } from '~/lib/portal-page.server';

// Placeholder until the Forecasts page lands.
export const loader = portalLoader({ view: 'analytics.view' }, async () => null);

export default function ForecastsPlaceholder() {
  return <Page title="Forecasts" />;
}
