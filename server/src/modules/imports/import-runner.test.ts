import { describe, expect, it } from 'vitest';
import { advance } from './import-runner';
import type { ImportUnit } from './import-unit';

const unit = (first: number, rows: number[], fields: Partial<ImportUnit<string>> = {}): ImportUnit<string> => ({
  first,
  last: first + rows.length - 1,
  rows,
  value: 'x',
  errors: [],
  label: 'product "x"',
  ...fields,
});
const start = { processedRows: 0, importedRows: 0, failedRows: 0, rowErrors: [] };

describe('advance', () => {
  it('counts written rows as imported and rows with problems as failed', () => {
    const batch = [
      unit(0, [2, 3, 4], { errors: [{ row: 3, message: 'bad price' }] }),
      unit(3, [5], { value: undefined, errors: [{ row: 5, message: 'no title' }] }),
      unit(4, [6, 7]),
    ];
    expect(advance(start, batch, [null, { message: 'handle taken', field: 'handle' }])).toEqual({
      processedRows: 6,
      importedRows: 2,
      failedRows: 4,
      rowErrors: [
        { row: 3, message: 'bad price' },
        { row: 5, message: 'no title' },
        { row: 6, field: 'handle', message: 'handle taken' },
        { row: 7, message: 'Not imported: product "x" has an error (row 6).' },
      ],
    });
  });

  it('puts a problem that names its row on that row', () => {
    const next = advance(start, [unit(0, [2, 3])], [{ row: 3, field: 'line sku', message: 'unknown SKU' }]);
    expect(next.rowErrors).toEqual([
      { row: 2, message: 'Not imported: product "x" has an error (row 3).' },
      { row: 3, field: 'line sku', message: 'unknown SKU' },
    ]);
  });

  it('keeps the first thousand problems and counts them all', () => {
    const full = {
      ...start,
      failedRows: 1000,
      rowErrors: Array.from({ length: 999 }, (_, row) => ({ row, message: 'x' })),
    };
    const batch = [0, 1, 2].map((index) =>
      unit(index, [index + 2], { value: undefined, errors: [{ row: index + 2, message: 'y' }] }),
    );
    const next = advance(full, batch, []);
    expect(next.failedRows).toBe(1003);
    expect(next.rowErrors).toHaveLength(1000);
    expect(next.rowErrors.at(-1)).toEqual({ row: 2, message: 'y' });
  });
});
