import fs from 'node:fs';

/**
 * Reads series in the M4 competition's CSV layout: a header row
 * ("V1","V2",…), then one row per series — the quoted id, then the values in
 * time order, with trailing empty cells padding shorter series.
 */
export interface NamedSeries {
  id: string;
  values: number[];
}

export class SeriesFileError extends Error {
  override readonly name = 'SeriesFileError';
}

export function readM4File(file: string): NamedSeries[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SeriesFileError(`Cannot read ${file} (${reason})`);
  }
  return parseM4Csv(text, file);
}

export function parseM4Csv(text: string, source = 'input'): NamedSeries[] {
  const lines = text.split(/\r?\n/);
  const series: NamedSeries[] = [];
  for (let row = 1; row < lines.length; row++) {
    const line = lines[row] as string;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const id = unquote(cells[0] as string);
    const values: number[] = [];
    for (let c = 1; c < cells.length; c++) {
      const cell = unquote(cells[c] as string);
      if (cell === '' || cell === 'NA') break;
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        throw new SeriesFileError(`${source}, line ${row + 1}: "${cell}" is not a number`);
      }
      values.push(value);
    }
    series.push({ id, values });
  }
  if (series.length === 0) throw new SeriesFileError(`${source} holds no series`);
  return series;
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}
