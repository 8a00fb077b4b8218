import { BlockStack, Box, Card, DataTable, InlineGrid, InlineStack, Text } from '@shopify/polaris';
import type { AiUsageReport } from '../../../../server/src/modules/analytics';
import { ChartCard } from '../insights/chart-card';
import { formatCount, formatDay, formatMicroUsd, formatPeriod, formatTokens } from '../insights/format';
import { RangePicker } from '../insights/range-picker';
import { choiceLabel, providerLabel, taskLabel } from './ai-labels';

/** Every AI call of the period, by day, task, provider and model (one usage row per call). */
export function UsageSection({ usage }: { usage: AiUsageReport }) {
  const { totals, days, byTask, byProvider, byModel, period } = usage;
  const daily = (name: string, value: (day: AiUsageReport['days'][number]) => number) => ({
    name,
    data: days.map((day) => ({ key: day.day, value: value(day) })),
  });
  return (
    <BlockStack gap="400">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Text as="h2" variant="headingMd">
          {`Usage · ${formatPeriod(period)}`}
        </Text>
        <RangePicker days={period.days} />
      </InlineStack>
      <Card>
        <InlineGrid columns={{ xs: 2, md: 5 }} gap="400">
          <Figure label="Calls" value={formatCount(totals.calls)} />
          <Figure label="Cost" value={formatMicroUsd(totals.costMicroUsd)} />
          <Figure
            label="Tokens in / out"
            value={`${formatTokens(totals.inputTokens)} / ${formatTokens(totals.outputTokens)}`}
          />
          <Figure label="Errors" value={formatCount(totals.errors)} />
          <Figure label="Served from cache" value={formatCount(totals.cached)} />
        </InlineGrid>
      </Card>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <ChartCard
          headingLevel="h3"
          title="AI cost per day"
          summary={`${formatMicroUsd(totals.costMicroUsd)} over ${formatCount(totals.calls)} calls.`}
          chart={{
            kind: 'bar',
            data: [daily('Cost', (day) => day.costMicroUsd)],
            formatY: formatMicroUsd,
            formatX: formatDay,
          }}
          table={{
            columns: ['Day', 'Calls', 'Cost'],
            rows: days.map((day) => [formatDay(day.day), day.calls, formatMicroUsd(day.costMicroUsd)]),
          }}
        />
        <ChartCard
          headingLevel="h3"
          title="Calls per day"
          summary={`${formatCount(totals.calls)} calls, ${formatCount(totals.errors)} ended in an error after retries and fallbacks.`}
          chart={{
            kind: 'line',
            data: [daily('Calls', (day) => day.calls), daily('Errors', (day) => day.errors)],
            formatY: formatCount,
            formatX: formatDay,
          }}
          table={{
            columns: ['Day', 'Calls', 'Errors', 'Served from cache'],
            rows: days.map((day) => [formatDay(day.day), day.calls, day.errors, day.cached]),
          }}
        />
        <ChartCard
          headingLevel="h3"
          title="Calls by task"
          summary={
            !byTask[0]
              ? 'No AI calls in this period.'
              : byTask[0].costMicroUsd > 0
                ? `${taskLabel(byTask[0].task)} cost the most: ${formatMicroUsd(byTask[0].costMicroUsd)} over ${formatCount(byTask[0].calls)} calls.`
                : `Nothing cost money yet; ${taskLabel(byTask[0].task).toLowerCase()} made the most calls (${formatCount(byTask[0].calls)}).`
          }
          empty={byTask.length === 0 ? <Empty /> : undefined}
          chart={{
            kind: 'bar',
            horizontal: true,
            data: [{ name: 'Calls', data: byTask.map((row) => ({ key: taskLabel(row.task), value: row.calls })) }],
            formatY: formatCount,
          }}
          table={{
            columns: ['Task', 'Calls', 'Cost'],
            rows: byTask.map((row) => [taskLabel(row.task), row.calls, formatMicroUsd(row.costMicroUsd)]),
          }}
        />
        <ChartCard
          headingLevel="h3"
          title="Calls by provider"
          summary={
            byProvider.length > 0
              ? byProvider.map((row) => `${providerLabel(row.provider)}: ${formatCount(row.calls)}`).join(', ')
              : 'No AI calls in this period.'
          }
          empty={byProvider.length === 0 ? <Empty /> : undefined}
          chart={{
            kind: 'donut',
            data: byProvider.map((row) => ({
              name: providerLabel(row.provider),
              data: [{ key: providerLabel(row.provider), value: row.calls }],
            })),
            formatY: formatCount,
          }}
          table={{
            columns: ['Provider', 'Calls', 'Cost'],
            rows: byProvider.map((row) => [providerLabel(row.provider), row.calls, formatMicroUsd(row.costMicroUsd)]),
          }}
        />
      </InlineGrid>
      <UsageTable
        title="By model"
        heading="Model"
        rows={byModel.map((row) => ({ name: choiceLabel(row), ...row }))}
        totals={totals}
      />
      <UsageTable
        title="By task"
        heading="Task"
        rows={byTask.map((row) => ({ name: taskLabel(row.task), ...row }))}
        totals={totals}
      />
    </BlockStack>
  );
}

type Figures = AiUsageReport['totals'];

function UsageTable({
  title,
  heading,
  rows,
  totals,
}: {
  title: string;
  heading: string;
  rows: (Figures & { name: string })[];
  totals: Figures;
}) {
  const cells = (row: Figures) => [
    formatCount(row.calls),
    formatCount(row.inputTokens),
    formatCount(row.outputTokens),
    formatMicroUsd(row.costMicroUsd),
    formatCount(row.errors),
    formatCount(row.cached),
    `${formatCount(row.averageLatencyMs)} ms`,
  ];
  return (
    <Card padding="0">
      <BlockStack>
        <Box paddingBlockStart="400" paddingInline="400">
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
        </Box>
        {rows.length > 0 ? (
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric']}
            headings={[heading, 'Calls', 'Tokens in', 'Tokens out', 'Cost', 'Errors', 'From cache', 'Average latency']}
            rows={rows.map((row) => [row.name, ...cells(row)])}
            totals={['', ...cells(totals)]}
            showTotalsInFooter
          />
        ) : (
          <Box padding="400">
            <Empty />
          </Box>
        )}
      </BlockStack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="100">
      <Text as="p" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}

function Empty() {
  return (
    <Text as="p" tone="subdued">
      No AI calls in this period.
    </Text>
  );
}
