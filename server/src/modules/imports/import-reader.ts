import { mapContacts } from './contacts-csv.mapper';
import { openCsv } from './csv-table';
import { cutJsonElements, readJsonItems } from './feed-json';
import { mapGoogleProducts, mapJsonProducts } from './feed-products.mapper';
import { decodeFeed } from './feed-text';
import { cutXmlItems, readXmlItems } from './feed-xml';
import { mapGenericProducts } from './generic-products.mapper';
import type { ImportFormat } from './import.model';
import type { ImportUnit } from './import-unit';
import { contactWriter, orderWriter, productWriter, type UnitWriter } from './import-writers';
import { mapOrders } from './orders-csv.mapper';
import { mapShopifyProducts } from './shopify-products.mapper';

/**
 * A file's units and the writer for them, by format. The consumer is generic
 * in the unit's value, so a format's units can only meet its own writer.
 */
export type UnitConsumer<Result> = <Value>(
  units: AsyncIterable<ImportUnit<Value>>,
  writer: UnitWriter<Value>,
) => Promise<Result>;

export async function readUnits<Result>(
  format: ImportFormat,
  source: Uint8Array,
  consume: UnitConsumer<Result>,
): Promise<Result> {
  switch (format) {
    case 'shopify_products_csv':
      return consume(mapShopifyProducts(await openCsv(source)), productWriter);
    case 'generic_products_csv':
      return consume(mapGenericProducts(await openCsv(source)), productWriter);
    case 'google_merchant_xml':
      return consume(mapGoogleProducts(readXmlItems(decodeFeed(source))), productWriter);
    case 'products_json':
      return consume(mapJsonProducts(readJsonItems(decodeFeed(source))), productWriter);
    case 'orders_csv':
      return consume(mapOrders(await openCsv(source)), orderWriter);
    case 'contacts_csv':
      return consume(mapContacts(await openCsv(source)), contactWriter);
  }
}

/** How many data records (CSV rows, feed items) the file has: the run's total, for its progress bar. */
export async function countRecords(format: ImportFormat, source: Uint8Array): Promise<number> {
  if (format === 'google_merchant_xml') return count(cutXmlItems(decodeFeed(source)));
  if (format === 'products_json') return count(cutJsonElements(decodeFeed(source)));
  const table = await openCsv(source);
  let records = 0;
  for await (const _record of table.records) records++;
  return records;
}

function count(items: Iterable<unknown>): number {
  let total = 0;
  for (const _item of items) total++;
  return total;
}
