import { BlockStack, Card, DataTable, InlineGrid, Text } from '@shopify/polaris';
import type { HomeDashboard } from '../../../../server/src/modules/analytics';
import { ChartCard } from '../insights/chart-card';
import { formatCount } from '../insights/format';
import { intentLabel } from './home-labels';

/** Red, grey and green as the rest of the admin uses them, so the donut reads at a glance. */
const sentimentColors = { negative: '#e22c38', neutral: '#8a8a8a', positive: '#29845a' };

const notAnalysed =
  'Intent and sentiment come from the AI’s analysis of each conversation once it goes quiet; in offline mode conversations are not analysed.';

/** What shoppers ask about, in the AI's words (intents) and in their own (opening questions), and how they feel. */
export function QuestionsAndSentiment({ dashboard }: { dashboard: HomeDashboard }) {
  const { topIntents, topQuestions, sentiment } = dashboard;
  const rated = sentiment.negative + sentiment.neutral + sentiment.positive;
  const sentimentRows: [string, number, string][] = [
    ['Negative', sentiment.negative, sentimentColors.negative],
    ['Neutral', sentiment.neutral, sentimentColors.neutral],
    ['Positive', sentiment.positive, sentimentColors.positive],
  ];
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
      <ChartCard
        title="Top intents"
        summary={
          topIntents.length > 0
            ? `Most conversations were about ${intentLabel(topIntents[0]?.intent ?? '').toLowerCase()}.`
            : notAnalysed
        }
        empty={topIntents.length === 0 ? <EmptyNote text="No analysed conversations in this period." /> : undefined}
        chart={{
          kind: 'bar',
          horizontal: true,
          data: [
            {
              name: 'Conversations',
              data: topIntents.map((row) => ({ key: intentLabel(row.intent), value: row.conversations })),
            },
          ],
          formatY: formatCount,
        }}
        table={{
          columns: ['Intent', 'Conversations'],
          rows: topIntents.map((row) => [intentLabel(row.intent), row.conversations]),
        }}
      />
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingSm">
            Top opening questions
          </Text>
          {topQuestions.length > 0 ? (
            <DataTable
              columnContentTypes={['text', 'numeric']}
              headings={['Shopper’s first message', 'Conversations']}
              rows={topQuestions.map((row) => [row.question, formatCount(row.conversations)])}
            />
          ) : (
            <EmptyNote text="No shopper messages in this period yet." />
          )}
          <Text as="p" tone="subdued">
            First messages, lower-cased and with the final punctuation dropped, counted as typed.
          </Text>
        </BlockStack>
      </Card>
      <ChartCard
        title="Sentiment"
        summary={
          rated > 0
            ? `${formatCount(sentiment.positive)} positive, ${formatCount(sentiment.neutral)} neutral and ${formatCount(sentiment.negative)} negative; ${formatCount(sentiment.unrated)} not analysed yet.`
            : notAnalysed
        }
        empty={rated === 0 ? <EmptyNote text="No analysed conversations in this period." /> : undefined}
        chart={{
          kind: 'donut',
          data: sentimentRows.map(([name, value, color]) => ({ name, color, data: [{ key: name, value }] })),
          formatY: formatCount,
        }}
        table={{
          columns: ['Sentiment', 'Conversations'],
          rows: [...sentimentRows, ['Not analysed yet', sentiment.unrated]],
        }}
      />
    </InlineGrid>
  );
}

function EmptyNote({ text }: { text: string }) {
  return (
    <Text as="p" tone="subdued">
      {text}
    </Text>
  );
}
