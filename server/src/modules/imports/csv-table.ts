import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ImportFileError } from './import.model';
import type { SourceRecord } from './import-unit';

/**
 * A CSV file read as a stream of records: the header first, then one record
 * at a time, so a 100 MB file never becomes 100 MB of objects. The delimiter
 * (",", ";" or tab) is taken from the header line, a UTF-8 byte-order mark is
 * dropped, and a file that is not UTF-8 is read as Windows-1252 (what Excel
 * writes for "CSV" on Windows). Blank lines keep their row numbers, so a row
 * number in a report is the one a spreadsheet shows.
 */
export interface CsvTable {
  /** Column names as written. */
  header: string[];
  records: AsyncIterable<SourceRecord<string[]>>;
}

const chunkBytes = 64 * 1024;

export async function openCsv(source: Uint8Array): Promise<CsvTable> {
  const bytes = toUtf8(source);
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(bytes),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  Readable.from(chunks(bytes)).pipe(parser);
  const iterator: AsyncIterator<string[]> = parser[Symbol.asyncIterator]();
  let ordinal = 0;
  const next = async (): Promise<string[] | undefined> => {
    try {
      const result = await iterator.next();
      if (result.done) return undefined;
      ordinal++;
      return result.value;
    } catch (error) {
      // The parser reads ahead, so its own count says where it stopped.
      const parsed = (error as { records?: number }).records;
      throw describeParseError(error, typeof parsed === 'number' ? parsed + 1 : ordinal + 1);
    }
  };
  let header: string[] | undefined;
  do header = await next();
  while (header && isBlank(header));
  if (!header) throw new ImportFileError('The file is empty.');
  const columns = header.map((name) => name.trim());
  return {
    header: columns,
    records: (async function* () {
      let index = 0;
      for (let cells = await next(); cells; cells = await next()) {
        if (!isBlank(cells)) yield { index: index++, row: ordinal, cells };
      }
    })(),
  };
}

function* chunks(bytes: Uint8Array) {
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    yield Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(chunkBytes, bytes.length - start));
  }
}

function toUtf8(source: Uint8Array): Uint8Array {
  if (isUtf8(source)) return source;
  return Buffer.from(new TextDecoder('windows-1252').decode(source), 'utf8');
}

/** The separator used most often on the header line, outside quotes; "," when there is none. */
export function detectDelimiter(bytes: Uint8Array): string {
  const counts = new Map<number, number>();
  let quoted = false;
  for (const byte of headerLine(bytes)) {
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x2c || byte === 0x3b || byte === 0x09))
      counts.set(byte, (counts.get(byte) ?? 0) + 1);
  }
  let best = 0x2c;
  for (const [byte, count] of counts) if (count > (counts.get(best) ?? 0)) best = byte;
  return String.fromCharCode(best);
}

/**
 * The bytes of the file's first line (its header), up to the first line break
 * outside quotes — enough to tell formats apart without parsing the rest, where
 * a cut through a quoted value would look like a broken file.
 */
export function headerLine(bytes: Uint8Array): Uint8Array {
  let quoted = false;
  const limit = Math.min(bytes.length, 64 * 1024);
  for (let at = 0; at < limit; at++) {
    const byte = bytes[at];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) {
      // A blank first line is not the header: look past it.
      if (at === 0 || bytes.subarray(0, at).every((value) => value === 0x20 || value === 0x0a || value === 0x0d))
        continue;
      return bytes.subarray(0, at);
    }
  }
  return bytes.subarray(0, limit);
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function describeParseError(error: unknown, row: number): ImportFileError {
  const code = (error as { code?: string }).code;
  const reason =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted value is never closed (a " is missing)'
      : code === 'CSV_MAX_RECORD_SIZE'
        ? 'a value is too long'
        : ((error as Error).message ?? 'the CSV is malformed');
  return new ImportFileError(`The file cannot be read from row ${row} on: ${reason}.`);
}

/** What a mapper asks of the header: each value it reads, by any of the names files use for it. */
export interface ColumnSpec {
  key: string;
  /** Names as files write them; compared ignoring case, spaces, "_", "-" and camelCase humps. */
  names: string[];
  required?: boolean;
}

export interface Columns {
  has(key: string): boolean;
  /** The trimmed cell of this column ('' when the column or the cell is missing). */
  get(cells: string[], key: string): string;
}

export function normaliseColumnName(name: string): string {
  return name
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

export function bindColumns(header: string[], specs: ColumnSpec[]): Columns {
  const positions = new Map<string, number>();
  header.forEach((name, position) => {
    const normalised = normaliseColumnName(name);
    if (!positions.has(normalised)) positions.set(normalised, position);
  });
  const bound = new Map<string, number>();
  const missing: ColumnSpec[] = [];
  for (const spec of specs) {
    const position = spec.names.map((name) => positions.get(normaliseColumnName(name))).find((at) => at !== undefined);
    if (position !== undefined) bound.set(spec.key, position);
    else if (spec.required) missing.push(spec);
  }
  if (missing.length > 0) throw new MissingColumnsError(missing, header);
  return {
    has: (key) => bound.has(key),
    get(cells, key) {
      const position = bound.get(key);
      return position === undefined ? '' : (cells[position] ?? '').trim();
    },
  };
}

export class MissingColumnsError extends ImportFileError {
  /** Each missing column as `"title" (or "name", …)`. */
  readonly missing: string[];
  constructor(missing: ColumnSpec[], header: string[]) {
    const described = missing.map((spec) => {
      const [name, ...others] = spec.names;
      return others.length > 0 ? `"${name}" (or ${others.map((other) => `"${other}"`).join(', ')})` : `"${name}"`;
    });
    const shown = header.slice(0, 12).join(', ') + (header.length > 12 ? ', …' : '');
    super(
      `The file has no ${described.join(' and no ')} column. Its columns are: ${shown || 'none'}. Check the format chosen.`,
    );
    this.missing = described;
  }
}
