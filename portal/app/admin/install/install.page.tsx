import { useLoaderData, useRevalidator } from '@remix-run/react';
import { Badge, Banner, BlockStack, Card, InlineStack, Layout, Link, List, Page, Text } from '@shopify/polaris';
import { useEffect } from 'react';
import { CopyField } from '~/admin/settings-common/copy-field';
import { formatDateTime, timeAgo } from '~/admin/settings-common/time-ago';
import type { loader } from './install.server';

/** While the widget has not loaded anywhere, look again this often: the merchant is pasting the snippet right now. */
const waitingRefreshMs = 5_000;

export default function InstallPage() {
  const install = useLoaderData<typeof loader>();
  useRefreshWhileWaiting(install.lastSeen === null);
  return (
    <Page title="Install" subtitle="Put the assistant on your store">
      <Layout>
        {install.welcome ? (
          <Layout.Section>
            <Banner tone="success" title="Welcome to Closer">
              <p>
                Your workspace is ready. Paste the snippet below into your store’s pages and your assistant starts
                answering shoppers.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        {install.shopDomain ? (
          <Layout.Section>
            <Banner tone="info" title="Shopify installs it for you">
              <p>
                {install.shopDomain} runs on Shopify: the Closer app adds the widget through its app embed, so you do
                not need to paste this snippet. Turn the embed on in your theme editor under App embeds.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                Snippet
              </Text>
              {install.snippet ? (
                <CopyField
                  label="Install snippet"
                  value={install.snippet}
                  multiline={2}
                  helpText="Paste it before the closing </body> tag of every page, or once in your site’s layout template."
                />
              ) : (
                <Banner tone="warning">
                  <p>This workspace has no active widget key. Ask an owner to contact support.</p>
                </Banner>
              )}
              {install.allowedOrigins.length > 0 ? (
                <Text as="p" tone="subdued">
                  The widget only loads on {install.allowedOrigins.join(', ')}. Change this under{' '}
                  <Link url="/assistant#allowed-origins">Assistant › Allowed origins</Link>.
                </Text>
              ) : null}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InstallCheck lastSeen={install.lastSeen} checkedAt={install.checkedAt} demoStoreUrl={install.demoStoreUrl} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function InstallCheck(props: {
  lastSeen: { at: Date; origin: string | null } | null;
  checkedAt: Date;
  demoStoreUrl: string | null;
}) {
  const { lastSeen } = props;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Install check
          </Text>
          {lastSeen ? <Badge tone="success">Installed</Badge> : <Badge tone="attention">Waiting</Badge>}
        </InlineStack>
        <div role="status">
          {lastSeen ? (
            <Text as="p">
              Last loaded{' '}
              <time dateTime={new Date(lastSeen.at).toISOString()} title={formatDateTime(lastSeen.at)}>
                {timeAgo(lastSeen.at, props.checkedAt)}
              </time>{' '}
              on {lastSeen.origin ?? 'a page that did not say where it was'}
            </Text>
          ) : (
            <Text as="p">Not loaded yet</Text>
          )}
        </div>
        {lastSeen ? null : (
          <BlockStack gap="200">
            <List type="number">
              <List.Item>Paste the snippet into your store’s pages and publish them.</List.Item>
              <List.Item>Open any page of your store in a browser.</List.Item>
              <List.Item>Come back here: this check updates by itself within a few seconds.</List.Item>
            </List>
            {props.demoStoreUrl ? (
              <Text as="p">
                Or see it on the demo store: <Link url={props.demoStoreUrl}>open the demo storefront</Link>.
              </Text>
            ) : null}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

/** Re-reads the page every few seconds until the widget has loaded, pausing while the tab is hidden. */
function useRefreshWhileWaiting(waiting: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && state === 'idle') revalidate();
    }, waitingRefreshMs);
    return () => clearInterval(timer);
  }, [waiting, revalidate, state]);
}
