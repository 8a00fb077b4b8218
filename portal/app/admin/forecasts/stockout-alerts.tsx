import { BlockStack, Card, DataTable, Link, Text } from '@shopify/polaris';
import { formatDay, formatShare } from '../insights/format';
import { formatUnits, isoDay } from './forecast-format';
import type { ForecastsData } from './forecasts.page';

/** Products likely to run out before a restock ordered today arrives, likeliest first. */
export function StockoutAlerts({ alerts }: { alerts: ForecastsData['alerts'] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Stock-out alerts
        </Text>
        {alerts.length === 0 ? (
          <Text as="p" tone="subdued">
            No product is likely to run out before a restock arrives.
          </Text>
        ) : (
          <DataTable
            columnContentTypes={['text', 'numeric', 'text', 'numeric', 'numeric']}
            headings={['Product', 'On hand', 'Expected stock-out', 'Chance before restock', 'Reorder']}
            rows={alerts.map((alert) => [
              <Link key={alert.productId} url={`?product=${alert.productId}`}>
                {alert.title}
              </Link>,
              formatUnits(alert.inventory),
              alert.stockoutDate
                ? `${formatDay(isoDay(alert.stockoutDate), { year: true })}${alert.earliestStockoutDate ? ` (as early as ${formatDay(isoDay(alert.earliestStockoutDate))})` : ''}`
                : 'Not within the forecast',
              formatShare(alert.probabilityBeforeRestock),
              `${formatUnits(alert.reorderQuantity)} units`,
            ])}
            footerContent={`Lead time ${alerts[0]?.leadTimeDays ?? 14} days, ${formatShare(alerts[0]?.serviceLevel ?? 0.95)} service level. Open a product to try others.`}
          />
        )}
      </BlockStack>
    </Card>
  );
}
