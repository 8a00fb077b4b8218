import { useFetcher, useNavigation } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Card,
  IndexTable,
  InlineStack,
  Link,
  Select,
  Text,
  useIndexResourceState,
} from '@shopify/polaris';
import { useMemo, useState } from 'react';
import { ListEmptyState } from '~/admin/imports/list-empty-state';
import { ListPagination } from '~/admin/imports/list-pagination';
import { ListSearchForm } from '~/admin/imports/list-search-form';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { formatDateTime } from '~/admin/settings-common/time-ago';
import { useAppLayout, useCan } from '~/lib/csrf';
import { formatCount } from '../insights/format';
import type { ContentLoaderData } from './content.server';
import { type DraftStatus, draftStatusLabels, draftStatusOrder, languageName } from './content-labels';

type BulkIntent = 'approve' | 'reject' | 'publish' | 'translate';
type BulkAnswer = ActionResult<{
  intent: BulkIntent;
  outcome?: { changed: number; skipped: number };
  publishing?: { products: number; skipped: number };
  runs?: { totalItems: number }[];
}>;

const drafts = (count: number) => `${formatCount(count)} ${count === 1 ? 'draft' : 'drafts'}`;

/** What a bulk action did, in one sentence for the toast. */
function describeBulk(answer: Extract<BulkAnswer, { ok: true }>): string {
  const skipped = answer.outcome?.skipped ?? answer.publishing?.skipped ?? 0;
  const skippedText =
    skipped > 0 ? `; ${drafts(skipped)} skipped (${skipped === 1 ? 'its' : 'their'} status does not allow it)` : '';
  switch (answer.intent) {
    case 'approve':
      return `${drafts(answer.outcome?.changed ?? 0)} approved${skippedText}`;
    case 'reject':
      return `${drafts(answer.outcome?.changed ?? 0)} rejected${skippedText}`;
    case 'publish': {
      const products = answer.publishing?.products ?? 0;
      return `Publishing to ${formatCount(products)} Shopify ${products === 1 ? 'product' : 'products'}${skippedText}`;
    }
    case 'translate': {
      const items = (answer.runs ?? []).reduce((sum, run) => sum + run.totalItems, 0);
      return `Translating: ${drafts(items)} queued`;
    }
  }
}

/**
 * Drafts under a filter (run, status, kind, product search), a page at a
 * time, with bulk Approve / Reject / Publish / Translate for people who may
 * approve content. Each draft opens its own page for editing and history.
 */
