import { useFetcher } from '@remix-run/react';
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  FormLayout,
  InlineStack,
  Text,
  TextField,
} from '@shopify/polaris';
import { Fragment, useState } from 'react';
import { CsrfField, useCan } from '~/lib/csrf';
import type { AiSettingsView, ProviderStatus } from '../../../../server/src/modules/ai-settings';
import { problemOf, StatusMessage, useOnSuccess } from './action-feedback';
import { instanceKeyVariables, providerLabel } from './ai-labels';

/** Keys are write-only: the page learns only whether one is set and its last four characters. */
export function ProviderKeys({ providers }: { providers: AiSettingsView['providers'] }) {
  const canManage = useCan('ai.manage');
  return (
    <Card>
      <BlockStack gap="400">
        {providers.map((status, index) => (
          <Fragment key={status.provider}>
            {index > 0 ? <Divider /> : null}
            <ProviderRow status={status} canManage={canManage} />
          </Fragment>
        ))}
      </BlockStack>
    </Card>
  );
}

function ProviderRow({ status, canManage }: { status: ProviderStatus; canManage: boolean }) {
  const name = providerLabel(status.provider);
  const save = useFetcher();
  const remove = useFetcher();
  const [editing, setEditing] = useState(false);
  const [apiKey, setApiKey] = useState('');
  const [baseURL, setBaseURL] = useState('');
  const problem = problemOf(save.data);
  const removeProblem = problemOf(remove.data);
  // Clear the field as soon as the key is stored: it must not linger in the page.
  const [notice, setNotice] = useState<string | null>(null);
  useOnSuccess(save, () => {
    setEditing(false);
    setApiKey('');
    setBaseURL('');
    setNotice(`${name} key saved`);
  });
  useOnSuccess(remove, () => setNotice(`${name} key removed`));

  return (
    <BlockStack gap="300">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <BlockStack gap="100">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              {name}
            </Text>
            <KeyBadge status={status} />
          </InlineStack>
          <Text as="p" tone="subdued">
            {describeKeys(status)}
          </Text>
        </BlockStack>
        {canManage && !editing ? (
          <InlineStack gap="200">
            <Button
              onClick={() => setEditing(true)}
              accessibilityLabel={`${status.workspaceKey ? 'Replace key' : 'Add key'} for ${name}`}
            >
              {status.workspaceKey ? 'Replace key' : 'Add key'}
            </Button>
            {status.workspaceKey ? (
              <remove.Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="remove-key" />
                <input type="hidden" name="provider" value={status.provider} />
                <Button
                  submit
                  tone="critical"
                  variant="plain"
                  loading={remove.state !== 'idle'}
                  accessibilityLabel={`Remove ${name} key`}
                >
                  Remove
                </Button>
              </remove.Form>
            ) : null}
          </InlineStack>
        ) : null}
      </InlineStack>
      {removeProblem ? (
        <Text as="p" tone="critical">
          {removeProblem.message}
        </Text>
      ) : null}
      {editing ? (
        <Box paddingBlockStart="100">
          <save.Form method="post" autoComplete="off">
            <CsrfField />
            <input type="hidden" name="intent" value="save-key" />
            <input type="hidden" name="provider" value={status.provider} />
            <FormLayout>
              <TextField
                label={`${name} API key`}
                name="apiKey"
                type="password"
                autoComplete="off"
                value={apiKey}
                onChange={setApiKey}
                error={
                  problem?.fieldErrors.apiKey ?? (problem && !problem.fieldErrors.baseURL ? problem.message : undefined)
                }
                helpText="Stored encrypted. Nobody can read it back, not even you: to change it, save a new one."
              />
              <TextField
                label="Base URL (optional)"
                name="baseURL"
                type="url"
                autoComplete="off"
                value={baseURL}
                onChange={setBaseURL}
                error={problem?.fieldErrors.baseURL}
                helpText="Only for a compatible service such as Groq or OpenRouter; a public https:// address."
              />
              <InlineStack gap="200">
                <Button submit variant="primary" loading={save.state !== 'idle'}>
                  {`Save ${name} key`}
                </Button>
                <Button onClick={() => setEditing(false)}>Cancel</Button>
              </InlineStack>
            </FormLayout>
          </save.Form>
        </Box>
      ) : null}
      <StatusMessage message={notice} />
    </BlockStack>
  );
}

function KeyBadge({ status }: { status: ProviderStatus }) {
  if (status.workspaceKey)
    return (
      <Badge tone="success">
        {status.workspaceKey.lastFour ? `Your key · ends in ${status.workspaceKey.lastFour}` : 'Your key'}
      </Badge>
    );
  if (status.instanceKey) return <Badge tone="info">Instance key</Badge>;
  return <Badge>No key</Badge>;
}

function describeKeys(status: ProviderStatus): string {
  const variable = instanceKeyVariables[status.provider];
  if (status.workspaceKey) {
    const host = status.workspaceKey.baseUrlHost ? ` Calls go to ${status.workspaceKey.baseUrlHost}.` : '';
    return status.instanceKey
      ? `Your key is used instead of the instance's key.${host}`
      : `Your workspace's own key.${host}`;
  }
  if (status.instanceKey)
    return `The server's ${variable} serves every workspace; add your own key to bill your account.`;
  return 'Not configured: tasks routed here skip to the next choice.';
}
