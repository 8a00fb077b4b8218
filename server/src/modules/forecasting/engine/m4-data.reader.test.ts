import { describe, expect, it } from 'vitest';
import { parseM4Csv, readM4File, SeriesFileError } from './m4-data.reader';

describe('M4 CSV', () => {
  it('reads ids and values, dropping the padding of shorter series', () => {
    const text = '"V1","V2","V3","V4"\n"W1","1.5","2","3"\n"W2","4","5",""\n';
    expect(parseM4Csv(text)).toEqual([
      { id: 'W1', values: [1.5, 2, 3] },
      { id: 'W2', values: [4, 5] },
    ]);
  });

  it('reports bad cells and unreadable files in one line', () => {
    expect(() => parseM4Csv('"V1","V2"\n"W1","abc"\n', 'x.csv')).toThrow('x.csv, line 2: "abc" is not a number');
    expect(() => readM4File('/nonexistent/m4.csv')).toThrow(SeriesFileError);
    expect(() => parseM4Csv('"V1"\n')).toThrow(/no series/);
  });
});
