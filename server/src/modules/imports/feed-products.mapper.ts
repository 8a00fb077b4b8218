import { toHandle, type VariantInput } from '../catalog';
import { htmlToText } from './cell-values';
import { bindColumns, MissingColumnsError } from './csv-table';
import type { JsonItem } from './feed-json';
import type { FeedFields, FeedItem } from './feed-xml';
import { genericProductColumns, mapGenericProduct } from './generic-products.mapper';
import type { RowError } from './import.model';
import type { SourceRecord } from './import-unit';
import { checkVariant, type ProductUnit, readInventory, readPrice, toProductUnit } from './product-rows';
import { groupAdjacent } from './record-groups';

/**
 * Product feeds. Google Merchant items are variants: items sharing an
 * `item_group_id` become one product (matched again by that id), a lone item
 * is a product of its own (matched by its `id`). JSON feed elements are either
 * products in the REST API's shape (with `variants`, prices in cents) or flat
 * objects named like the simple CSV's columns.
 */
const googleFields: Record<string, string> = {
  title: 'title',
  description: 'description',
  vendor: 'brand',
  category: 'product_type',
  imageUrl: 'image_link',
  url: 'link',
  currency: 'price',
  externalId: 'item_group_id',
  priceCents: 'price',
  compareAtPriceCents: 'sale_price',
  inventory: 'quantity',
  sku: 'id',
  variants: 'id',
};
const optionAttributes = [
  ['color', 'Color'],
  ['size', 'Size'],
  ['material', 'Material'],
  ['pattern', 'Pattern'],
] as const;

export async function* mapGoogleProducts(items: Iterable<FeedItem>): AsyncGenerator<ProductUnit> {
  const groups = groupAdjacent(items, {
    key: (item) => ('problem' in item.cells ? '' : (item.cells.item_group_id ?? item.cells.id ?? '').trim()),
    describe: (key) => `product "${key}"`,
    missingKey: (item) =>
      'problem' in item.cells ? { message: item.cells.problem } : { field: 'id', message: 'The item has no <g:id>.' },
    repeated: (key, firstRow) =>
      `Item group "${key}" already appeared at item ${firstRow}; keep the items of a group together.`,
  });
  for await (const group of groups) {
    yield 'failed' in group ? group.failed : toGoogleProduct(group.key, group.records as SourceRecord<FeedFields>[]);
  }
}

function toGoogleProduct(key: string, items: SourceRecord<FeedFields>[]): ProductUnit {
  const [first] = items as [SourceRecord<FeedFields>];
  const product = first.cells;
  const grouped = items.length > 1 || Boolean(product.item_group_id);
  const errors: RowError[] = [];
  const variants: VariantInput[] = [];
  for (const item of items) {
    const variant = readGoogleVariant(item.cells, grouped);
    if ('problem' in variant) errors.push({ row: item.row, ...variant.problem });
    else variants.push(variant.value);
  }
  const productType = product.product_type || product.google_product_category || '';
  return toProductUnit({
    rows: items,
    label: `product "${key}"`,
    product: {
      externalId: key,
      title: product.title ?? '',
      description: htmlToText(product.description ?? ''),
      category: productType.split('>').at(-1)?.trim() || null,
      vendor: product.brand || null,
      imageUrl: product.image_link || null,
      url: product.link || null,
      status: 'active',
      currency: /\b([A-Z]{3})\b/.exec(product.price ?? '')?.[1],
    },
    variants,
    errors,
    fieldNames: googleFields,
  });
}

function readGoogleVariant(fields: FeedFields, grouped: boolean) {
  const listPrice = readPrice('price', fields.price ?? '', { required: true });
  if ('problem' in listPrice) return listPrice;
  const salePrice = readPrice('sale_price', fields.sale_price ?? '', { required: false });
  if ('problem' in salePrice) return salePrice;
  const onSale = salePrice.value !== null && salePrice.value < (listPrice.value as number);
  const availability = (fields.availability ?? '').toLowerCase().replace(/_/g, ' ');
  const quantity = readInventory('quantity', fields.quantity ?? '');
  if ('problem' in quantity) return quantity;
  const options: Record<string, string> = {};
  if (grouped) {
    for (const [attribute, name] of optionAttributes) if (fields[attribute]) options[name] = fields[attribute];
  }
  return checkVariant(
    {
      externalId: fields.id,
      sku: fields.id,
      title: Object.values(options).join(' / ') || 'Default',
      options,
      priceCents: onSale ? salePrice.value : listPrice.value,
      compareAtPriceCents: onSale ? listPrice.value : null,
      inventory: availability === 'out of stock' ? 0 : quantity.value,
    },
    googleFields,
  );
}

const apiFields: Record<string, string> = { externalId: 'externalId', handle: 'handle', title: 'title' };

export async function* mapJsonProducts(items: Iterable<JsonItem>): AsyncGenerator<ProductUnit> {
  for (const item of items) yield mapJsonProduct(item);
}

function mapJsonProduct(item: JsonItem): ProductUnit {
  const rows = [item];
  const base = { first: item.index, last: item.index, rows: [item.row], label: `product ${item.row}` };
  if ('problem' in item.cells) return { ...base, errors: [{ row: item.row, message: item.cells.problem }] };
  const element = item.cells.value;
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    return { ...base, errors: [{ row: item.row, message: 'Each product must be a JSON object.' }] };
  }
  const product = element as Record<string, unknown>;
  if (Array.isArray(product.variants)) {
    const { variants, ...fields } = product;
    const title = typeof fields.title === 'string' ? fields.title : '';
    const handle = fields.handle ?? (fields.externalId ? undefined : title ? toHandle(title) : undefined);
    return toProductUnit({
      rows,
      label: `product "${String(handle ?? fields.externalId ?? title)}"`,
      product: { ...fields, ...(handle === undefined ? {} : { handle }), title },
      variants: variants as VariantInput[],
      errors: [],
      fieldNames: apiFields,
    });
  }
  const keys = Object.keys(product);
  try {
    const columns = bindColumns(keys, genericProductColumns);
    return mapGenericProduct(columns, { ...item, cells: keys.map((key) => flatten(product[key])) });
  } catch (error) {
    if (!(error instanceof MissingColumnsError)) throw error;
    return { ...base, errors: [{ row: item.row, message: `This product has no ${error.missing.join(' and no ')}.` }] };
  }
}

function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((entry) => typeof entry === 'string').join(', ');
  return '';
}
