import { toHandle } from '../catalog';
import { htmlToText, readList } from './cell-values';
import { bindColumns, type ColumnSpec, type Columns, type CsvTable } from './csv-table';
import type { SourceRecord } from './import-unit';
import { checkVariant, type ProductUnit, readInventory, readPrice, toProductUnit } from './product-rows';

/**
 * The simple product CSV anyone can write by hand: one row per product with
 * a single price. Only title and price are required; the handle (how a
 * re-import finds the product again) is derived from the title when absent.
 * JSON feeds of flat objects use the same names.
 */
export const genericProductColumns: ColumnSpec[] = [
  { key: 'handle', names: ['handle', 'slug'] },
  { key: 'title', names: ['title', 'name', 'product name', 'product title'], required: true },
  { key: 'description', names: ['description', 'body', 'body (html)', 'body html'] },
  { key: 'price', names: ['price', 'regular price', 'unit price'], required: true },
  { key: 'compareAt', names: ['compare at price', 'compare at', 'original price', 'list price'] },
  { key: 'currency', names: ['currency', 'currency code'] },
  { key: 'sku', names: ['sku', 'variant sku'] },
  { key: 'inventory', names: ['inventory', 'stock', 'quantity', 'qty', 'inventory quantity'] },
  { key: 'category', names: ['category', 'type', 'product type'] },
  { key: 'vendor', names: ['vendor', 'brand'] },
  { key: 'tags', names: ['tags'] },
  { key: 'imageUrl', names: ['image url', 'image', 'image link', 'image src'] },
  { key: 'url', names: ['url', 'link', 'product url'] },
  { key: 'status', names: ['status'] },
];

const fieldNames: Record<string, string> = {
  handle: 'handle',
  title: 'title',
  description: 'description',
  category: 'category',
  vendor: 'vendor',
  tags: 'tags',
  imageUrl: 'image_url',
  url: 'url',
  status: 'status',
  currency: 'currency',
  sku: 'sku',
  priceCents: 'price',
  compareAtPriceCents: 'compare_at_price',
  inventory: 'inventory',
};

export async function* mapGenericProducts(table: CsvTable): AsyncGenerator<ProductUnit> {
  const columns = bindColumns(table.header, genericProductColumns);
  for await (const record of table.records) yield mapGenericProduct(columns, record);
}

export function mapGenericProduct(columns: Columns, record: SourceRecord<string[]>): ProductUnit {
  const read = (key: string) => columns.get(record.cells, key);
  const optional = (key: string, value: unknown) => (columns.has(key) ? value : undefined);
  const title = read('title');
  const handle = read('handle').toLowerCase() || (title ? toHandle(title) : '');
  const rows = [record];
  const label = `product "${handle || title}"`;
  const variant = readGenericVariant(columns, record.cells);
  return toProductUnit({
    rows,
    label,
    product: {
      handle: handle || undefined,
      title,
      description: optional('description', htmlToText(read('description'))),
      category: optional('category', read('category') || null),
      vendor: optional('vendor', read('vendor') || null),
      tags: optional('tags', readList(read('tags'))),
      imageUrl: optional('imageUrl', read('imageUrl') || null),
      url: optional('url', read('url') || null),
      status: optional('status', read('status').toLowerCase() || 'active'),
      currency: read('currency') || undefined,
    },
    variants: 'value' in variant ? [variant.value] : [],
    errors: 'problem' in variant ? [{ row: record.row, ...variant.problem }] : [],
    fieldNames,
  });
}

function readGenericVariant(columns: Columns, cells: string[]) {
  const price = readPrice('price', columns.get(cells, 'price'), { required: true });
  if ('problem' in price) return price;
  const compareAt = readPrice('compare_at_price', columns.get(cells, 'compareAt'), { required: false });
  if ('problem' in compareAt) return compareAt;
  const inventory = readInventory('inventory', columns.get(cells, 'inventory'));
  if ('problem' in inventory) return inventory;
  return checkVariant(
    {
      sku: columns.get(cells, 'sku') || undefined,
      title: 'Default',
      priceCents: price.value,
      compareAtPriceCents: columns.has('compareAt') ? compareAt.value : undefined,
      inventory: columns.has('inventory') ? inventory.value : undefined,
    },
    fieldNames,
  );
}
