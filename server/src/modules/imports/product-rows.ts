import { type ProductUpsert, productUpsertSchema, type VariantInput, variantInputSchema } from '../catalog';
import { type CellResult, readInteger, readMoneyCents } from './cell-values';
import type { RowError } from './import.model';
import { describeIssues, failUnit, type ImportUnit, type RowProblem } from './import-unit';

/**
 * What every product format shares once its cells are read: checking a
 * variant and a product against the catalog's own write schemas (so an
 * import and the REST API accept the same things), and naming the file's
 * column when one is wrong.
 */
export type ProductUnit = ImportUnit<ProductUpsert>;

/** A cell read as a value, or the row's problem named after its column. */
export function cell<T>(field: string, result: CellResult<T>): { value: T } | { problem: RowProblem } {
  return 'error' in result ? { problem: { field, message: `${field}: ${result.error}` } } : result;
}

export function readPrice(field: string, text: string, { required }: { required: boolean }) {
  if (!text) return required ? { problem: { field, message: `${field} is empty.` } } : { value: null };
  return cell(field, readMoneyCents(text));
}

export function readInventory(field: string, text: string) {
  return text ? cell(field, readInteger(text)) : { value: null };
}

export function checkVariant(
  variant: Record<string, unknown>,
  fieldNames: Record<string, string>,
): { value: VariantInput } | { problem: RowProblem } {
  const parsed = variantInputSchema.safeParse(variant);
  return parsed.success ? { value: parsed.data } : { problem: describeIssues(parsed.error, fieldNames) };
}

/** Builds the unit for one product: its good variant rows kept, bad ones reported, or every row failed with the reason. */
export function toProductUnit(options: {
  rows: Array<{ index: number; row: number }>;
  label: string;
  product: Record<string, unknown>;
  variants: VariantInput[];
  errors: RowError[];
  fieldNames: Record<string, string>;
}): ProductUnit {
  const first = options.rows[0];
  const last = options.rows.at(-1);
  if (!first || !last) throw new Error('a product unit needs at least one row');
  const unit: ProductUnit = {
    first: first.index,
    last: last.index,
    rows: options.rows.map((entry) => entry.row),
    errors: options.errors,
    label: options.label,
  };
  const titleField = options.fieldNames.title ?? 'title';
  if (options.product.title === '') {
    return { ...unit, errors: failUnit(unit, { field: titleField, message: `${titleField} is empty.` }) };
  }
  if (options.variants.length === 0) {
    return { ...unit, errors: failUnit(unit, { message: 'None of this product’s variant rows could be imported.' }) };
  }
  const parsed = productUpsertSchema.safeParse({ ...options.product, variants: options.variants });
  if (!parsed.success) return { ...unit, errors: failUnit(unit, describeIssues(parsed.error, options.fieldNames)) };
  return { ...unit, value: parsed.data };
}
