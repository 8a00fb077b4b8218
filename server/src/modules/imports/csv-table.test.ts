import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindColumns, detectDelimiter, MissingColumnsError, openCsv } from './csv-table';
import { ImportFileError } from './import.model';
import { bytes, collect, toCsv } from './imports.fixtures';

async function readAll(source: Uint8Array) {
  const table = await openCsv(source);
  return { header: table.header, records: await collect(table.records) };
}

describe('openCsv', () => {
  it('drops a byte-order mark and numbers rows as a spreadsheet does', async () => {
    const { header, records } = await readAll(bytes('\uFEFFtitle,price\r\nMug,12\r\n\r\nCup,9\r\n'));
    expect(header).toEqual(['title', 'price']);
    expect(records).toEqual([
      { index: 0, row: 2, cells: ['Mug', '12'] },
      { index: 1, row: 4, cells: ['Cup', '9'] },
    ]);
  });

  it('reads semicolon and tab separated files', async () => {
    expect((await readAll(bytes('title;price\nMug;12,50\n'))).records[0]?.cells).toEqual(['Mug', '12,50']);
    expect((await readAll(bytes('title\tprice\nMug\t12\n'))).records[0]?.cells).toEqual(['Mug', '12']);
  });

  it('keeps quoted separators, quotes and line breaks inside a value', async () => {
    const { records } = await readAll(bytes('title,description\n"Mug, large","Says ""hi""\nand more"\nCup,x\n'));
    expect(records.map((record) => [record.row, record.cells])).toEqual([
      [2, ['Mug, large', 'Says "hi"\nand more']],
      [3, ['Cup', 'x']],
    ]);
  });

  it('reads short rows as blank cells and a file from Excel in Windows-1252', async () => {
    const latin = new Uint8Array(Buffer.from('title,price\nCaf\xe9 cr\xe8me,3\n', 'latin1'));
    expect((await readAll(latin)).records[0]?.cells).toEqual(['Café crème', '3']);
    const short = await readAll(bytes('a,b,c\n1\n'));
    expect(short.records[0]?.cells).toEqual(['1']);
  });

  it('says where a file stops being readable', async () => {
    await expect(readAll(bytes('title,price\nMug,1\n"Cup,2\n'))).rejects.toThrow(
      'The file cannot be read from row 3 on: a quoted value is never closed (a " is missing).',
    );
  });

  it('refuses an empty file', async () => {
    await expect(openCsv(bytes('\n\n'))).rejects.toThrow(new ImportFileError('The file is empty.'));
  });

  it('reads back whatever a well-quoted writer wrote', async () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r\n', 'é', '€', '\t') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';'),
        async (rows, delimiter) => {
          // A row of blanks is skipped like a blank line; give each row one visible cell.
          const written = rows.map(([a, b, c], index) => [`r${index}`, a, b, c]);
          const { records } = await readAll(bytes(toCsv([['id', 'a', 'b', 'c'], ...written], delimiter)));
          expect(records.map((record) => record.cells)).toEqual(written);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('detectDelimiter', () => {
  it('counts separators on the header line outside quotes', () => {
    expect(detectDelimiter(bytes('"a;b",c,d\n1;2;3;4;5'))).toBe(',');
    expect(detectDelimiter(bytes('a;b;c'))).toBe(';');
    expect(detectDelimiter(bytes('single'))).toBe(',');
  });
});

describe('bindColumns', () => {
  const specs = [
    { key: 'title', names: ['title', 'name'], required: true },
    { key: 'imageUrl', names: ['image url'] },
    { key: 'price', names: ['price'], required: true },
  ];

  it('matches names ignoring case, spaces, underscores and camelCase', () => {
    const columns = bindColumns([' Name ', 'IMAGE_URL', 'price'], specs);
    expect(columns.get(['  Mug ', 'https://x', '3'], 'title')).toBe('Mug');
    expect(columns.get(['Mug', 'https://x', '3'], 'imageUrl')).toBe('https://x');
    expect(bindColumns(['title', 'imageUrl', 'price'], specs).has('imageUrl')).toBe(true);
    expect(columns.get(['Mug'], 'price')).toBe('');
  });

  it('names every missing column, its other names, and the columns the file has', () => {
    expect(() => bindColumns(['sku', 'qty'], specs)).toThrow(MissingColumnsError);
    expect(() => bindColumns(['sku', 'qty'], specs)).toThrow(
      'The file has no "title" (or "name") and no "price" column. Its columns are: sku, qty. Check the format chosen.',
    );
  });
});
