import type { ImportFormat, ImportKind, ImportStatus } from '../../../../server/src/modules/imports';

/** Words and places for imports, shared by the catalog, orders, contacts and import-run pages. */
export const formatOptions: Record<ImportKind, Array<{ label: string; value: ImportFormat | 'auto' }>> = {
  products: [
    { label: 'Detect from the file', value: 'auto' },
    { label: 'Shopify product CSV', value: 'shopify_products_csv' },
    { label: 'Simple product CSV', value: 'generic_products_csv' },
    { label: 'Google Merchant feed (XML)', value: 'google_merchant_xml' },
    { label: 'Product feed (JSON)', value: 'products_json' },
  ],
  orders: [
    { label: 'Detect from the file', value: 'auto' },
    { label: 'Orders CSV', value: 'orders_csv' },
  ],
  contacts: [
    { label: 'Detect from the file', value: 'auto' },
    { label: 'Contacts CSV', value: 'contacts_csv' },
  ],
};

export const kindPages: Record<ImportKind, { url: string; title: string; rows: string }> = {
  products: { url: '/catalog', title: 'Catalog', rows: 'products' },
  orders: { url: '/orders', title: 'Orders', rows: 'orders' },
  contacts: { url: '/contacts', title: 'Contacts', rows: 'contacts' },
};

export const statusBadges: Record<
  ImportStatus,
  { label: string; tone: 'info' | 'attention' | 'success' | 'critical' | undefined }
> = {
  queued: { label: 'Queued', tone: 'info' },
  running: { label: 'Running', tone: 'attention' },
  succeeded: { label: 'Finished', tone: 'success' },
  failed: { label: 'Failed', tone: 'critical' },
  cancelled: { label: 'Cancelled', tone: undefined },
};

export function isActive(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

export const numberFormat = new Intl.NumberFormat('en');
