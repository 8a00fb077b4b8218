import { type FetcherWithComponents, useFetcher } from '@remix-run/react';
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from '@shopify/polaris';
import { Fragment, useState } from 'react';
import { CsrfField, useCan } from '~/lib/csrf';
import type { AiSettingsView, TaskRoute } from '../../../../server/src/modules/ai-settings';
import { problemOf, StatusMessage, useOnSuccess } from './action-feedback';
import { choiceLabel, choiceValue, providerLabel, taskLabel } from './ai-labels';

const slotLabels = ['First choice', 'Second choice', 'Third choice', 'Fourth choice'];

/** Which provider and model each task tries, in order; a provider without a key is skipped. */
export function RoutingPolicy({ settings }: { settings: AiSettingsView }) {
  const canManage = useCan('ai.manage');
  const usable = new Set(
    settings.providers.filter((status) => status.instanceKey || status.workspaceKey).map((status) => status.provider),
  );
  return (
    <Card>
      <BlockStack gap="400">
        {settings.routes.map((route, index) => (
          <Fragment key={route.task}>
            {index > 0 ? <Divider /> : null}
            <TaskRow route={route} settings={settings} usable={usable} canManage={canManage} />
          </Fragment>
        ))}
      </BlockStack>
    </Card>
  );
}

function TaskRow({
  route,
  settings,
  usable,
  canManage,
}: {
  route: TaskRoute;
  settings: AiSettingsView;
  usable: Set<string>;
  canManage: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const reset = useFetcher();
  // The save fetcher lives here, not in the form, so its answer outlives the form it closes.
  const save = useFetcher();
  const [notice, setNotice] = useState<string | null>(null);
  useOnSuccess(reset, () => setNotice(`${taskLabel(route.task)}: back to the default`));
  useOnSuccess(save, () => {
    setEditing(false);
    setNotice(`${taskLabel(route.task)}: routing saved`);
  });
  const runnable = (provider: string) => provider === 'offline' || usable.has(provider);
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {taskLabel(route.task)}
          </Text>
          {route.custom ? <Badge tone="info">Custom</Badge> : <Badge>Default</Badge>}
        </InlineStack>
        {canManage && !editing ? (
          <InlineStack gap="200">
            <Button onClick={() => setEditing(true)} accessibilityLabel={`Edit routing for ${taskLabel(route.task)}`}>
              Edit
            </Button>
            {route.custom ? (
              <reset.Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="reset-route" />
                <input type="hidden" name="task" value={route.task} />
                <Button
                  submit
                  variant="plain"
                  loading={reset.state !== 'idle'}
                  accessibilityLabel={`Use default routing for ${taskLabel(route.task)}`}
                >
                  Use default
                </Button>
              </reset.Form>
            ) : null}
          </InlineStack>
        ) : null}
      </InlineStack>
      <ol style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {route.choices.map((choice) => (
          <li key={choiceValue(choice)}>
            <Text as="span" tone={runnable(choice.provider) ? undefined : 'subdued'}>
              {choiceLabel(choice)}
              {runnable(choice.provider) ? '' : ` — skipped: no ${providerLabel(choice.provider)} key`}
            </Text>
          </li>
        ))}
      </ol>
      {editing ? (
        <RouteForm route={route} settings={settings} fetcher={save} onCancel={() => setEditing(false)} />
      ) : null}
      <StatusMessage message={notice} />
    </BlockStack>
  );
}

function RouteForm({
  route,
  settings,
  fetcher,
  onCancel,
}: {
  route: TaskRoute;
  settings: AiSettingsView;
  fetcher: FetcherWithComponents<unknown>;
  onCancel: () => void;
}) {
  const [slots, setSlots] = useState(() =>
    slotLabels.map((_, index) => {
      const choice = route.choices[index];
      return choice ? choiceValue(choice) : '';
    }),
  );
  const [customModel, setCustomModel] = useState('');
  const problem = problemOf(fetcher.data);
  const options = choiceOptions(settings, route);
  // The server numbers only the choices sent (empty slots are skipped, the custom model comes last).
  const sent = slots.flatMap((slot, index) => (slot ? [index] : []));
  const errorFor = (position: number) => (position < 0 ? undefined : problem?.fieldErrors[`choices.${position}`]);
  return (
    <Box paddingBlockStart="100">
      <fetcher.Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="save-route" />
        <input type="hidden" name="task" value={route.task} />
        <FormLayout>
          <FormLayout.Group condensed>
            {slotLabels.map((label, index) => (
              <Select
                key={label}
                label={
                  <>
                    {label}
                    <Text as="span" visuallyHidden>
                      {` for ${taskLabel(route.task)}`}
                    </Text>
                  </>
                }
                labelHidden={false}
                name="choice"
                options={index === 0 ? options : [{ label: 'None', value: '' }, ...options]}
                value={slots[index] ?? ''}
                onChange={(value) => setSlots((current) => current.map((slot, at) => (at === index ? value : slot)))}
                error={errorFor(sent.indexOf(index))}
              />
            ))}
          </FormLayout.Group>
          {settings.openaiCompatible ? (
            <TextField
              label="Model on your OpenAI-compatible server (optional)"
              name="customModel"
              autoComplete="off"
              value={customModel}
              onChange={setCustomModel}
              error={customModel ? errorFor(sent.length) : undefined}
              helpText="Its exact name, e.g. llama-3.1-8b-instant; tried after the choices above. Closer cannot price it, so its calls show $0."
            />
          ) : null}
          {problem && !Object.keys(problem.fieldErrors).some((field) => field.startsWith('choices.')) ? (
            <Text as="p" tone="critical">
              {problem.message}
            </Text>
          ) : null}
          <Text as="p" tone="subdued">
            Tried in order; each is retried on errors before the next one takes over. The default:{' '}
            {route.defaultChoices.map(choiceLabel).join(' → ')}.
          </Text>
          <InlineStack gap="200">
            <Button submit variant="primary" loading={fetcher.state !== 'idle'}>
              Save routing
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </InlineStack>
        </FormLayout>
      </fetcher.Form>
    </Box>
  );
}

/** The price table's models by vendor, plus any model this task already uses (a server-specific one). */
function choiceOptions(settings: AiSettingsView, route: TaskRoute) {
  const choices = [...settings.knownModels];
  for (const choice of route.choices) {
    if (!choices.some((known) => choiceValue(known) === choiceValue(choice))) choices.push(choice);
  }
  const providers = [...new Set(choices.map((choice) => choice.provider))];
  return providers.map((provider) => ({
    title: providerLabel(provider),
    options: choices
      .filter((choice) => choice.provider === provider)
      .map((choice) => ({
        label: provider === 'offline' ? providerLabel('offline') : choice.model,
        value: choiceValue(choice),
      })),
  }));
}
