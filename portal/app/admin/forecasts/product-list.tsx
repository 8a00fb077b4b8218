import { Form, useSearchParams } from '@remix-run/react';
import { BlockStack, Button, Card, DataTable, InlineStack, Link, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { ListPagination } from '../imports/list-pagination';
import { formatMoney } from '../insights/format';
import { formatRatio, formatUnits } from './forecast-format';
import type { ForecastsData } from './forecasts.page';

/** Every product's forecast totals and backtest MASE, searchable by title, 25 a page. */
export function ProductList({ products, currency }: { products: ForecastsData['products']; currency: string }) {
  const [params] = useSearchParams();
  const [search, setSearch] = useState(products.search);
  const pageUrl = (page: number) => {
    const next = new URLSearchParams(params);
    next.delete('product');
    next.set('page', String(page));
    return `?${next.toString()}`;
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Products
        </Text>
        <Form method="get" role="search" preventScrollReset>
          <InlineStack gap="200" blockAlign="end">
            <div style={{ flexGrow: 1 }}>
              <TextField label="Search products" name="q" value={search} onChange={setSearch} autoComplete="off" />
            </div>
            <Button submit>Search</Button>
          </InlineStack>
        </Form>
        {products.rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {products.search ? `No product matches “${products.search}”.` : 'No products on this page.'}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric']}
            headings={['Product', 'Units 4 wk', 'Units 13 wk', 'Units 26 wk', 'Revenue 13 wk', 'MASE (baseline)']}
            rows={products.rows.map((row) => [
              <Link key={row.productId} url={`?product=${row.productId}`}>
                {row.title}
              </Link>,
              formatUnits(row.units4),
              formatUnits(row.units13),
              formatUnits(row.units26),
              row.revenue13Cents === null ? '—' : formatMoney(row.revenue13Cents, currency),
              row.accuracy ? `${formatRatio(row.accuracy.mase)} (${formatRatio(row.accuracy.baselineMase)})` : '—',
            ])}
          />
        )}
        <ListPagination
          label={`Page ${products.page}`}
          previousUrl={products.page > 1 ? pageUrl(products.page - 1) : null}
          nextUrl={products.hasNextPage ? pageUrl(products.page + 1) : null}
        />
      </BlockStack>
    </Card>
  );
}
