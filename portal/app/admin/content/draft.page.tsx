import { useFetcher, useLoaderData } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { formatDateTime } from '~/admin/settings-common/time-ago';
import { useAppLayout, useCan } from '~/lib/csrf';
import { formatMicroUsd } from '../insights/format';
import { draftStatusLabels, languageName } from './content-labels';
import { contentProblems, isEditableKind } from './content-limits';
import type { DraftLoaderData } from './draft.server';
import { ContentEditor, ContentView } from './draft-editor';
import { PageNotice } from './page-notice';
import { RevisionTimeline } from './revision-timeline';

type Draft = DraftLoaderData['draft'];
type Decision = 'approve' | 'reject' | 'reopen';

const decisionNotices: Record<Decision | 'edit', string> = {
  edit: 'Changes saved. The draft is back in review.',
  approve: 'Approved',
  reject: 'Rejected',
  reopen: 'Reopened for review',
};

/** One draft: its content (edited inline by people who may approve), the decision buttons, and its history. */
export default function DraftPage() {
  const { draft } = useLoaderData() as DraftLoaderData;
  const [notice, setNotice] = useState<string | null>(null);
  const status = draftStatusLabels[draft.status];
  const title = draft.product?.title ?? draft.kindLabel;
  return (
    <Page
      title={title}
      subtitle={`${draft.kindLabel} · ${languageName(draft.language)}`}
      titleMetadata={<Badge tone={status.tone}>{status.label}</Badge>}
      backAction={{ content: 'Content studio', url: draft.runId ? `/content?run=${draft.runId}` : '/content' }}
      pagination={{
        hasPrevious: draft.neighbours.previousId !== null,
        previousURL: draft.neighbours.previousId ? `/content/drafts/${draft.neighbours.previousId}` : undefined,
        hasNext: draft.neighbours.nextId !== null,
        nextURL: draft.neighbours.nextId ? `/content/drafts/${draft.neighbours.nextId}` : undefined,
        accessibilityLabels: { previous: 'Previous draft', next: 'Next draft' },
        label: draft.runId ? 'Drafts of this run' : undefined,
      }}
    >
      <PageNotice message={notice} onDismiss={() => setNotice(null)} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {draft.error ? (
              <Banner tone="critical" title={draft.status === 'failed' ? 'This draft failed' : 'Last problem'}>
                <p>{draft.error}</p>
              </Banner>
            ) : null}
            {/* Remounted with each saved version, so the fields show what the server now holds. */}
            <ContentCard key={JSON.stringify(draft.content)} draft={draft} onNotice={setNotice} />
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  History
                </Text>
                <RevisionTimeline kind={draft.kind} revisions={draft.revisions} />
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <DetailsCard draft={draft} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ContentCard({ draft, onNotice }: { draft: Draft; onNotice(message: string): void }) {
  const { csrfToken } = useAppLayout();
  const canChange = useCan('content.approve');
  const editable =
    canChange &&
    draft.allowedActions.includes('edit') &&
    Boolean(draft.content) &&
    isEditableKind(draft.kind, draft.content);
  const [content, setContent] = useState<unknown>(draft.content);
  const [note, setNote] = useState('');
  const fetcher = useFetcher<ActionResult<{ intent: Decision | 'edit' }>>({ key: `draft-${draft.id}` });
  const failure = failureOf(fetcher.data);
  useFetcherSuccess(fetcher, (answer) => {
    setNote('');
    onNotice(decisionNotices[answer.intent]);
  });
  const dirty = JSON.stringify(content) !== JSON.stringify(draft.content);
  const problems = editable ? contentProblems(draft.kind, content, draft.limits) : 0;
  const busy = fetcher.state !== 'idle';
  const post = (intent: Decision | 'edit') => {
    const form = new FormData();
    form.set('_csrf', csrfToken);
    form.set('intent', intent);
    if (intent === 'edit') form.set('content', JSON.stringify(content));
    else form.set('note', note);
    fetcher.submit(form, { method: 'post' });
  };
  const decisions = (['approve', 'reject', 'reopen'] as const).filter((action) =>
    draft.allowedActions.includes(action),
  );

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {draft.kindLabel}
        </Text>
        {failure ? (
          <Banner tone="critical">
            <p>{failure.message}</p>
          </Banner>
        ) : null}
        {editable ? (
          <ContentEditor kind={draft.kind} content={content} limits={draft.limits} onChange={setContent} />
        ) : (
          <ContentView kind={draft.kind} content={draft.content} />
        )}
        {editable ? (
          <InlineStack gap="300" blockAlign="center">
            <Button
              variant="primary"
              disabled={!dirty || problems > 0}
              loading={busy && fetcher.formData?.get('intent') === 'edit'}
              onClick={() => post('edit')}
            >
              Save changes
            </Button>
            <Button disabled={!dirty || busy} onClick={() => setContent(draft.content)}>
              Discard changes
            </Button>
            {problems > 0 ? (
              <Text as="span" tone="critical">
                {`${problems} ${problems === 1 ? 'field needs' : 'fields need'} fixing before saving`}
              </Text>
            ) : null}
          </InlineStack>
        ) : null}
        {canChange && decisions.length > 0 ? (
          <Box paddingBlockStart="200" borderBlockStartWidth="025" borderColor="border-secondary">
            <BlockStack gap="300">
              <TextField
                label="Note for the history (optional)"
                value={note}
                onChange={setNote}
                autoComplete="off"
                maxLength={1000}
              />
              <InlineStack gap="200" blockAlign="center">
                {decisions.map((decision) => (
                  <Button
                    key={decision}
                    variant={decision === 'approve' ? 'primary' : 'secondary'}
                    tone={decision === 'reject' ? 'critical' : undefined}
                    disabled={dirty || (busy && fetcher.formData?.get('intent') !== decision)}
                    loading={busy && fetcher.formData?.get('intent') === decision}
                    onClick={() => post(decision)}
                  >
                    {decision === 'approve' ? 'Approve' : decision === 'reject' ? 'Reject' : 'Reopen'}
                  </Button>
                ))}
                {dirty ? (
                  <Text as="span" tone="subdued">
                    Save or discard your changes first.
                  </Text>
                ) : null}
              </InlineStack>
            </BlockStack>
          </Box>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function DetailsCard({ draft }: { draft: Draft }) {
  const rows: [string, string][] = [
    ['Product', draft.product ? `${draft.product.title} (${draft.product.handle})` : 'None'],
    ['Language', languageName(draft.language)],
    ['Model', draft.model ? `${draft.provider ? `${draft.provider} · ` : ''}${draft.model}` : '—'],
    ['Prompt version', draft.promptVersion ?? '—'],
    ['Cost', formatMicroUsd(draft.costMicroUsd)],
    ['Generated', draft.generatedAt ? formatDateTime(draft.generatedAt) : '—'],
    ['Reviewed', draft.reviewedAt ? formatDateTime(draft.reviewedAt) : '—'],
    ['Published', draft.publishedAt ? formatDateTime(draft.publishedAt) : '—'],
  ];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Details
        </Text>
        {rows.map(([label, value]) => (
          <InlineGrid columns={2} gap="200" key={label}>
            <Text as="p" tone="subdued">
              {label}
            </Text>
            <Text as="p" breakWord>
              {value}
            </Text>
          </InlineGrid>
        ))}
      </BlockStack>
    </Card>
  );
}
