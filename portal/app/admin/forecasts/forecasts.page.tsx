import { useFetcher, useLoaderData, useRevalidator } from '@remix-run/react';
import {
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  InlineGrid,
  Layout,
  Link,
  Page,
  ProgressBar,
  Text,
} from '@shopify/polaris';
import { useEffect, useId } from 'react';
import { CsrfField, useCan } from '~/lib/csrf';
import { formatDay, formatMoney, formatShare } from '../insights/format';
import { failureOf } from '../settings-common/action-result';
import { AccuracyList } from './accuracy';
import { ActionPlan } from './action-plan';
import { ForecastChart } from './forecast-chart';
import { formatBias, formatRatio, formatUnits, isoDay } from './forecast-format';
import type { loader } from './forecasts.server';
import { ProductDetail } from './product-detail';
import { ProductList } from './product-list';
import { StockoutAlerts } from './stockout-alerts';

export type ForecastsData = ReturnType<typeof useLoaderData<typeof loader>>;

/** How often the page asks again while a run or a plan is in progress. */
const POLL_MS = 2_000;

const stageLabels: Record<string, string> = {
  loading: 'Reading orders',
  backtesting: 'Testing accuracy on past weeks',
  forecasting: 'Forecasting products',
  planning: 'Ranking cities and planning stock',
  saving: 'Saving',
  done: 'Finishing',
};

/** Demand forecasts: the store's outlook, how far to trust it, stock-outs, one product in depth and the plan. */
export default function ForecastsPage() {
  const data = useLoaderData<typeof loader>();
  const canRun = useCan('catalog.write');
  const fetcher = useFetcher();
  const failure = failureOf(fetcher.data);
  useRevalidateWhile(data.working || Boolean(data.plan?.working));
  const { readiness, run } = data;
  const running = data.working || fetcher.state !== 'idle';
  const forecastNow = (label: string, primary = false) =>
    canRun ? (
      <fetcher.Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="forecast-now" />
        <Button submit variant={primary ? 'primary' : undefined} loading={running} disabled={!readiness.enough}>
          {label}
        </Button>
      </fetcher.Form>
    ) : null;

  return (
    <Page
      title="Forecasts"
      subtitle={
        run
          ? `Orders up to ${run.asOf ? formatDay(isoDay(run.asOf), { year: true }) : '—'}; forecast for the next ${run.horizonWeeks} weeks`
          : 'Expected demand per product and city, stock-outs and what to do next'
      }
      primaryAction={run ? (forecastNow('Forecast now', true) ?? undefined) : undefined}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {failure ? <Banner tone="critical">{failure.message}</Banner> : null}
            <RunStatus latest={data.latest} working={data.working} />
            {!readiness.enough ? (
              <Card>
                <EmptyState heading={`Forecasts need at least ${readiness.minimumWeeks} weeks of orders`} image="">
                  <p>
                    {readiness.hasOrders
                      ? `This store has about ${readiness.weeksOfOrders} ${readiness.weeksOfOrders === 1 ? 'week' : 'weeks'} of orders so far. Forecasts start once there are ${readiness.minimumWeeks}.`
                      : 'This store has no orders yet. '}
                    <Link url="/orders">Import your order history</Link> to forecast sooner.
                  </p>
                </EmptyState>
              </Card>
            ) : !run ? (
              <Card>
                <EmptyState heading="No forecast yet" image="">
                  <BlockStack gap="300" inlineAlign="center">
                    <p>
                      {`The store has ${readiness.weeksOfOrders} weeks of orders. A forecast runs every night; run the first one now to see it today.`}
                    </p>
                    {forecastNow('Forecast now', true) ?? <p>Ask an admin to run the first forecast.</p>}
                  </BlockStack>
                </EmptyState>
              </Card>
            ) : (
              <Forecast data={data} />
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Forecast({ data }: { data: ForecastsData }) {
  const run = data.run as NonNullable<ForecastsData['run']>;
  const currency = data.readiness.currency;
  const { accuracy } = run;
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
        <Figure title="Expected units, next 13 weeks" value={formatUnits(run.totals.units13)}>
          {`${formatUnits(run.totals.units4)} in 4 weeks, ${formatUnits(run.totals.units26)} in 26.`}
        </Figure>
        <Figure title="Expected revenue, next 13 weeks" value={formatMoney(run.totals.revenue13Cents, currency)}>
          {`At each product's average price over the last year, ${run.productCount} products.`}
        </Figure>
        <Figure title="Products beating the baseline" value={formatShare(accuracy.beatsBaseline.share)}>
          {`Mean MASE ${formatRatio(accuracy.mase)} vs ${formatRatio(accuracy.baselineMase)} for ${accuracy.baseline === 'seasonal-naive' ? 'last year’s same week' : 'last week'}; bias ${formatBias(accuracy.bias)}; ${formatShare(accuracy.coverage80)} of weeks inside the 80% range.`}
        </Figure>
      </InlineGrid>
      {data.store ? (
        <InlineGrid columns={{ xs: 1, md: ['twoThirds', 'oneThird'] }} gap="400">
          <ForecastChart title="Store: weekly units sold and forecast" points={data.store.chart} />
          <Card>
            <AccuracyList accuracy={data.store.accuracy} />
          </Card>
        </InlineGrid>
      ) : null}
      {data.product ? <ProductDetail product={data.product} currency={currency} /> : null}
      <StockoutAlerts alerts={data.alerts} />
      <ProductList products={data.products} currency={currency} />
      <ActionPlan plan={data.plan} aiOffline={data.aiOffline} hasRun />
    </BlockStack>
  );
}

function RunStatus({ latest, working }: { latest: ForecastsData['latest']; working: boolean }) {
  const statusId = useId();
  if (!latest) return null;
  if (working) {
    return (
      <Banner tone="info" title={latest.status === 'queued' ? 'Forecast queued' : 'Forecast running'}>
        <BlockStack gap="200">
          <Text as="p" id={statusId}>
            {latest.status === 'queued'
              ? 'Waiting for a worker; this page updates by itself.'
              : `${stageLabels[latest.stage ?? ''] ?? 'Working'} (${Math.round(latest.progress * 100)}%). This page updates by itself.`}
          </Text>
          <ProgressBar progress={Math.round(latest.progress * 100)} size="small" ariaLabelledBy={statusId} />
        </BlockStack>
      </Banner>
    );
  }
  if (latest.status === 'failed') {
    return (
      <Banner tone="warning" title="The latest forecast did not finish">
        <p>{latest.error ?? 'It failed without a reason.'} The figures below are from the last forecast that did.</p>
      </Banner>
    );
  }
  return null;
}

function Figure({ title, value, children }: { title: string; value: string; children: string }) {
  return (
    <Card>
      <BlockStack gap="150">
        <Text as="h2" variant="headingSm" tone="subdued">
          {title}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        <Text as="p" tone="subdued">
          {children}
        </Text>
      </BlockStack>
    </Card>
  );
}

/** Re-reads the loader every couple of seconds while something is in progress. */
function useRevalidateWhile(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}
