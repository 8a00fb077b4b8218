import { useFetcher, useLoaderData, useRevalidator } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Text,
} from '@shopify/polaris';
import { useEffect, useRef } from 'react';
import { failureOf } from '~/admin/settings-common/action-result';
import { formatDateTime } from '~/admin/settings-common/time-ago';
import { useAppLayout, useCan } from '~/lib/csrf';
import { isActive, kindPages, numberFormat, statusBadges } from './import-labels';
import type { loader } from './import-run.server';
import { ListPagination } from './list-pagination';

type RunData = ReturnType<typeof useLoaderData<typeof loader>>;

/** One import: live progress while it runs (the loader is re-read every second), then the rows it could not import. */
export default function ImportRunPage() {
  const { run, problems } = useLoaderData<typeof loader>();
  const active = isActive(run.status);
  useRevalidateWhile(active, 1_000);
  const kindPage = kindPages[run.kind];
  const badge = statusBadges[run.status];

  return (
    <Page
      title={run.fileName}
      titleMetadata={<Badge tone={badge.tone}>{badge.label}</Badge>}
      subtitle={`${run.formatLabel} · started ${formatDateTime(run.createdAt)}`}
      backAction={{ content: kindPage.title, url: kindPage.url }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Outcome run={run} />
            <ProgressCard run={run} />
            <ProblemsCard run={run} problems={problems} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** Re-reads the page's data every `intervalMs` while `active`, skipping a beat when the last read is still out. */
function useRevalidateWhile(active: boolean, intervalMs: number) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (latest.current.state === 'idle') latest.current.revalidate();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}

function Outcome({ run }: { run: RunData['run'] }) {
  const kindPage = kindPages[run.kind];
  if (run.status === 'succeeded') {
    return (
      <Banner
        tone={run.failedRows > 0 ? 'warning' : 'success'}
        title="Import finished"
        action={{ content: `View ${kindPage.rows}`, url: kindPage.url }}
      >
        <p>
          {numberFormat.format(run.importedRows)} {run.importedRows === 1 ? 'row' : 'rows'} imported
          {run.failedRows > 0 ? `, ${numberFormat.format(run.failedRows)} could not be imported (listed below).` : '.'}
        </p>
      </Banner>
    );
  }
  if (run.status === 'failed') {
    return (
      <Banner tone="critical" title="Import failed">
        <p>{run.error ?? 'The import stopped.'}</p>
        {run.importedRows > 0 ? (
          <p>{numberFormat.format(run.importedRows)} rows were imported before it stopped.</p>
        ) : null}
      </Banner>
    );
  }
  if (run.status === 'cancelled') {
    return (
      <Banner tone="info" title="Import cancelled">
        <p>
          It stopped after {numberFormat.format(run.processedRows)} rows; the {numberFormat.format(run.importedRows)}{' '}
          imported by then are kept.
        </p>
      </Banner>
    );
  }
  return null;
}

function ProgressCard({ run }: { run: RunData['run'] }) {
  const { csrfToken } = useAppLayout();
  const canCancel = useCan('catalog.write') && isActive(run.status);
  const fetcher = useFetcher();
  const failure = failureOf(fetcher.data);
  const progress = run.totalRows
    ? Math.min(100, (100 * run.processedRows) / run.totalRows)
    : run.status === 'succeeded'
      ? 100
      : 0;
  const status =
    run.status === 'queued'
      ? 'Waiting to start…'
      : run.totalRows === null
        ? 'Reading the file…'
        : `${numberFormat.format(run.processedRows)} of ${numberFormat.format(run.totalRows)} rows read`;

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd" id="import-progress-label">
            Progress
          </Text>
          {canCancel ? (
            <fetcher.Form method="post">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="intent" value="cancel" />
              <Button submit tone="critical" variant="secondary" loading={fetcher.state !== 'idle'}>
                Cancel import
              </Button>
            </fetcher.Form>
          ) : null}
        </InlineStack>
        <ProgressBar
          progress={progress}
          tone={run.status === 'failed' ? 'critical' : run.status === 'succeeded' ? 'success' : 'highlight'}
          ariaLabelledBy="import-progress-label"
        />
        <Text as="p" tone="subdued" id="import-progress-status">
          <span aria-live="polite">{status}</span>
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
          <Figure label="Imported" value={run.importedRows} />
          <Figure label="Could not be imported" value={run.failedRows} />
          <Figure label="Rows in the file" value={run.totalRows} />
        </InlineGrid>
        {failure ? (
          <Banner tone="critical">
            <p>{failure.message}</p>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: number | null }) {
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value === null ? '—' : numberFormat.format(value)}
      </Text>
    </BlockStack>
  );
}

function ProblemsCard({ run, problems }: RunData) {
  if (problems.kept === 0) {
    return isActive(run.status) ? null : (
      <Card>
        <Text as="p" tone="subdued">
          Every row was imported.
        </Text>
      </Card>
    );
  }
  const pageUrl = (page: number) => `?page=${page}`;
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <Box padding="400" paddingBlockEnd="0">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Rows not imported
            </Text>
            <Text as="p" tone="subdued">
              Row numbers are as a spreadsheet shows them (the header is row 1); in feeds, the item’s position.
              {run.failedRows > problems.kept
                ? ` The first ${numberFormat.format(problems.kept)} problems are kept.`
                : ''}
            </Text>
          </BlockStack>
        </Box>
        <DataTable
          columnContentTypes={['numeric', 'text', 'text']}
          headings={['Row', 'Column', 'Problem']}
          rows={problems.rows.map((problem) => [problem.row, problem.field ?? '—', problem.message])}
          verticalAlign="top"
        />
        <ListPagination
          label={`Page ${problems.page} of ${problems.pages}`}
          previousUrl={problems.page > 1 ? pageUrl(problems.page - 1) : null}
          nextUrl={problems.page < problems.pages ? pageUrl(problems.page + 1) : null}
        />
      </BlockStack>
    </Card>
  );
}
