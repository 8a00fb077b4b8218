import { BlockStack, Text } from '@shopify/polaris';
import { formatShare } from '../insights/format';
import { formatBias, formatRatio } from './forecast-format';

export interface Accuracy {
  origins: number;
  mase: number | null;
  smape: number | null;
  bias: number | null;
  coverage80: number | null;
  coverage95: number | null;
  baselineMase: number | null;
  beatsBaseline: boolean | null;
}

/** Backtest accuracy in words a merchant can weigh: each figure with what a good value looks like. */
export function AccuracyList({ accuracy }: { accuracy: Accuracy | null }) {
  if (!accuracy) {
    return (
      <Text as="p" tone="subdued">
        Not enough history to backtest this forecast yet, so treat it as a rough guide.
      </Text>
    );
  }
  const verdict =
    accuracy.beatsBaseline === null
      ? 'No comparison with the simple baseline was possible.'
      : accuracy.beatsBaseline
        ? 'More accurate than repeating last year (or last week).'
        : 'Not more accurate than repeating last year (or last week): trust it less.';
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {`Backtest accuracy (${accuracy.origins} ${accuracy.origins === 1 ? 'test' : 'tests'})`}
      </Text>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}>
        <dt>MASE</dt>
        <dd
          style={{ margin: 0 }}
        >{`${formatRatio(accuracy.mase)} (baseline ${formatRatio(accuracy.baselineMase)}; lower is better)`}</dd>
        <dt>sMAPE</dt>
        <dd style={{ margin: 0 }}>{formatShare(accuracy.smape)}</dd>
        <dt>Bias</dt>
        <dd style={{ margin: 0 }}>{`${formatBias(accuracy.bias)} (+ over-forecasts, − under-forecasts)`}</dd>
        <dt>Interval coverage</dt>
        <dd style={{ margin: 0 }}>
          {`${formatShare(accuracy.coverage80)} inside the 80% range, ${formatShare(accuracy.coverage95)} inside the 95%`}
        </dd>
      </dl>
      <Text as="p" tone={accuracy.beatsBaseline === false ? 'caution' : 'subdued'}>
        {verdict}
      </Text>
    </BlockStack>
  );
}
