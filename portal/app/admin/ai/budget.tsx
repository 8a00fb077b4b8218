import { useFetcher } from '@remix-run/react';
import {
  Badge,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  FormLayout,
  InlineStack,
  ProgressBar,
  Text,
  TextField,
} from '@shopify/polaris';
import { useState } from 'react';
import { CsrfField, useCan } from '~/lib/csrf';
import type { AiSettingsView } from '../../../../server/src/modules/ai-settings';
import { formatDay, formatMicroUsd } from '../insights/format';
import { problemOf, StatusMessage, useOnSuccess } from './action-feedback';

const onExceededChoices = [
  {
    value: 'offline',
    label: 'Keep answering from the catalog alone',
    helpText: 'The offline assistant takes over: no AI cost, simpler answers.',
  },
  {
    value: 'handoff',
    label: 'Hand conversations to the team',
    helpText: 'Shoppers are offered a person (or the contact form outside business hours).',
  },
];

/** Dollars with cents only when there are some, as a person would type them back. */
const asDollars = (microUsd: number) => {
  const dollars = microUsd / 1_000_000;
  return Number.isInteger(dollars) ? String(dollars) : dollars.toFixed(2);
};

export function BudgetCard({ budget }: { budget: AiSettingsView['budget'] }) {
  const canManage = useCan('ai.manage');
  const fetcher = useFetcher();
  const [amount, setAmount] = useState(
    budget.monthlyBudgetMicroUsd === null ? '' : asDollars(budget.monthlyBudgetMicroUsd),
  );
  const [onExceeded, setOnExceeded] = useState<string>(budget.onExceeded);
  const problem = problemOf(fetcher.data);
  const [notice, setNotice] = useState<string | null>(null);
  useOnSuccess(fetcher, () => setNotice('Budget saved'));
  const limit = budget.monthlyBudgetMicroUsd;
  const used = limit ? Math.min(100, (budget.spentThisMonthMicroUsd / limit) * 100) : 0;
  const since = formatDay(budget.monthStart);

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              This month
            </Text>
            {budget.state === 'exceeded' ? <Badge tone="critical">Budget used up</Badge> : null}
            {budget.state === 'warning' ? <Badge tone="warning">Over 80% used</Badge> : null}
          </InlineStack>
          <Text as="p" id="ai-budget-spend">
            {limit
              ? `${formatMicroUsd(budget.spentThisMonthMicroUsd)} of ${formatMicroUsd(limit)} spent since ${since} (UTC).`
              : `${formatMicroUsd(budget.spentThisMonthMicroUsd)} spent since ${since} (UTC). No monthly limit.`}
          </Text>
          {limit ? (
            <ProgressBar
              progress={used}
              tone={budget.state === 'ok' ? 'highlight' : 'critical'}
              ariaLabelledBy="ai-budget-spend"
              animated={false}
            />
          ) : null}
        </BlockStack>
        {canManage ? (
          <fetcher.Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="save-budget" />
            <FormLayout>
              <TextField
                label="Monthly budget (USD)"
                name="monthlyBudgetUsd"
                prefix="$"
                inputMode="decimal"
                autoComplete="off"
                value={amount}
                onChange={setAmount}
                error={
                  problem?.fieldErrors.monthlyBudgetUsd ??
                  (problem && !problem.fieldErrors.onExceeded ? problem.message : undefined)
                }
                helpText="Leave empty for no limit. You are warned at 80%."
              />
              <ChoiceList
                title="When the budget is used up"
                name="onExceeded"
                choices={onExceededChoices}
                selected={[onExceeded]}
                onChange={(selected) => setOnExceeded(selected[0] ?? 'offline')}
                error={problem?.fieldErrors.onExceeded}
              />
              <Button submit variant="primary" loading={fetcher.state !== 'idle'}>
                Save budget
              </Button>
            </FormLayout>
          </fetcher.Form>
        ) : (
          <Text as="p" tone="subdued">
            When the budget is used up:{' '}
            {onExceededChoices.find((choice) => choice.value === budget.onExceeded)?.label.toLowerCase()}.
          </Text>
        )}
        <StatusMessage message={notice} />
      </BlockStack>
    </Card>
  );
}
