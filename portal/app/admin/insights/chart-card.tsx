import { BlockStack, Box, Card, Text } from '@shopify/polaris';
import { lazy, type ReactNode, Suspense, useId } from 'react';
import { HiddenTable, type TableData } from './hidden-table';
import { useHydrated } from './use-hydrated';
import type { VizChartProps } from './viz-chart';

const VizChart = lazy(() => import('./viz-chart'));
// React 18 has no `inert` prop yet; as a plain attribute it reaches the DOM unchanged.
const inert = { inert: '' } as object;

/**
 * A chart in a card. The chart's box has its height from the first byte of
 * HTML, so nothing moves when the chart arrives (no layout shift); the chart
 * itself renders only in the browser, after hydration, from its own chunk.
 * Its numbers are always in the page as a table for screen readers, and
 * `summary` says the gist in one visible sentence.
 */
export interface ChartCardProps {
  title: string;
  summary: ReactNode;
  chart: VizChartProps;
  table: TableData;
  height?: number;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
  /** h3 when the card sits under a section's own h2. */
  headingLevel?: 'h2' | 'h3';
}

export function ChartCard({ title, summary, chart, table, height = 240, empty, headingLevel = 'h2' }: ChartCardProps) {
  const hydrated = useHydrated();
  const headingId = useId();
  const placeholder = <Box minHeight={`${height}px`} background="bg-surface-secondary" borderRadius="200" />;
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <BlockStack gap="300">
          <Text as={headingLevel} variant="headingSm" id={headingId}>
            {title}
          </Text>
          {empty ?? (
            // Inert: Polaris Viz makes every data point a tab stop and its SVG table markup fails WCAG checks;
            // the table below says the same to assistive technology, and the summary to everyone.
            <div style={{ height }} {...inert}>
              {hydrated ? (
                <Suspense fallback={placeholder}>
                  <VizChart {...chart} />
                </Suspense>
              ) : (
                placeholder
              )}
            </div>
          )}
          <Text as="p" tone="subdued">
            {summary}
          </Text>
          <HiddenTable caption={title} {...table} />
        </BlockStack>
      </Card>
    </section>
  );
}
