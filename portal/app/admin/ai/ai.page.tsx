import { useLoaderData } from '@remix-run/react';
import { BlockStack, Layout, Page } from '@shopify/polaris';
import type { loader } from './ai.server';
import { AiStatus } from './ai-status';
import { BudgetCard } from './budget';
import { ProviderKeys } from './provider-keys';
import { RoutingPolicy } from './routing';
import { UsageSection } from './usage';

export default function AiPage() {
  const { settings, usage } = useLoaderData<typeof loader>();
  return (
    <Page title="AI and usage">
      <BlockStack gap="600">
        <AiStatus settings={settings} />
        <UsageSection usage={usage} />
        <Layout>
          <Layout.AnnotatedSection
            id="provider-keys"
            title="Provider keys"
            description="Your own keys win over the server's, provider by provider. They are stored encrypted and never shown again: only their last four characters."
          >
            <ProviderKeys providers={settings.providers} />
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            id="budget"
            title="Monthly budget"
            description="Counted from the cost of every AI call since the first of the month (UTC). Content tools stop when it is used up; shopper chat follows your choice."
          >
            <BudgetCard budget={settings.budget} />
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            id="routing"
            title="Routing policy"
            description="Which provider and model each task tries, in order. A provider without a key is skipped; when none is left, the offline assistant answers."
          >
            <RoutingPolicy settings={settings} />
          </Layout.AnnotatedSection>
        </Layout>
      </BlockStack>
    </Page>
  );
}
