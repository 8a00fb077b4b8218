import type { z } from 'zod';
import type { RowError } from './import.model';

/**
 * The steps of an import share two shapes. A `SourceRecord` is one data
 * record of the file: `index` counts data records from 0 (progress and
 * resuming), `row` is the number the person sees. An `ImportUnit` is what is
 * written at once — a product with its variant rows, an order with its line
 * rows, a contact — with the rows it covers and the problems found in them.
 */
export interface SourceRecord<Cells> {
  index: number;
  row: number;
  cells: Cells;
}

export interface ImportUnit<Value> {
  /** Data records covered: indices `first`…`last`, always adjacent. */
  first: number;
  last: number;
  /** The rows covered, as the person numbers them. */
  rows: number[];
  /** What to write; absent when no row of the unit is usable. */
  value?: Value;
  /** Rows left out, one problem each; the other rows are imported if the write succeeds. */
  errors: RowError[];
  /** Names the unit in messages about its other rows, e.g. `product "red-shirt"`. */
  label: string;
}

export interface RowProblem {
  field?: string;
  message: string;
}

/**
 * Every row of a unit that could not be written. The cause goes on the first
 * row without a problem of its own (or, without a cause, the first problem
 * found is the reason); each other row points to that row.
 */
export function failUnit(unit: ImportUnit<unknown>, cause?: RowProblem): RowError[] {
  const failed = new Map(unit.errors.map((error) => [error.row, error]));
  const causeRow = cause ? unit.rows.find((row) => !failed.has(row)) : unit.errors[0]?.row;
  if (causeRow === undefined) return unit.errors;
  const errors = [...unit.errors];
  if (cause) errors.push({ row: causeRow, ...cause });
  for (const row of unit.rows) {
    if (row !== causeRow && !failed.has(row)) {
      errors.push({ row, message: `Not imported: ${unit.label} has an error (row ${causeRow}).` });
    }
  }
  return errors.sort((a, b) => a.row - b.row);
}

/** The first problem zod found, with the field named as the file names it. */
export function describeIssues(error: z.ZodError, fieldNames: Record<string, string> = {}): RowProblem {
  const issue = error.issues[0];
  if (!issue) return { message: 'This row is not valid.' };
  const path = issue.path.map(String);
  const field = fieldNames[path.join('.')] ?? fieldNames[path[0] ?? ''] ?? (path.join('.') || undefined);
  return field ? { field, message: `${field}: ${issue.message}` } : { message: issue.message };
}
