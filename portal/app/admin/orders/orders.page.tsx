import { useLoaderData } from '@remix-run/react';
import { Badge, Card, IndexTable, InlineStack, Layout, Page, Select, Text } from '@shopify/polaris';
import { useState } from 'react';
import { ImportDialog } from '~/admin/imports/import-dialog';
import { numberFormat } from '~/admin/imports/import-labels';
import { ListPagination } from '~/admin/imports/list-pagination';
import { RecentImports } from '~/admin/imports/recent-imports';
import { formatDate } from '~/admin/settings-common/time-ago';
import { useCan } from '~/lib/csrf';
import { ListEmptyState } from '../imports/list-empty-state';
import { ListSearchForm } from '../imports/list-search-form';
import type { loader } from './orders.server';

type OrdersData = ReturnType<typeof useLoaderData<typeof loader>>;

const statusOptions = [
  { label: 'Any status', value: '' },
  { label: 'Paid', value: 'paid' },
  { label: 'Pending', value: 'pending' },
  { label: 'Fulfilled', value: 'fulfilled' },
  { label: 'Refunded', value: 'refunded' },
  { label: 'Cancelled', value: 'cancelled' },
];
const statusTones = {
  paid: 'success',
  fulfilled: 'success',
  pending: 'attention',
  refunded: 'warning',
  cancelled: undefined,
} as const;

/** The store's orders (what forecasts and assisted revenue are computed from), and orders imports. */
export default function OrdersPage() {
  const { orders, imports, filters } = useLoaderData<typeof loader>();
  const canImport = useCan('catalog.write');
  const [importing, setImporting] = useState(false);
  return (
    <Page
      primaryAction={canImport ? { content: 'Import orders', onAction: () => setImporting(true) } : undefined}
      title="Orders"
      subtitle="What sold, where, and which sales the assistant helped with"
    >
      <ImportDialog kind="orders" title="Import orders" open={importing} onClose={() => setImporting(false)}>
        <Text as="p" variant="bodySm" tone="subdued">
          One row per order line: order number, date, quantity and unit price; optional email, status, currency, total,
          line SKU or product handle, shipping city, region and country. Shopify’s order export works as it is. Import
          your products first so lines find their products.
        </Text>
      </ImportDialog>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <FilterForm filters={filters} />
            <OrderTable orders={orders.orders} filtered={Boolean(filters.q || filters.status)} />
            <PageLinks orders={orders} filters={filters} />
          </Card>
        </Layout.Section>
        {imports.length > 0 ? (
          <Layout.Section>
            <RecentImports runs={imports} />
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}

function FilterForm({ filters }: { filters: OrdersData['filters'] }) {
  const [status, setStatus] = useState(filters.status);
  return (
    <ListSearchForm label="Order number or email" initialQuery={filters.q} submitLabel="Filter">
      <Select label="Status" name="status" options={statusOptions} value={status} onChange={setStatus} />
    </ListSearchForm>
  );
}

function OrderTable({ orders, filtered }: { orders: OrdersData['orders']['orders']; filtered: boolean }) {
  return (
    <IndexTable
      resourceName={{ singular: 'order', plural: 'orders' }}
      itemCount={orders.length}
      selectable={false}
      headings={[
        { title: 'Order' },
        { title: 'Date' },
        { title: 'Customer' },
        { title: 'Status' },
        { title: 'Items', alignment: 'end' },
        { title: 'Total', alignment: 'end' },
        { title: 'Ship to' },
      ]}
      emptyState={
        <ListEmptyState
          title={filtered ? 'No orders match' : 'No orders yet'}
          hint={filtered ? 'Try another number, email or status.' : 'Import your order history to get forecasts.'}
        />
      }
    >
      {orders.map((order, position) => (
        <IndexTable.Row id={order.id} key={order.id} position={position}>
          <IndexTable.Cell>
            <InlineStack gap="200" blockAlign="center" wrap={false}>
              <Text as="span" fontWeight="semibold">
                {order.number}
              </Text>
              {order.assisted ? <Badge tone="magic">Assisted</Badge> : null}
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>{formatDate(order.placedAt)}</IndexTable.Cell>
          <IndexTable.Cell>{order.email ?? '—'}</IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={statusTones[order.status]}>
              {order.status.charAt(0).toUpperCase() + order.status.slice(1)}
            </Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {numberFormat.format(order.unitCount)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {order.total}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{order.place ?? '—'}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

function PageLinks({ orders, filters }: { orders: OrdersData['orders']; filters: OrdersData['filters'] }) {
  const url = (page: number) => {
    const params = new URLSearchParams();
    if (filters.q) params.set('q', filters.q);
    if (filters.status) params.set('status', filters.status);
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return query ? `/orders?${query}` : '/orders';
  };
  return (
    <ListPagination
      label={`Page ${orders.page}`}
      previousUrl={orders.page > 1 ? url(orders.page - 1) : null}
      nextUrl={orders.hasNext ? url(orders.page + 1) : null}
    />
  );
}
