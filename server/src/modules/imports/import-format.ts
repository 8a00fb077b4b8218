import { contactColumns } from './contacts-csv.mapper';
import { bindColumns, type ColumnSpec, headerLine, openCsv } from './csv-table';
import { genericProductColumns } from './generic-products.mapper';
import {
  formatKinds,
  formatLabels,
  ImportFileError,
  type ImportFormat,
  type ImportKind,
  importFormats,
} from './import.model';
import { orderColumns } from './orders-csv.mapper';
import { shopifyProductColumns } from './shopify-products.mapper';

/**
 * Which format a file is, from its name and first bytes: XML and JSON feeds
 * by their first character, CSV files by their header. The page the person
 * imports from fixes the kind; a file of another kind gets a pointer to the
 * right page instead of a run that fails every row.
 */
const csvFormats: Array<{ format: ImportFormat; columns: ColumnSpec[]; also?: (names: Set<string>) => boolean }> = [
  {
    format: 'shopify_products_csv',
    columns: shopifyProductColumns,
    also: (names) => names.has('option1 value') || names.has('variant sku'),
  },
  { format: 'orders_csv', columns: orderColumns },
  { format: 'generic_products_csv', columns: genericProductColumns },
  { format: 'contacts_csv', columns: contactColumns },
];

const pageOfKind: Record<ImportKind, string> = { products: 'Catalog', orders: 'Orders', contacts: 'Contacts' };
const headBytes = 64 * 1024;

export async function detectFormat(
  kind: ImportKind,
  fileName: string,
  source: Uint8Array,
  chosen: ImportFormat | 'auto' = 'auto',
): Promise<ImportFormat> {
  if (chosen !== 'auto') {
    if (formatKinds[chosen] !== kind) {
      throw new ImportFileError(
        `${formatLabels[chosen]} files are imported on the ${pageOfKind[formatKinds[chosen]]} page.`,
      );
    }
    await checkChosenFormat(chosen, source.subarray(0, headBytes));
    return chosen;
  }
  // The most specific format that fits decides: an orders file also has an email column, but is not a contacts file.
  const [best] = await listCandidates(fileName, source.subarray(0, headBytes));
  if (best && formatKinds[best] === kind) return best;
  if (best) {
    throw new ImportFileError(
      `This looks like ${/^[AEIOU]/.test(formatLabels[best]) ? 'an' : 'a'} ${formatLabels[best]}; import it on the ${pageOfKind[formatKinds[best]]} page.`,
    );
  }
  const expected = importFormats.filter((format) => formatKinds[format] === kind).map((format) => formatLabels[format]);
  throw new ImportFileError(
    `This file matches none of the formats for ${kind} (${expected.join(', ')}). Check its columns, or choose the format.`,
  );
}

/** The file must at least start like the format the person chose, and a CSV must have its required columns. */
async function checkChosenFormat(format: ImportFormat, head: Uint8Array): Promise<void> {
  const first = firstCharacter(head);
  if (format === 'google_merchant_xml') {
    if (first !== '<') throw new ImportFileError('This is not an XML file.');
    return;
  }
  if (format === 'products_json') {
    if (first !== '[' && first !== '{') throw new ImportFileError('This is not a JSON file.');
    return;
  }
  const spec = csvFormats.find((candidate) => candidate.format === format);
  if (spec) bindColumns((await openCsv(headerLine(head))).header, spec.columns);
}

function firstCharacter(head: Uint8Array): string {
  return Buffer.from(head.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .charAt(0);
}

async function listCandidates(fileName: string, head: Uint8Array): Promise<ImportFormat[]> {
  const extension = fileName.toLowerCase().split('.').at(-1);
  const first = firstCharacter(head);
  if (extension === 'xml' || first === '<') return ['google_merchant_xml'];
  if (extension === 'json' || first === '[' || first === '{') return ['products_json'];
  const { header } = await openCsv(headerLine(head));
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  return csvFormats
    .filter(({ columns, also }) => fitsColumns(header, columns) && (also?.(names) ?? true))
    .map(({ format }) => format);
}

function fitsColumns(header: string[], columns: ColumnSpec[]): boolean {
  try {
    bindColumns(header, columns);
    return true;
  } catch {
    return false;
  }
}
