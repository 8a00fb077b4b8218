import { useFetcher } from '@remix-run/react';
import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Text } from '@shopify/polaris';
import type { ReactNode } from 'react';
import { CsrfField, useCan } from '~/lib/csrf';
import { formatTokens } from '../insights/format';
import { failureOf } from '../settings-common/action-result';
import type { ForecastsData } from './forecasts.page';

type Plan = NonNullable<ForecastsData['plan']>;
type Step = Plan['steps'][number];
type Output = Record<string, unknown>;

const stepTitles: Record<string, string> = {
  'product-analyst': 'Product outlook',
  'market-profiler': 'Where to sell',
  'advertising-planner': 'Advertising',
  'supply-planner': 'Stock actions',
  'sales-strategist': 'Priorities',
};

const list = (value: unknown): Output[] => (Array.isArray(value) ? (value as Output[]) : []);
const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The AI team's plan: the strategist's priorities first, then each member's notes with its tokens and time. */
export function ActionPlan({ plan, aiOffline, hasRun }: { plan: Plan | null; aiOffline: boolean; hasRun: boolean }) {
  const fetcher = useFetcher();
  const canWrite = useCan('catalog.write');
  const failure = failureOf(fetcher.data);
  const working = plan?.working || fetcher.state !== 'idle';
  const title = (id: unknown) => (plan && typeof id === 'string' ? (plan.productTitles[id] ?? id) : str(id));
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Action plan
          </Text>
          {canWrite && hasRun ? (
            <fetcher.Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="generate-plan" />
              <Button submit loading={working}>
                {plan ? 'Write a new action plan' : 'Generate action plan'}
              </Button>
            </fetcher.Form>
          ) : null}
        </InlineStack>
        {failure ? <Banner tone="critical">{failure.message}</Banner> : null}
        {aiOffline ? (
          <Banner tone="warning">
            No AI provider is configured, so the plan is a template draft from the numbers alone. Add a provider key on
            the AI page for a written plan.
          </Banner>
        ) : null}
        {!plan ? (
          <Text as="p" tone="subdued">
            {hasRun
              ? 'No action plan has been written for this forecast yet.'
              : 'The action plan is written after the first forecast.'}
          </Text>
        ) : plan.working ? (
          <Text as="p">{`The plan is being written (${plan.steps.length} of 5 steps done)…`}</Text>
        ) : plan.status === 'failed' ? (
          <Banner tone="critical">{`The plan could not be written: ${plan.error ?? 'no step succeeded'}.`}</Banner>
        ) : null}
        {plan?.offline && !aiOffline ? (
          <Text as="p" tone="subdued">
            No AI provider answered when this plan was written; it is a template draft.
          </Text>
        ) : null}
        {plan && !plan.ofLatestRun ? (
          <Text as="p" tone="subdued">
            This plan was written for an earlier forecast.
          </Text>
        ) : null}
        {plan?.steps.map((step) => (
          <StepSection key={step.step} step={step}>
            <StepBody step={step} title={title} />
          </StepSection>
        ))}
      </BlockStack>
    </Card>
  );
}

function StepSection({ step, children }: { step: Step; children: ReactNode }) {
  return (
    <section aria-label={stepTitles[step.step] ?? step.step}>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center" wrap>
          <Text as="h3" variant="headingSm">
            {stepTitles[step.step] ?? step.step}
          </Text>
          {step.status === 'failed' ? <Badge tone="critical">Failed</Badge> : null}
          {step.status === 'flagged' ? <Badge tone="warning">Unchecked numbers removed</Badge> : null}
          <Text as="span" tone="subdued" variant="bodySm">
            {`${formatTokens(step.inputTokens)} in / ${formatTokens(step.outputTokens)} out tokens · ${(step.durationMs / 1000).toFixed(1)} s${step.model ? ` · ${step.model}` : ''}${step.attempts > 1 ? ` · ${step.attempts} attempts` : ''}`}
          </Text>
        </InlineStack>
        {step.status === 'failed' ? <Text as="p">{step.error ?? 'This step failed.'}</Text> : children}
      </BlockStack>
    </section>
  );
}

function StepBody({ step, title }: { step: Step; title: (id: unknown) => string }) {
  const output = step.output ?? {};
  const summary = str(output.summary);
  const paragraph = summary ? <Text as="p">{summary}</Text> : null;
  switch (step.step) {
    case 'sales-strategist':
      return (
        <BlockStack gap="200">
          {paragraph}
          <List type="number">
            {list(output.priorities).map((item) => (
              <List.Item key={str(item.title)}>
                <Text as="span" fontWeight="semibold">
                  {str(item.title)}
                </Text>
                {`: ${str(item.detail)}`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      );
    case 'product-analyst':
      return (
        <List>
          {list(output.products).map((item) => (
            <List.Item key={str(item.productId)}>
              {`${title(item.productId)} (${str(item.outlook)}): ${str(item.headline)} ${str(item.analysis)}`}
              {list(item.risks).length > 0 ? ` Risks: ${(item.risks as unknown[]).map(str).join('; ')}.` : ''}
            </List.Item>
          ))}
        </List>
      );
    case 'market-profiler':
      return (
        <BlockStack gap="200">
          {paragraph}
          <List>
            {list(output.products).map((item) => (
              <List.Item key={str(item.productId)}>
                {`${title(item.productId)}: best in ${(item.bestCities as unknown[] | undefined)?.map(str).join(', ') || '—'}; untapped: ${(item.untappedCities as unknown[] | undefined)?.map(str).join(', ') || '—'}. ${str(item.insight)}`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      );
    case 'advertising-planner':
      return (
        <BlockStack gap="200">
          {paragraph}
          <List>
            {list(output.channels).map((item) => (
              <List.Item key={str(item.channel)}>{`${str(item.channel)}: ${str(item.why)}`}</List.Item>
            ))}
          </List>
          {list(output.budgetSplit).length > 0 ? (
            <Text as="p">
              {`Budget split: ${list(output.budgetSplit)
                .map((item) => `${str(item.city)} ${str(item.sharePercent)}%`)
                .join(', ')}.`}
            </Text>
          ) : null}
          <List>
            {list(output.campaigns).map((item) => (
              <List.Item key={`${str(item.productId)}|${str(item.city)}|${str(item.message)}`}>
                {`${title(item.productId)} in ${str(item.city)}: ${str(item.message)} (${str(item.timing)})`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      );
    case 'supply-planner':
      return (
        <BlockStack gap="200">
          {paragraph}
          <List>
            {list(output.actions).map((item) => (
              <List.Item key={str(item.productId)}>
                {`${title(item.productId)}: ${str(item.action).replace('-', ' ')}${typeof item.reorderUnits === 'number' ? ` (${item.reorderUnits} units)` : ''}. ${str(item.rationale)}`}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      );
    default:
      return paragraph;
  }
}
