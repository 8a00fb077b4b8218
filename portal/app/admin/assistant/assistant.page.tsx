import { useFetcher, useLoaderData } from '@remix-run/react';
import {
  Banner,
  BlockStack,
  Box,
  Button,
  ContextualSaveBar,
  InlineGrid,
  InlineStack,
  Page,
  Text,
} from '@shopify/polaris';
import { useMemo, useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { useAppLayout, useCan } from '~/lib/csrf';
import { AllowedOriginsCard } from './allowed-origins-card';
import type { loader } from './assistant.server';
import { BrandingSection } from './branding-section';
import { GreetingSection } from './greeting-section';
import { HandoffSection } from './handoff-section';
import { KnowledgeCard } from './knowledge-card';
import { PersonaSection } from './persona-section';
import { type Settings, sameSettings, toWidgetConfig } from './settings-draft';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { WidgetPreview } from './widget-preview';

type Saved = ActionResult<{ intent: 'saveSettings'; settings: Settings }>;

/** Blank quick-reply lines are how people type the next one; they are not saved. */
function forSaving(draft: Settings): Settings {
  const quickReplies = draft.assistant.quickReplies.map((reply) => reply.trim()).filter(Boolean);
  return { ...draft, assistant: { ...draft.assistant, quickReplies } };
}

export default function AssistantPage() {
  const page = useLoaderData<typeof loader>();
  const canEdit = useCan('workspace.settings.write');
  const { csrfToken } = useAppLayout();
  const [draft, setDraft] = useState<Settings>(page.settings);
  const fetcher = useFetcher<Saved>({ key: 'assistant-settings' });
  const failure = failureOf(fetcher.data);
  const [savedNotice, setSavedNotice] = useState(false);
  useFetcherSuccess(fetcher, (data) => {
    setDraft(data.settings);
    setSavedNotice(true);
  });

  const dirty = !sameSettings(forSaving(draft), page.settings);
  const saving = fetcher.state !== 'idle';
  const update = (change: (current: Settings) => Settings) => {
    setSavedNotice(false);
    setDraft(change);
  };
  const save = () =>
    fetcher.submit(
      { intent: 'saveSettings', _csrf: csrfToken, settings: JSON.stringify(forSaving(draft)) },
      { method: 'post' },
    );
  const discard = () => setDraft(page.settings);
  const previewConfig = useMemo(() => toWidgetConfig(draft, page.workspace), [draft, page.workspace]);
  const section = { draft, update, errors: failure?.fieldErrors, readOnly: !canEdit };

  return (
    <Page title="Assistant" subtitle="How your assistant talks, what it knows and how it looks on your store">
      {canEdit && dirty ? (
        <ContextualSaveBar
          message="Unsaved changes"
          saveAction={{ content: 'Save', onAction: save, loading: saving }}
          discardAction={{ content: 'Discard', onAction: discard, disabled: saving }}
        />
      ) : null}
      <UnsavedChangesGuard dirty={canEdit && dirty && !saving} />
      {/* A grid rather than Layout: its cells stretch, so the preview can stay in view while scrolling. */}
      <InlineGrid columns={{ xs: 1, md: ['twoThirds', 'oneThird'] }} gap="400">
        <BlockStack gap="400">
          {canEdit ? null : (
            <Banner tone="info">
              <p>You can look at these settings; an owner or admin can change them.</p>
            </Banner>
          )}
          {failure ? (
            <Banner tone="critical" title="The settings were not saved">
              <p>{failure.message}</p>
            </Banner>
          ) : null}
          {savedNotice && !dirty ? (
            <Banner tone="success" onDismiss={() => setSavedNotice(false)}>
              <p>Saved. Shoppers see the new settings on their next page view.</p>
            </Banner>
          ) : null}
          <PersonaSection {...section} />
          <GreetingSection {...section} />
          <HandoffSection {...section} timezones={page.timezones} workspaceTimezone={page.workspace.timezone} />
          <BrandingSection {...section} />
          {canEdit ? (
            <Box paddingBlockEnd="200">
              <InlineStack align="end" gap="300">
                {dirty ? (
                  <Text as="span" tone="subdued">
                    Unsaved changes
                  </Text>
                ) : null}
                <Button onClick={discard} disabled={!dirty || saving}>
                  Discard
                </Button>
                <Button variant="primary" onClick={save} disabled={!dirty} loading={saving}>
                  Save settings
                </Button>
              </InlineStack>
            </Box>
          ) : null}
          <AllowedOriginsCard origins={page.allowedOrigins} readOnly={!canEdit} hasWidgetKey={page.hasWidgetKey} />
          <KnowledgeCard kind="policy" page={page.policies} readOnly={!canEdit} policyTopics={page.policyTopics} />
          <KnowledgeCard kind="faq" page={page.faq} readOnly={!canEdit} policyTopics={page.policyTopics} />
        </BlockStack>
        <div>
          <div style={{ position: 'sticky', top: 72 }}>
            <WidgetPreview config={previewConfig} />
          </div>
        </div>
      </InlineGrid>
    </Page>
  );
}
