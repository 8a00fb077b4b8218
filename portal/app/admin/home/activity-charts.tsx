import { InlineGrid } from '@shopify/polaris';
import type { HomeDashboard } from '../../../../server/src/modules/analytics';
import { ChartCard } from '../insights/chart-card';
import { formatCount, formatDay, formatMicroUsd, formatMoney, formatShare } from '../insights/format';

/** The period day by day: conversations, how they were answered, what they sold, what the AI cost. */
export function ActivityCharts({ dashboard }: { dashboard: HomeDashboard }) {
  const { days, totals, currency } = dashboard;
  const series = (name: string, value: (day: HomeDashboard['days'][number]) => number | null) => ({
    name,
    data: days.map((day) => ({ key: day.day, value: value(day) })),
  });
  const busiest = days.reduce<HomeDashboard['days'][number] | null>(
    (best, day) => (!best || day.conversations > best.conversations ? day : best),
    null,
  );
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const percent = (value: number) => formatShare(value);

  return (
    <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
      <ChartCard
        title="Conversations per day"
        summary={
          totals.conversations > 0 && busiest
            ? `${formatCount(totals.conversations)} conversations; the busiest day was ${formatDay(busiest.day)} with ${formatCount(busiest.conversations)}.`
            : 'No conversations in this period yet.'
        }
        chart={{
          kind: 'line',
          data: [
            series('Conversations', (day) => day.conversations),
            series('Answered without a person', (day) => day.answeredByAi),
            series('Handed off', (day) => day.handedOff),
          ],
          formatY: formatCount,
          formatX: formatDay,
        }}
        table={{
          columns: ['Day', 'Conversations', 'Answered without a person', 'Handed off'],
          rows: days.map((day) => [formatDay(day.day), day.conversations, day.answeredByAi, day.handedOff]),
        }}
      />
      <ChartCard
        title="Answered without a person and handoff rate"
        summary={`Over the period: ${formatShare(totals.answeredByAiShare)} answered without a person, ${formatShare(totals.handoffRate)} handed off. Days without conversations have no rate.`}
        chart={{
          kind: 'line',
          data: [
            series('Answered without a person', (day) => share(day.answeredByAi, day.conversations)),
            series('Handoff rate', (day) => share(day.handedOff, day.conversations)),
          ],
          formatY: percent,
          formatX: formatDay,
          maxY: 1,
          fractional: true,
        }}
        table={{
          columns: ['Day', 'Answered without a person', 'Handoff rate'],
          rows: days.map((day) => [
            formatDay(day.day),
            formatShare(share(day.answeredByAi, day.conversations)),
            formatShare(share(day.handedOff, day.conversations)),
          ]),
        }}
      />
      <ChartCard
        title="Assisted revenue per day"
        summary={`${formatMoney(totals.assistedRevenueCents, currency)} from ${formatCount(totals.assistedOrders)} assisted orders.`}
        chart={{
          kind: 'bar',
          data: [series('Assisted revenue', (day) => day.assistedRevenueCents)],
          formatY: (cents) => formatMoney(cents, currency),
          maxY: totals.assistedRevenueCents > 0 ? undefined : 10_000,
          formatX: formatDay,
        }}
        table={{
          columns: ['Day', 'Assisted orders', 'Assisted revenue'],
          rows: days.map((day) => [
            formatDay(day.day),
            day.assistedOrders,
            formatMoney(day.assistedRevenueCents, currency),
          ]),
        }}
      />
      <ChartCard
        title="AI cost per day"
        summary={`${formatMicroUsd(totals.aiCostMicroUsd)} in the period.`}
        chart={{
          kind: 'bar',
          data: [series('AI cost', (day) => day.aiCostMicroUsd)],
          formatY: formatMicroUsd,
          maxY: totals.aiCostMicroUsd > 0 ? undefined : 10_000,
          formatX: formatDay,
        }}
        table={{
          columns: ['Day', 'AI cost'],
          rows: days.map((day) => [formatDay(day.day), formatMicroUsd(day.aiCostMicroUsd)]),
        }}
      />
    </InlineGrid>
  );
}
