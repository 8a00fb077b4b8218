/** Test helpers: files as bytes, CSV written the way spreadsheets quote it, and async generators drained. */
export function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Array<Array<string | number | null | undefined>>, delimiter = ','): string {
  return `${rows.map((row) => row.map(csvCell).join(delimiter)).join('\r\n')}\r\n`;
}

export async function collect<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export const shopifyHeader = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Variant SKU',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Price',
  'Variant Compare At Price',
  'Image Src',
  'Status',
];

/** One Shopify export row; unnamed columns are blank, as on a product's later rows. */
export function shopifyRow(fields: Partial<Record<(typeof shopifyHeader)[number], string | number>>): string[] {
  return shopifyHeader.map((column) => String(fields[column] ?? ''));
}