export function DraftsCard(props: { data: ContentLoaderData; onNotice(message: string): void }) {
  const { data } = props;
  const { csrfToken } = useAppLayout();
  const canApprove = useCan('content.approve');
  const resources = useMemo(() => data.drafts.map((draft) => ({ id: draft.id })), [data.drafts]);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(resources);
  const shown = new Set(data.drafts.map((draft) => draft.id));
  const selected = selectedResources.filter((id) => shown.has(id));
  const bulk = useFetcher<BulkAnswer>({ key: 'content-bulk' });
  const failure = failureOf(bulk.data);
  useFetcherSuccess(bulk, (answer) => {
    clearSelection();
    props.onNotice(describeBulk(answer));
  });
  // "Select all N drafts" reaches past this page: the server applies the action to every draft the
  // filters match, so the page never sends thousands of ids.
  const morePages = data.total > data.drafts.length;
  const act = (intent: BulkIntent) => {
    const form = new FormData();
    form.set('_csrf', csrfToken);
    form.set('intent', intent);
    if (allResourcesSelected && morePages) {
      form.set('selection', 'matching');
      for (const [name, value] of Object.entries(data.filters)) if (value) form.set(name, value);
    } else {
      for (const id of selected) form.append('draftId', id);
    }
    bulk.submit(form, { method: 'post' });
  };
  const busy = bulk.state !== 'idle';

  const filtered = Boolean(data.filters.run || data.filters.status || data.filters.kind || data.filters.q);
  const matching = `${drafts(data.total)}${filtered ? ' matching the filters' : ''}`;
  const otherLanguages = data.languages.filter((code) => code !== data.locale);
  return (
    <Card padding="0">
      <Box padding="400" paddingBlockEnd="0">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Drafts
          </Text>
          <Text as="span" tone="subdued">
            {`${drafts(data.total)}${filtered ? ' match the filters' : ''}`}
          </Text>
        </InlineStack>
      </Box>
      {/* Remounted when the filters change by a link (a run's "Review drafts"), so the fields show them. */}
      <DraftFilters key={JSON.stringify(data.filters)} data={data} />
      {failure ? (
        <Box paddingInline="400" paddingBlockEnd="300">
          <Banner tone="critical">
            <p>{failure.message}</p>
          </Banner>
        </Box>
      ) : null}
      <IndexTable
        resourceName={{ singular: 'draft', plural: 'drafts' }}
        itemCount={data.drafts.length}
        selectable={canApprove}
        selectedItemsCount={allResourcesSelected ? 'All' : selected.length}
        onSelectionChange={handleSelectionChange}
        hasMoreItems={morePages}
        paginatedSelectAllActionText={`Select all ${matching}`}
        paginatedSelectAllText={`All ${matching} are selected`}
        promotedBulkActions={[
          { content: 'Approve', onAction: () => act('approve'), disabled: busy },
          { content: 'Reject', onAction: () => act('reject'), disabled: busy },
          ...(data.canPublishToShopify
            ? [{ content: 'Publish to Shopify', onAction: () => act('publish'), disabled: busy }]
            : []),
        ]}
        bulkActions={
          // Translation needs a second language (added on the Assistant page).
          otherLanguages.length > 0
            ? [
                {
                  content: `Translate into ${otherLanguages.map(languageName).join(', ')}`,
                  onAction: () => act('translate'),
                  disabled: busy,
                },
              ]
            : []
        }
        headings={[
          { title: 'Product' },
          { title: 'Content' },
          { title: 'Language' },
          { title: 'Status' },
          { title: 'Draft' },
          { title: 'Model' },
        ]}
        emptyState={
          <ListEmptyState
            title={filtered ? 'No drafts match these filters' : 'No drafts yet'}
            hint={
              filtered
                ? 'Change the filters, or clear them to see every draft.'
                : 'Choose products and kinds of content above, then generate drafts.'
            }
          />
        }
      >
        {data.drafts.map((draft, position) => {
          const status = draftStatusLabels[draft.status];
          return (
            <IndexTable.Row
              id={draft.id}
              key={draft.id}
              position={position}
              selected={selected.includes(draft.id) || allResourcesSelected}
            >
              <IndexTable.Cell>
                <Link url={`/content/drafts/${draft.id}`} dataPrimaryLink monochrome removeUnderline>
                  <Text as="span" fontWeight="semibold">
                    {draft.product?.title ?? (draft.kind === 'review_analysis' ? 'Reviews (no product)' : 'No product')}
                  </Text>
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>{draft.kindLabel}</IndexTable.Cell>
              <IndexTable.Cell>{draft.language}</IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={status.tone}>{status.label}</Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Box maxWidth="28rem">
                  {draft.error ? (
                    <Text as="span" tone="critical" truncate>
                      {draft.error}
                    </Text>
                  ) : (
                    <Text as="span" tone="subdued" truncate>
                      {draft.summary || '—'}
                    </Text>
                  )}
                </Box>
              </IndexTable.Cell>
              <IndexTable.Cell>{draft.model ?? '—'}</IndexTable.Cell>
            </IndexTable.Row>
          );
        })}
      </IndexTable>
      <DraftPagination data={data} />
    </Card>
  );
}

function DraftFilters({ data }: { data: ContentLoaderData }) {
  const navigation = useNavigation();
  const [run, setRun] = useState(data.filters.run);
  const [status, setStatus] = useState(data.filters.status);
  const [kind, setKind] = useState(data.filters.kind);
  const counted = (count: number | undefined) => ` (${formatCount(count ?? 0)})`;
  const runOptions = [
    { label: 'All runs', value: '' },
    ...data.runs.map((entry) => ({
      label: `${formatDateTime(entry.createdAt)} · ${entry.kinds.map((item) => data.kindLabels[item] ?? item).join(', ')}`,
      value: entry.id,
    })),
  ];
  // A run chosen by link that is older than the recent ones still shows as chosen.
  if (run && !runOptions.some((option) => option.value === run))
    runOptions.push({ label: 'An earlier run', value: run });
  const totalCount = Object.values(data.counts).reduce((sum, count) => sum + (count ?? 0), 0);
  return (
    <ListSearchForm
      label="Search drafts by product"
      initialQuery={data.filters.q}
      placeholder="Product title or handle"
      submitLabel="Filter"
      submitting={navigation.state === 'loading' && navigation.location.pathname === '/content'}
    >
      <Select label="Run" name="run" options={runOptions} value={run} onChange={setRun} />
      <Select
        label="Status"
        name="status"
        options={[
          { label: `Any status${counted(totalCount)}`, value: '' },
          ...draftStatusOrder.map((value: DraftStatus) => ({
            label: `${draftStatusLabels[value].label}${counted(data.counts[value])}`,
            value,
          })),
        ]}
        value={status}
        onChange={setStatus}
      />
      <Select
        label="Content"
        name="kind"
        options={[
          { label: 'Every kind', value: '' },
          ...Object.entries(data.kindLabels).map(([value, label]) => ({ label, value })),
        ]}
        value={kind}
        onChange={setKind}
      />
    </ListSearchForm>
  );
}

function DraftPagination({ data }: { data: ContentLoaderData }) {
  const url = (page: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(data.filters)) if (value) params.set(name, value);
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return query ? `/content?${query}` : '/content';
  };
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <BlockStack>
      <ListPagination
        label={`Page ${data.page} of ${formatCount(pages)}`}
        previousUrl={data.page > 1 ? url(data.page - 1) : null}
        nextUrl={data.hasNext ? url(data.page + 1) : null}
      />
    </BlockStack>
  );
}
