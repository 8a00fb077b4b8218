import { BlockStack, Card, InlineStack, Text } from '@shopify/polaris';
import { useId } from 'react';
import type { Change } from './format';

/**
 * One headline figure with its change against the previous period. `goodWhen`
 * says which way is good news (a rising handoff rate is not), so the colour
 * means the same thing on every card; the words carry it for those who do not
 * see colour.
 */
export interface MetricCardProps {
  label: string;
  value: string;
  detail?: string;
  change: Change;
  goodWhen: 'up' | 'down' | 'neither';
  comparedWith: string;
}

export function MetricCard({ label, value, detail, change, goodWhen, comparedWith }: MetricCardProps) {
  const tone =
    change.direction === 'flat' || change.direction === 'none' || goodWhen === 'neither'
      ? 'subdued'
      : change.direction === goodWhen
        ? 'success'
        : 'critical';
  const arrow = change.direction === 'up' ? '↑ ' : change.direction === 'down' ? '↓ ' : '';
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <BlockStack gap="150">
          <Text as="h2" variant="headingSm" tone="subdued" id={headingId}>
            {label}
          </Text>
          <Text as="p" variant="heading2xl">
            {value}
          </Text>
          <InlineStack gap="100" wrap>
            <Text as="span" tone={tone}>
              {arrow}
              {change.text}
            </Text>
            {change.direction === 'none' ? null : (
              <Text as="span" tone="subdued">
                {comparedWith}
              </Text>
            )}
          </InlineStack>
          {detail ? (
            <Text as="p" tone="subdued">
              {detail}
            </Text>
          ) : null}
        </BlockStack>
      </Card>
    </section>
  );
}
