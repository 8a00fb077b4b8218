import { useLoaderData, useNavigate } from '@remix-run/react';
import { BlockStack, Layout, Page } from '@shopify/polaris';
import { useCallback, useState } from 'react';
import { BrandVoiceCard } from './brand-voice-card';
import type { ContentLoaderData } from './content.server';
import { DraftsCard } from './drafts-card';
import { ExportCard } from './export-card';
import { GenerateCard } from './generate-card';
import { AgentConnection, LiveBadge, useLiveState } from './live-connection';
import { PageNotice } from './page-notice';
import { ReviewAnalysisCard } from './review-analysis-card';
import { isRunActive } from './run-progress';
import { RunsCard } from './runs-card';
import { useLiveRuns } from './use-live-runs';

/**
 * The content studio: generate drafts in bulk (with an estimate first),
 * follow the runs live, review the drafts (in bulk here, one by one on their
 * own page) and export what was approved. Viewers see all of it, without the
 * buttons that change anything.
 */
export default function ContentPage() {
  const data = useLoaderData() as ContentLoaderData;
  const navigate = useNavigate();
  const [live, setLive] = useLiveState(Boolean(data.agentToken));
  const runs = useLiveRuns(data.runs, live.socket, live.mode);
  const [notice, setNotice] = useState<string | null>(null);
  const showRun = useCallback(
    (message: string) => (run: { id: string }) => {
      setNotice(message);
      navigate(`/content?run=${run.id}`, { preventScrollReset: true });
    },
    [navigate],
  );
  const running = runs.some((run) => isRunActive(run.status));

  return (
    <Page
      title="Content studio"
      subtitle="Descriptions, SEO and ad copy for your products, written by AI and approved by your team"
      titleMetadata={live.mode === 'live' || running ? <LiveBadge mode={live.mode} /> : null}
    >
      {data.agentToken ? <AgentConnection agentToken={data.agentToken} onChange={setLive} /> : null}
      <PageNotice message={notice} onDismiss={() => setNotice(null)} />
      <Layout>
        <Layout.Section>
          <GenerateCard data={data} onStarted={showRun('Run started. Drafts appear below as they are written.')} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <BrandVoiceCard voice={data.brandVoice} />
            <ReviewAnalysisCard data={data} onStarted={showRun('Analysis started. It appears below as a draft.')} />
            <ExportCard runId={data.filters.run} />
          </BlockStack>
        </Layout.Section>
        {runs.length > 0 ? (
          <Layout.Section>
            <RunsCard runs={runs} kindLabels={data.kindLabels} selectedRunId={data.filters.run} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <DraftsCard data={data} onNotice={setNotice} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
