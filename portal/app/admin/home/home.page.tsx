import { useLoaderData } from '@remix-run/react';
import { BlockStack, InlineGrid, InlineStack, Page, Text } from '@shopify/polaris';
import type { HomeDashboard } from '../../../../server/src/modules/analytics';
import {
  describeChange,
  formatCount,
  formatMicroUsd,
  formatMoney,
  formatPeriod,
  formatShare,
} from '../insights/format';
import { MetricCard } from '../insights/metric-card';
import { RangePicker } from '../insights/range-picker';
import { ActivityCharts } from './activity-charts';
import type { loader } from './home.server';
import { QuestionsAndSentiment } from './questions-sentiment';

export default function HomePage() {
  const dashboard = useLoaderData<typeof loader>();
  const { totals, previousTotals: previous, period, currency } = dashboard;
  const comparedWith = `vs previous ${period.days} days`;
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return (
    <Page title="Home" subtitle={`${formatPeriod(period)} · days in ${period.timeZone.replace(/_/g, ' ')}`} fullWidth>
      <BlockStack gap="400">
        <InlineStack align="end">
          <RangePicker days={period.days} />
        </InlineStack>
        <InlineGrid columns={{ xs: 1, sm: 2, lg: 3 }} gap="400">
          <MetricCard
            label="Conversations"
            value={formatCount(totals.conversations)}
            change={describeChange(totals.conversations, previous.conversations, 'amount')}
            goodWhen="up"
            comparedWith={comparedWith}
          />
          <MetricCard
            label="Answered without a person"
            value={formatShare(totals.answeredByAiShare)}
            detail={`${formatCount(totals.answeredByAi)} of ${formatCount(totals.conversations)} conversations`}
            change={describeChange(totals.answeredByAiShare, previous.answeredByAiShare, 'share')}
            goodWhen="up"
            comparedWith={comparedWith}
          />
          <MetricCard
            label="Handoff rate"
            value={formatShare(totals.handoffRate)}
            detail={`${formatCount(totals.handedOff)} handed to your team`}
            change={describeChange(totals.handoffRate, previous.handoffRate, 'share')}
            goodWhen="down"
            comparedWith={comparedWith}
          />
          <MetricCard
            label="Assisted orders"
            value={formatCount(totals.assistedOrders)}
            detail="Orders placed from a conversation's cart"
            change={describeChange(totals.assistedOrders, previous.assistedOrders, 'amount')}
            goodWhen="up"
            comparedWith={comparedWith}
          />
          <MetricCard
            label="Assisted revenue"
            value={formatMoney(totals.assistedRevenueCents, currency)}
            detail={assistedRevenueDetail(dashboard, share(totals.assistedRevenueCents, totals.storeRevenueCents))}
            change={describeChange(totals.assistedRevenueCents, previous.assistedRevenueCents, 'amount')}
            goodWhen="up"
            comparedWith={comparedWith}
          />
          <MetricCard
            label="AI cost"
            value={formatMicroUsd(totals.aiCostMicroUsd)}
            detail={
              totals.conversations > 0
                ? `${formatMicroUsd(Math.round(totals.aiCostMicroUsd / totals.conversations))} per conversation`
                : undefined
            }
            change={describeChange(totals.aiCostMicroUsd, previous.aiCostMicroUsd, 'amount')}
            goodWhen="neither"
            comparedWith={comparedWith}
          />
        </InlineGrid>
        <ActivityCharts dashboard={dashboard} />
        <QuestionsAndSentiment dashboard={dashboard} />
        <Text as="p" tone="subdued" variant="bodySm">
          A conversation counts as handed off once it waits for or reaches a person; revenue excludes cancelled and
          refunded orders.
        </Text>
      </BlockStack>
    </Page>
  );
}

function assistedRevenueDetail(dashboard: HomeDashboard, shareOfStore: number | null): string {
  const parts = [`${formatShare(shareOfStore)} of store revenue`];
  const other = dashboard.totals.assistedOtherCurrency;
  if (other > 0) parts.push(`${formatCount(other)} assisted orders in other currencies not included`);
  return parts.join(' · ');
}
