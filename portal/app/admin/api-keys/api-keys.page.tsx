import { useFetcher, useLoaderData } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  ChoiceList,
  DataTable,
  FormLayout,
  InlineStack,
  Modal,
  Page,
  Text,
  TextField,
} from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { CopyField } from '~/admin/settings-common/copy-field';
import { formatDate, formatDateTime, timeAgo } from '~/admin/settings-common/time-ago';
import { useAppLayout } from '~/lib/csrf';
import type { loader } from './api-keys.server';
import { scopeDescriptions } from './scope-descriptions';

type KeyRow = ReturnType<typeof useLoaderData<typeof loader>>['keys'][number];
type Created = ActionResult<{ intent: 'create'; secret: string; apiKey: { name: string } }>;

export default function ApiKeysPage() {
  const { keys, scopes, now } = useLoaderData<typeof loader>();
  const [creating, setCreating] = useState(false);
  const [newKey, setNewKey] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<KeyRow | null>(null);

  return (
    <Page
      title="API keys"
      subtitle="Keys let your own systems use the Closer REST API for this workspace"
      primaryAction={{ content: 'Create API key', onAction: () => setCreating(true) }}
    >
      <BlockStack gap="400">
        {newKey ? (
          <Banner tone="warning" title={`Copy your new key “${newKey.name}” now`} onDismiss={() => setNewKey(null)}>
            <BlockStack gap="300">
              <p>This is the only time it is shown. Keep it somewhere safe, such as a password manager.</p>
              <CopyField label="New API key" value={newKey.secret} />
            </BlockStack>
          </Banner>
        ) : null}
        <Card padding="0">
          {keys.length === 0 ? (
            <Box padding="600">
              <BlockStack gap="300" inlineAlign="center">
                <Text as="h2" variant="headingMd">
                  No API keys yet
                </Text>
                <Text as="p" tone="subdued" alignment="center">
                  Create a key to sync products from your own systems or connect a helpdesk.
                </Text>
                <Button onClick={() => setCreating(true)}>Create API key</Button>
              </BlockStack>
            </Box>
          ) : (
            <DataTable
              columnContentTypes={['text', 'text', 'text', 'text', 'text', 'text', 'text']}
              headings={['Name', 'Key', 'Scopes', 'Created', 'Last used', 'Status', 'Actions']}
              rows={keys.map((key) => [
                <Text as="span" fontWeight="semibold" key="name">
                  {key.name}
                </Text>,
                <Text as="span" key="prefix">
                  <code>{key.prefix}…</code>
                </Text>,
                <InlineStack gap="100" key="scopes">
                  {key.scopes.map((scope) => (
                    <Badge key={scope}>{scope}</Badge>
                  ))}
                </InlineStack>,
                <span key="created" title={formatDateTime(key.createdAt)}>
                  {formatDate(key.createdAt)}
                </span>,
                key.lastUsedAt ? (
                  <span key="used" title={formatDateTime(key.lastUsedAt)}>
                    {timeAgo(key.lastUsedAt, now)}
                  </span>
                ) : (
                  'Never'
                ),
                key.revokedAt ? (
                  <Badge tone="critical" key="status">{`Revoked ${formatDate(key.revokedAt)}`}</Badge>
                ) : (
                  <Badge tone="success" key="status">
                    Active
                  </Badge>
                ),
                key.revokedAt ? (
                  ''
                ) : (
                  <Button
                    key="revoke"
                    tone="critical"
                    variant="plain"
                    accessibilityLabel={`Revoke ${key.name}`}
                    onClick={() => setRevoking(key)}
                  >
                    Revoke
                  </Button>
                ),
              ])}
            />
          )}
        </Card>
      </BlockStack>
      <CreateKeyModal
        open={creating}
        scopes={scopes}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setNewKey(created);
        }}
      />
      <RevokeKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </Page>
  );
}

function CreateKeyModal(props: {
  open: boolean;
  scopes: readonly string[];
  onClose(): void;
  onCreated(created: { name: string; secret: string }): void;
}) {
  const { csrfToken } = useAppLayout();
  const fetcher = useFetcher<Created>();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>(['products:read']);
  const failure = failureOf(fetcher.data);
  useFetcherSuccess(fetcher, (data) => {
    props.onCreated({ name: data.apiKey.name, secret: data.secret });
    setName('');
  });

  const submit = () => {
    const form = new FormData();
    form.set('intent', 'create');
    form.set('_csrf', csrfToken);
    form.set('name', name);
    for (const scope of chosen) form.append('scopes', scope);
    fetcher.submit(form, { method: 'post' });
  };

  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      title="Create API key"
      primaryAction={{ content: 'Create key', onAction: submit, loading: fetcher.state !== 'idle' }}
      secondaryActions={[{ content: 'Cancel', onAction: props.onClose }]}
    >
      <Modal.Section>
        <FormLayout>
          {failure && !failure.fieldErrors ? (
            <Banner tone="critical">
              <p>{failure.message}</p>
            </Banner>
          ) : null}
          <TextField
            label="Name"
            value={name}
            onChange={setName}
            autoComplete="off"
            helpText="Where the key is used, e.g. “ERP product sync”."
            error={failure?.fieldErrors?.name}
          />
          <ChoiceList
            allowMultiple
            title="Scopes"
            choices={props.scopes.map((scope) => ({
              label: scope,
              value: scope,
              helpText: scopeDescriptions[scope as keyof typeof scopeDescriptions],
            }))}
            selected={chosen}
            onChange={setChosen}
            error={failure?.fieldErrors?.scopes ?? failure?.fieldErrors?.['scopes.0']}
          />
        </FormLayout>
      </Modal.Section>
    </Modal>
  );
}

function RevokeKeyModal(props: { apiKey: KeyRow | null; onClose(): void }) {
  const { csrfToken } = useAppLayout();
  const fetcher = useFetcher<ActionResult<{ intent: 'revoke' }>>({ key: `revoke-${props.apiKey?.id ?? 'none'}` });
  const failure = failureOf(fetcher.data);
  const { onClose } = props;
  useFetcherSuccess(fetcher, onClose);
  const apiKey = props.apiKey;
  return (
    <Modal
      open={apiKey !== null}
      onClose={onClose}
      title={apiKey ? `Revoke “${apiKey.name}”?` : 'Revoke key'}
      primaryAction={{
        content: 'Revoke key',
        destructive: true,
        loading: fetcher.state !== 'idle',
        onAction: () =>
          apiKey && fetcher.submit({ intent: 'revoke', apiKeyId: apiKey.id, _csrf: csrfToken }, { method: 'post' }),
      }}
      secondaryActions={[{ content: 'Cancel', onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="200">
          {failure ? (
            <Banner tone="critical">
              <p>{failure.message}</p>
            </Banner>
          ) : null}
          <Text as="p">
            Anything using this key stops working at once: its next request is refused. This cannot be undone.
          </Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
