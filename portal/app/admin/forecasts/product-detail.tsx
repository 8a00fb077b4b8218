import { Form, useNavigation } from '@remix-run/react';
import {
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from '@shopify/polaris';
import { useState } from 'react';
import { ChartCard } from '../insights/chart-card';
import { formatDay, formatMoney, formatShare } from '../insights/format';
import { AccuracyList } from './accuracy';
import { ForecastChart } from './forecast-chart';
import { formatUnits, isoDay } from './forecast-format';
import type { ForecastsData } from './forecasts.page';

type Product = NonNullable<ForecastsData['product']>;
type Place = Product['cities'][number];

const serviceLevels = ['80', '90', '95', '97.5', '99'].map((value) => ({ label: `${value}%`, value }));

/** One product: its forecast, how far to trust it, where it will sell and when to reorder. */
export function ProductDetail({ product, currency }: { product: Product; currency: string }) {
  return (
    <BlockStack gap="400">
      <Text as="h2" variant="headingLg">
        {product.title}
      </Text>
      <InlineGrid columns={{ xs: 1, md: ['twoThirds', 'oneThird'] }} gap="400">
        <ForecastChart title={`Weekly units: ${product.title}`} points={product.chart} headingLevel="h3" />
        <Card>
          <BlockStack gap="300">
            <Text as="h3" variant="headingSm">
              Expected units and revenue
            </Text>
            <DataTable
              columnContentTypes={['text', 'numeric', 'numeric']}
              headings={['Next', 'Units', 'Revenue']}
              rows={(
                [
                  ['4 weeks', product.units4],
                  ['13 weeks', product.units13],
                  ['26 weeks', product.units26],
                ] as const
              ).map(([label, units]) => [
                label,
                formatUnits(units),
                product.unitPriceCents === null
                  ? '—'
                  : formatMoney(Math.round(units * product.unitPriceCents), currency),
              ])}
            />
            <AccuracyList accuracy={product.accuracy} />
            <Text as="p" tone="subdued" variant="bodySm">
              {`Demand pattern: ${product.kind}${product.seasonal ? ', with the category’s yearly season' : ''}. Models: ${product.models.join(', ') || '—'}.`}
            </Text>
          </BlockStack>
        </Card>
      </InlineGrid>
      <PlaceRanking product={product} currency={currency} />
      <StockPlan product={product} />
    </BlockStack>
  );
}

function PlaceRanking({ product, currency }: { product: Product; currency: string }) {
  const top = product.cities.slice(0, 10);
  const name = (place: Place) => (place.city ? `${place.city}, ${place.region}` : `${place.region}, ${place.country}`);
  const untapped = product.cities.filter((place) => place.source === 'category');
  const growth = (place: Place) =>
    place.growth === null ? 'new' : `${place.growth >= 0 ? '+' : '−'}${formatShare(Math.abs(place.growth))}`;
  const rows = (places: Place[]) =>
    places.map((place) => [
      `${place.rank}. ${name(place)}`,
      place.source === 'category' ? 'Not yet (similar products sell here)' : formatShare(place.shareYear),
      growth(place),
      formatUnits(place.units4),
      formatUnits(place.units13),
      formatUnits(place.units26),
      formatMoney(place.revenue13Cents, currency),
    ]);
  const headings = [
    'Place',
    'Share of sales (year)',
    'Growth (13 wk)',
    'Units 4 wk',
    'Units 13 wk',
    'Units 26 wk',
    'Revenue 13 wk',
  ];
  const types = ['text', 'text', 'text', 'numeric', 'numeric', 'numeric', 'numeric'] as const;
  return (
    <BlockStack gap="400">
      <ChartCard
        title="Where it should sell best"
        headingLevel="h3"
        summary={
          top.length === 0
            ? 'No city has bought this product or similar ones yet.'
            : `${name(top[0] as Place)} ranks first with ${formatUnits((top[0] as Place).units13)} units expected in the next 13 weeks. ` +
              (untapped.length > 0
                ? `${untapped.length} ${untapped.length === 1 ? 'city buys' : 'cities buy'} similar products but not this one yet.`
                : '')
        }
        empty={top.length === 0 ? <Text as="p">No places to rank yet.</Text> : undefined}
        chart={{
          kind: 'bar',
          horizontal: true,
          data: [
            {
              name: 'Expected units, next 13 weeks',
              data: top.map((place) => ({ key: name(place), value: place.units13 })),
            },
          ],
          formatY: formatUnits,
          fractional: true,
        }}
        table={{
          columns: ['City', 'Expected units, next 13 weeks'],
          rows: top.map((place) => [name(place), formatUnits(place.units13)]),
        }}
        height={Math.max(160, top.length * 32)}
      />
      <Card>
        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            City ranking
          </Text>
          <DataTable columnContentTypes={[...types]} headings={headings} rows={rows(product.cities.slice(0, 25))} />
          <Text as="h3" variant="headingSm">
            Regions
          </Text>
          <DataTable columnContentTypes={[...types]} headings={headings} rows={rows(product.regions.slice(0, 15))} />
        </BlockStack>
      </Card>
    </BlockStack>
  );
}

function StockPlan({ product }: { product: Product }) {
  const navigation = useNavigation();
  const [lead, setLead] = useState(String(product.stockSettings.leadTimeDays));
  const [service, setService] = useState(String(product.stockSettings.serviceLevelPercent));
  const { stock } = product;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h3" variant="headingSm">
          Stock and reorder
        </Text>
        {stock === null ? (
          <Text as="p">This product does not track inventory, so there is no stock-out date to forecast.</Text>
        ) : (
          <>
            <InlineStack gap="600" wrap>
              <Figure label="On hand" value={formatUnits(stock.inventory)} />
              <Figure
                label="Expected stock-out"
                value={
                  stock.stockoutDate ? formatDay(isoDay(stock.stockoutDate), { year: true }) : 'Not within the forecast'
                }
              />
              <Figure
                label="If demand runs high"
                value={stock.earliestStockoutDate ? formatDay(isoDay(stock.earliestStockoutDate), { year: true }) : '—'}
              />
              <Figure
                label="Chance of running out before a restock"
                value={formatShare(stock.probabilityBeforeRestock)}
              />
              <Figure label="Reorder now" value={`${formatUnits(stock.reorderQuantity)} units`} />
            </InlineStack>
            <Text as="p" tone="subdued">
              {`Demand over a ${product.stockSettings.leadTimeDays}-day lead time: ${formatUnits(stock.leadTimeDemand)} units expected, ${formatUnits(stock.leadTimeDemandQuantile)} at the ${product.stockSettings.serviceLevelPercent}% service level.`}
            </Text>
          </>
        )}
        <Form method="get" preventScrollReset>
          <input type="hidden" name="product" value={product.productId} />
          <InlineStack gap="300" blockAlign="end" wrap>
            <TextField
              label="Lead time (days)"
              name="lead"
              type="number"
              min={1}
              max={365}
              autoComplete="off"
              value={lead}
              onChange={setLead}
              error={product.stockErrors.leadTimeDays}
            />
            <Select
              label="Service level"
              name="service"
              options={serviceLevels}
              value={service}
              onChange={setService}
              error={product.stockErrors.serviceLevelPercent}
            />
            <Button submit loading={navigation.state === 'loading'}>
              Recalculate
            </Button>
          </InlineStack>
        </Form>
      </BlockStack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="span" tone="subdued" variant="bodySm">
        {label}
      </Text>
      <Text as="span" variant="headingMd">
        {value}
      </Text>
    </BlockStack>
  );
}
