import { useLoaderData, useNavigation } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Card,
  IndexTable,
  InlineStack,
  Layout,
  Link,
  Page,
  Select,
  Text,
  Thumbnail,
} from '@shopify/polaris';
import { ImageIcon } from '@shopify/polaris-icons';
import { useState } from 'react';
import { ImportDialog } from '~/admin/imports/import-dialog';
import { numberFormat } from '~/admin/imports/import-labels';
import { ListPagination } from '~/admin/imports/list-pagination';
import { RecentImports } from '~/admin/imports/recent-imports';
import { useCan } from '~/lib/csrf';
import { ListEmptyState } from '../imports/list-empty-state';
import { ListSearchForm } from '../imports/list-search-form';
import type { loader } from './catalog.server';

type CatalogData = ReturnType<typeof useLoaderData<typeof loader>>;

const statusOptions = [
  { label: 'Any status', value: '' },
  { label: 'Active', value: 'active' },
  { label: 'Draft', value: 'draft' },
  { label: 'Archived', value: 'archived' },
];
const statusTones = { active: 'success', draft: 'info', archived: undefined } as const;

/** The products the assistant can recommend, searched the way the assistant searches, and product imports. */
export default function CatalogPage() {
  const { products, imports, filters } = useLoaderData<typeof loader>();
  const canImport = useCan('catalog.write');
  const [importing, setImporting] = useState(false);
  return (
    <Page
      title="Catalog"
      subtitle="The products your assistant knows and recommends"
      primaryAction={canImport ? { content: 'Import products', onAction: () => setImporting(true) } : undefined}
    >
      <ImportDialog kind="products" title="Import products" open={importing} onClose={() => setImporting(false)}>
        <Text as="p" variant="bodySm" tone="subdued">
          Shopify’s product export as it is, a CSV with title and price (optional: handle, description, sku, inventory,
          category, image_url, url), a Google Merchant feed, or a JSON list of products. Importing again updates
          products by handle.
        </Text>
      </ImportDialog>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <SearchForm filters={filters} />
            {products.mode === 'search' ? (
              <Box paddingInline="400" paddingBlockEnd="300">
                <Banner tone="info">
                  <p>
                    What the assistant finds for “{filters.q}”: up to 20 active products, best match first.{' '}
                    <Link url="/catalog">Show all products</Link>
                  </p>
                </Banner>
              </Box>
            ) : null}
            <ProductTable products={products.products} searching={products.mode === 'search'} />
            <ProductPagination products={products} filters={filters} />
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

function SearchForm({ filters }: { filters: CatalogData['filters'] }) {
  const [status, setStatus] = useState(filters.status);
  const navigation = useNavigation();
  return (
    <ListSearchForm
      label="Search products"
      initialQuery={filters.q}
      placeholder="e.g. waterproof jacket under $150"
      submitLabel="Search"
      submitting={navigation.state === 'loading' && navigation.location.pathname === '/catalog'}
    >
      <Select label="Status" name="status" options={statusOptions} value={status} onChange={setStatus} />
    </ListSearchForm>
  );
}

function ProductTable({ products, searching }: { products: CatalogData['products']['products']; searching: boolean }) {
  return (
    <IndexTable
      resourceName={{ singular: 'product', plural: 'products' }}
      itemCount={products.length}
      selectable={false}
      headings={[
        { title: 'Product' },
        { title: 'Status' },
        { title: 'Price', alignment: 'end' },
        { title: 'Inventory', alignment: 'end' },
        { title: 'Category' },
      ]}
      emptyState={
        <ListEmptyState
          title={searching ? 'The assistant finds nothing for this search' : 'No products yet'}
          hint={
            searching
              ? 'Try other words, or check that the products are active.'
              : 'Import your catalog to let the assistant recommend products.'
          }
        />
      }
    >
      {products.map((product, position) => (
        <IndexTable.Row id={product.id} key={product.id} position={position}>
          <IndexTable.Cell>
            <InlineStack gap="300" blockAlign="center" wrap={false}>
              <Thumbnail source={product.imageUrl ?? ImageIcon} alt="" size="small" />
              <BlockStack gap="050">
                <Text as="span" variant="bodyMd" fontWeight="semibold">
                  {product.title}
                </Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  {product.handle} · {product.variantCount} {product.variantCount === 1 ? 'variant' : 'variants'}
                </Text>
              </BlockStack>
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={statusTones[product.status]}>{capitalise(product.status)}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {product.price ?? '—'}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {product.inventory === null ? 'Not tracked' : `${numberFormat.format(product.inventory)} in stock`}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{product.category ?? '—'}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

function ProductPagination({
  products,
  filters,
}: {
  products: CatalogData['products'];
  filters: CatalogData['filters'];
}) {
  if (products.mode === 'search') return null;
  const url = (cursors: string[]) => {
    const params = new URLSearchParams();
    if (filters.status) params.set('status', filters.status);
    if (cursors.length > 0) params.set('cursors', cursors.join('.'));
    const query = params.toString();
    return query ? `/catalog?${query}` : '/catalog';
  };
  return (
    <ListPagination
      label={`Page ${products.cursors.length + 1}`}
      previousUrl={products.cursors.length > 0 ? url(products.cursors.slice(0, -1)) : null}
      nextUrl={products.nextCursor ? url([...products.cursors, products.nextCursor]) : null}
    />
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
