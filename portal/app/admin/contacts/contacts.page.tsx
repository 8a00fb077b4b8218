import { useLoaderData } from '@remix-run/react';
import { Badge, BlockStack, Card, IndexTable, Layout, Page, Text } from '@shopify/polaris';
import { useState } from 'react';
import { ImportDialog } from '~/admin/imports/import-dialog';
import { numberFormat } from '~/admin/imports/import-labels';
import { ListPagination } from '~/admin/imports/list-pagination';
import { RecentImports } from '~/admin/imports/recent-imports';
import { formatDate } from '~/admin/settings-common/time-ago';
import { useCan } from '~/lib/csrf';
import { ListEmptyState } from '../imports/list-empty-state';
import { ListSearchForm } from '../imports/list-search-form';
import type { loader } from './contacts.server';

type ContactsData = ReturnType<typeof useLoaderData<typeof loader>>;

const sourceLabels: Record<string, string> = {
  widget_lead: 'Chat',
  order_import: 'Orders',
  shopify: 'Shopify',
  api: 'API or import',
};

/** The people the store knows by email — from chats, orders, Shopify and imports — and contacts imports. */
export default function ContactsPage() {
  const { contacts, imports, filters } = useLoaderData<typeof loader>();
  const canImport = useCan('catalog.write');
  const [importing, setImporting] = useState(false);
  return (
    <Page
      primaryAction={canImport ? { content: 'Import contacts', onAction: () => setImporting(true) } : undefined}
      title="Contacts"
      subtitle="Shoppers who chatted, ordered or were imported"
    >
      <ImportDialog kind="contacts" title="Import contacts" open={importing} onClose={() => setImporting(false)}>
        <Text as="p" variant="bodySm" tone="subdued">
          One person per row with an email; optional name (or first and last name), phone, customer id and accepts
          marketing (yes/no). Shopify’s customer export works as it is. Blank cells leave what we know unchanged.
        </Text>
      </ImportDialog>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <SearchForm query={filters.q} />
            <ContactTable contacts={contacts.contacts} filtered={Boolean(filters.q)} />
            <PageLinks contacts={contacts} query={filters.q} />
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

function SearchForm({ query }: { query: string }) {
  return <ListSearchForm label="Name or email" initialQuery={query} submitLabel="Search" />;
}

function ContactTable({ contacts, filtered }: { contacts: ContactsData['contacts']['contacts']; filtered: boolean }) {
  return (
    <IndexTable
      resourceName={{ singular: 'contact', plural: 'contacts' }}
      itemCount={contacts.length}
      selectable={false}
      headings={[
        { title: 'Contact' },
        { title: 'Phone' },
        { title: 'Orders', alignment: 'end' },
        { title: 'Marketing' },
        { title: 'Source' },
        { title: 'Added' },
      ]}
      emptyState={
        <ListEmptyState
          title={filtered ? 'Nobody matches' : 'No contacts yet'}
          hint={
            filtered
              ? 'Try part of a name or an email.'
              : 'Contacts appear as shoppers leave their email in the chat or place orders.'
          }
        />
      }
    >
      {contacts.map((contact, position) => (
        <IndexTable.Row id={contact.id} key={contact.id} position={position}>
          <IndexTable.Cell>
            <BlockStack gap="050">
              <Text as="span" fontWeight="semibold">
                {contact.name ?? contact.email ?? '—'}
              </Text>
              {contact.name && contact.email ? (
                <Text as="span" variant="bodySm" tone="subdued">
                  {contact.email}
                </Text>
              ) : null}
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>{contact.phone ?? '—'}</IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {numberFormat.format(contact.orderCount)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {contact.marketingOptIn ? <Badge tone="success">Subscribed</Badge> : <Badge>Not subscribed</Badge>}
          </IndexTable.Cell>
          <IndexTable.Cell>{sourceLabels[contact.source] ?? contact.source}</IndexTable.Cell>
          <IndexTable.Cell>{formatDate(contact.createdAt)}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

function PageLinks({ contacts, query }: { contacts: ContactsData['contacts']; query: string }) {
  const url = (page: number) => {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return search ? `/contacts?${search}` : '/contacts';
  };
  return (
    <ListPagination
      label={`Page ${contacts.page}`}
      previousUrl={contacts.page > 1 ? url(contacts.page - 1) : null}
      nextUrl={contacts.hasNext ? url(contacts.page + 1) : null}
    />
  );
}
