import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Text,
} from '@shopify/polaris';
import { useId } from 'react';
import { formatCount } from '~/admin/insights/format';
import { formatDate } from '~/admin/settings-common/time-ago';
import type { action, loader } from './billing.server';

type Billing = ReturnType<typeof useLoaderData<typeof loader>>;
type Plan = Billing['plans'][number];

export default function BillingPage() {
  const billing = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <Page title="Billing" subtitle="Your Closer plan, charged through Shopify">
      <Layout>
        {billing.testCharges ? (
          <Layout.Section>
            <Banner tone="info" title="Test charges">
              <p>This is not a production server, so Shopify creates test charges: nothing is billed.</p>
            </Banner>
          </Layout.Section>
        ) : null}
        {result ? (
          <Layout.Section>
            <Banner tone={result.ok ? 'success' : 'critical'}>
              <p>{result.message}</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <ThisMonth billing={billing} />
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            {billing.plans.map((plan) => (
              <PlanCard key={plan.id} plan={plan} current={plan.id === billing.plan.id} />
            ))}
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ThisMonth({ billing }: { billing: Billing }) {
  const { plan, usage } = billing;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {plan.name} plan
          </Text>
          <Text as="span" tone="subdued">
            {plan.priceUsd === 0 ? 'Free' : `$${plan.priceUsd} every 30 days`}
            {billing.activatedAt ? ` · since ${formatDate(billing.activatedAt)}` : ''}
          </Text>
        </InlineStack>
        <Allowance label="AI conversations this month" used={usage.conversations} limit={plan.conversationsPerMonth} />
        <Allowance label="AI generations this month" used={usage.generations} limit={plan.generationsPerMonth} />
        <Text as="p" tone="subdued">
          When conversations run out, the assistant answers from your catalog alone or hands shoppers to your team, as
          set under AI and usage; generations stop until next month or a bigger plan.
        </Text>
      </BlockStack>
    </Card>
  );
}

function Allowance({ label, used, limit }: { label: string; used: number; limit: number }) {
  const labelId = useId();
  const share = Math.min(1, used / limit);
  return (
    <BlockStack gap="100">
      <InlineStack align="space-between">
        <Text as="span" id={labelId}>
          {label}
        </Text>
        <Text as="span" tone={share >= 1 ? 'critical' : undefined}>
          {formatCount(used)} of {formatCount(limit)}
        </Text>
      </InlineStack>
      <ProgressBar
        progress={share * 100}
        tone={share >= 1 ? 'critical' : 'primary'}
        size="small"
        ariaLabelledBy={labelId}
      />
    </BlockStack>
  );
}

function PlanCard({ plan, current }: { plan: Plan; current: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('plan') === plan.id;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingMd">
            {plan.name}
          </Text>
          {current ? <Badge tone="success">Current plan</Badge> : null}
        </InlineStack>
        <Text as="p" variant="headingLg">
          {plan.priceUsd === 0 ? 'Free' : `$${plan.priceUsd} / 30 days`}
        </Text>
        <Text as="p">{formatCount(plan.conversationsPerMonth)} AI conversations a month</Text>
        <Text as="p">{formatCount(plan.generationsPerMonth)} AI generations a month</Text>
        {current ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value={plan.priceUsd === 0 ? 'cancel' : 'subscribe'} />
            <input type="hidden" name="plan" value={plan.id} />
            <Button submit loading={busy} variant={plan.priceUsd === 0 ? 'secondary' : 'primary'}>
              {`Switch to ${plan.name}`}
            </Button>
          </Form>
        )}
      </BlockStack>
    </Card>
  );
}
