import { useFetcher } from '@remix-run/react';
import { Badge, Banner, BlockStack, Box, Button, Card, InlineStack, ProgressBar, Text } from '@shopify/polaris';
import { type ActionResult, failureOf } from '~/admin/settings-common/action-result';
import { formatDateTime } from '~/admin/settings-common/time-ago';
import { useAppLayout, useCan } from '~/lib/csrf';
import type { RunRow } from '../../../../server/src/transport/admin/content.admin';
import { formatCount, formatMicroUsd } from '../insights/format';
import { languageName, runStatusLabels } from './content-labels';
import { isRunActive, runPercent } from './run-progress';

/** The latest runs with their progress (patched live by the page), a way to their drafts, and Cancel. */
export function RunsCard(props: { runs: RunRow[]; kindLabels: Record<string, string>; selectedRunId: string }) {
  return (
    <Card padding="0">
      <Box padding="400" paddingBlockEnd="200">
        <Text as="h2" variant="headingMd">
          Recent runs
        </Text>
      </Box>
      {props.runs.map((run, index) => (
        <Box
          key={run.id}
          padding="400"
          borderBlockStartWidth={index === 0 ? undefined : '025'}
          borderColor="border-secondary"
        >
          <RunProgressRow run={run} kindLabels={props.kindLabels} selected={run.id === props.selectedRunId} />
        </Box>
      ))}
    </Card>
  );
}

function RunProgressRow({
  run,
  kindLabels,
  selected,
}: {
  run: RunRow;
  kindLabels: Record<string, string>;
  selected: boolean;
}) {
  const { csrfToken } = useAppLayout();
  const canCancel = useCan('content.approve') && isRunActive(run.status);
  const canceller = useFetcher<ActionResult<{ run: unknown }>>({ key: `cancel-${run.id}` });
  const failure = failureOf(canceller.data);
  const status = runStatusLabels[run.status];
  const title = run.kinds.map((kind) => kindLabels[kind] ?? kind).join(', ');
  const labelId = `content-run-${run.id}`;
  const finished = run.doneItems + run.failedItems;

  return (
    <article aria-labelledby={labelId}>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <BlockStack gap="050">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h3" variant="headingSm" id={labelId}>
                {title}
              </Text>
              <Badge tone={status.tone}>{status.label}</Badge>
            </InlineStack>
            <Text as="p" variant="bodySm" tone="subdued">
              {`Started ${formatDateTime(run.createdAt)} · ${run.languages.map(languageName).join(', ')}`}
            </Text>
          </BlockStack>
          <InlineStack gap="200">
            {selected ? (
              <Text as="span" tone="subdued">
                Its drafts are listed below
              </Text>
            ) : (
              <Button url={`/content?run=${run.id}`} accessibilityLabel={`Review drafts of ${title}`}>
                Review drafts
              </Button>
            )}
            {canCancel ? (
              <Button
                tone="critical"
                loading={canceller.state !== 'idle'}
                accessibilityLabel={`Cancel run ${title}`}
                onClick={() =>
                  canceller.submit({ _csrf: csrfToken, intent: 'cancel', runId: run.id }, { method: 'post' })
                }
              >
                Cancel
              </Button>
            ) : null}
          </InlineStack>
        </InlineStack>
        <ProgressBar
          progress={runPercent(run)}
          tone={run.status === 'failed' ? 'critical' : run.status === 'completed' ? 'success' : 'highlight'}
          ariaLabelledBy={labelId}
          animated={isRunActive(run.status)}
        />
        <InlineStack gap="400" align="space-between">
          <Text as="p">
            <span aria-live="polite">
              {`${formatCount(run.doneItems)} done · ${formatCount(run.failedItems)} failed · ${formatCount(run.remainingItems)} remaining`}
            </span>
            <Text as="span" tone="subdued">{` (${formatCount(finished)} of ${formatCount(run.totalItems)})`}</Text>
          </Text>
          <Text as="p" tone="subdued">
            {`Cost so far ${formatMicroUsd(run.costMicroUsd)} of ${formatMicroUsd(run.estimatedCostMicroUsd)} estimated`}
          </Text>
        </InlineStack>
        {run.error ? (
          <Text as="p" tone="critical">
            {run.error}
          </Text>
        ) : null}
        {failure ? (
          <Banner tone="critical">
            <p>{failure.message}</p>
          </Banner>
        ) : null}
      </BlockStack>
    </article>
  );
}
