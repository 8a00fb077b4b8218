import { Banner, BlockStack, DataTable, Text } from '@shopify/polaris';
import type { AdminServices } from '../admin-args';
import { formatCount, formatMicroUsd } from '../insights/format';
import { languageName } from './content-labels';

export type RunEstimateView = Awaited<ReturnType<AdminServices['content']['estimate']>>;

const providerNames: Record<string, string> = {
  gemini: 'Gemini',
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  offline: 'Offline',
};

function modelLabel(kind: RunEstimateView['kinds'][number]): string {
  if (kind.provider === 'offline') return 'Offline drafts (no AI key)';
  return `${providerNames[kind.provider] ?? kind.provider} · ${kind.model}`;
}

/** What a run would cost before it starts: per kind of content, the model it would use and its price. */
export function EstimateSummary(props: { estimate: RunEstimateView; kindLabels: Record<string, string> }) {
  const { estimate } = props;
  const budget = estimate.budgetRemainingMicroUsd;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        Estimate
      </Text>
      <Text as="p">
        {`${formatCount(estimate.items)} ${estimate.items === 1 ? 'draft' : 'drafts'}: ${formatCount(estimate.products)} ${estimate.products === 1 ? 'product' : 'products'} × ${estimate.kinds.length} ${estimate.kinds.length === 1 ? 'kind' : 'kinds'}, in ${languageName(estimate.language)}.`}
      </Text>
      <DataTable
        columnContentTypes={['text', 'text', 'numeric', 'numeric']}
        headings={['Content', 'Model', 'Drafts', 'Estimated cost']}
        rows={estimate.kinds.map((kind) => [
          props.kindLabels[kind.kind] ?? kind.kind,
          modelLabel(kind),
          formatCount(kind.items),
          kind.priced ? formatMicroUsd(kind.costMicroUsd) : 'Not in the price table',
        ])}
        totals={['', '', formatCount(estimate.items), formatMicroUsd(estimate.costMicroUsd)]}
        showTotalsInFooter
        totalsName={{ singular: 'Total', plural: 'Total' }}
      />
      <Text as="p" tone="subdued">
        {budget === null
          ? 'No monthly AI budget is set for this workspace.'
          : `${formatMicroUsd(Math.max(0, budget))} left in this month’s AI budget.`}{' '}
        Estimates count tokens against the price table; real lengths vary, and repeated requests are served from the
        cache for free.
      </Text>
      {estimate.fitsBudget ? null : (
        <Banner tone="critical" title="More than the budget left">
          <p>Select fewer products or kinds, or raise the monthly budget under AI and usage.</p>
        </Banner>
      )}
    </BlockStack>
  );
}
