import type { VariantInput } from '../catalog';
import { htmlToText, readList } from './cell-values';
import { bindColumns, type ColumnSpec, type Columns, type CsvTable } from './csv-table';
import type { RowError } from './import.model';
import type { SourceRecord } from './import-unit';
import { checkVariant, type ProductUnit, readInventory, readPrice, toProductUnit } from './product-rows';
import { groupAdjacent } from './record-groups';

/**
 * Shopify's product CSV export: rows grouped by Handle. The first row of a
 * handle carries the product (Title, Body (HTML), Vendor, Type, Tags,
 * Published/Status) and usually its first variant; later rows add variants
 * (Option1–3 Value, Variant SKU, Variant Price …) or only images (Image Src).
 * Option names are on the first row only.
 */
export const shopifyProductColumns: ColumnSpec[] = [
  { key: 'handle', names: ['Handle'], required: true },
  { key: 'title', names: ['Title'], required: true },
  { key: 'body', names: ['Body (HTML)', 'Body HTML', 'Body'] },
  { key: 'vendor', names: ['Vendor'] },
  { key: 'type', names: ['Type'] },
  { key: 'productCategory', names: ['Product Category'] },
  { key: 'tags', names: ['Tags'] },
  { key: 'published', names: ['Published'] },
  { key: 'status', names: ['Status'] },
  ...[1, 2, 3].flatMap((n) => [
    { key: `option${n}Name`, names: [`Option${n} Name`] },
    { key: `option${n}Value`, names: [`Option${n} Value`] },
  ]),
  { key: 'sku', names: ['Variant SKU'] },
  { key: 'price', names: ['Variant Price'], required: true },
  { key: 'compareAt', names: ['Variant Compare At Price'] },
  { key: 'inventory', names: ['Variant Inventory Qty'] },
  { key: 'tracker', names: ['Variant Inventory Tracker'] },
  { key: 'image', names: ['Image Src'] },
  { key: 'variantImage', names: ['Variant Image'] },
];

const productFields: Record<string, string> = {
  handle: 'Handle',
  title: 'Title',
  description: 'Body (HTML)',
  vendor: 'Vendor',
  category: 'Type',
  tags: 'Tags',
  imageUrl: 'Image Src',
  url: 'Handle',
  status: 'Status',
  variants: 'Variant SKU',
};
const variantFields: Record<string, string> = {
  sku: 'Variant SKU',
  title: 'Option1 Value',
  options: 'Option1 Name',
  priceCents: 'Variant Price',
  compareAtPriceCents: 'Variant Compare At Price',
  inventory: 'Variant Inventory Qty',
};
const maxVariants = 100;

export async function* mapShopifyProducts(table: CsvTable): AsyncGenerator<ProductUnit> {
  const columns = bindColumns(table.header, shopifyProductColumns);
  const groups = groupAdjacent(table.records, {
    key: (record) => columns.get(record.cells, 'handle').toLowerCase(),
    describe: (handle) => `product "${handle}"`,
    missingKey: () => ({ field: 'Handle', message: 'Handle is empty; every row needs its product’s handle.' }),
    repeated: (handle, firstRow) =>
      `Handle "${handle}" already appeared at row ${firstRow}; keep all rows of a product together.`,
  });
  for await (const group of groups) {
    yield 'failed' in group ? group.failed : toShopifyProduct(columns, group.key, group.records);
  }
}

function toShopifyProduct(columns: Columns, handle: string, records: SourceRecord<string[]>[]): ProductUnit {
  const [first] = records as [SourceRecord<string[]>];
  const read = (record: SourceRecord<string[]>, key: string) => columns.get(record.cells, key);
  const optionNames = [1, 2, 3].map((n) => read(first, `option${n}Name`));
  const errors: RowError[] = [];
  const variants: VariantInput[] = [];
  let imageUrl = '';
  for (const record of records) {
    imageUrl ||= read(record, 'image') || read(record, 'variantImage');
    if (!isVariantRow(columns, record.cells)) continue;
    if (variants.length >= maxVariants) {
      errors.push({ row: record.row, message: `A product has at most ${maxVariants} variants.` });
      continue;
    }
    const variant = readShopifyVariant(columns, record.cells, optionNames);
    if ('problem' in variant) errors.push({ row: record.row, ...variant.problem });
    else variants.push(variant.value);
  }
  const optional = (key: string, value: unknown) => (columns.has(key) ? value : undefined);
  const category = read(first, 'type') || read(first, 'productCategory').split('>').at(-1)?.trim() || null;
  return toProductUnit({
    rows: records,
    label: `product "${handle}"`,
    product: {
      handle,
      title: read(first, 'title'),
      description: optional('body', htmlToText(read(first, 'body'))),
      vendor: optional('vendor', read(first, 'vendor') || null),
      category: columns.has('type') || columns.has('productCategory') ? category : undefined,
      tags: optional('tags', readList(read(first, 'tags'))),
      imageUrl: imageUrl || null,
      url: `/products/${handle}`,
      status: readStatus(columns, first.cells),
    },
    variants,
    errors,
    fieldNames: productFields,
  });
}

/** Image-only rows carry no option value, SKU or price. */
function isVariantRow(columns: Columns, cells: string[]): boolean {
  return ['option1Value', 'sku', 'price'].some((key) => columns.get(cells, key) !== '');
}

function readShopifyVariant(columns: Columns, cells: string[], optionNames: string[]) {
  const price = readPrice('Variant Price', columns.get(cells, 'price'), { required: true });
  if ('problem' in price) return price;
  const compareAt = readPrice('Variant Compare At Price', columns.get(cells, 'compareAt'), { required: false });
  if ('problem' in compareAt) return compareAt;
  // A blank tracker means Shopify does not count this variant's stock.
  const tracked = !columns.has('tracker') || columns.get(cells, 'tracker') !== '';
  const inventory = tracked ? readInventory('Variant Inventory Qty', columns.get(cells, 'inventory')) : { value: null };
  if ('problem' in inventory) return inventory;
  const options: Record<string, string> = {};
  const values: string[] = [];
  optionNames.forEach((name, position) => {
    const value = columns.get(cells, `option${position + 1}Value`);
    // Shopify writes a product without options as the option "Title" = "Default Title".
    if (!value || (name === 'Title' && value === 'Default Title')) return;
    options[name || `Option ${position + 1}`] = value;
    values.push(value);
  });
  return checkVariant(
    {
      sku: columns.has('sku') ? columns.get(cells, 'sku') || null : undefined,
      title: values.join(' / ') || 'Default',
      options,
      priceCents: price.value,
      compareAtPriceCents: columns.has('compareAt') ? compareAt.value : undefined,
      inventory: columns.has('inventory') ? inventory.value : undefined,
    },
    variantFields,
  );
}

function readStatus(columns: Columns, cells: string[]): string {
  const status = columns.get(cells, 'status').toLowerCase();
  if (status) return status;
  return columns.get(cells, 'published').toLowerCase() === 'false' ? 'draft' : 'active';
}
