import type { ImportUnit, RowProblem, SourceRecord } from './import-unit';

/**
 * Adjacent records with the same key (a product's handle, an order's number)
 * form one group. A key that comes back after other keys is refused rather
 * than merged: merging would need the whole file in memory, and writing the
 * second part on its own would replace the first part's variants or lines.
 */
export type RecordGroup<Cells> = { key: string; records: SourceRecord<Cells>[] } | { failed: ImportUnit<never> };

export interface GroupingRules<Cells> {
  key(record: SourceRecord<Cells>): string;
  describe(key: string): string;
  /** The problem of a record whose key is blank. */
  missingKey(record: SourceRecord<Cells>): RowProblem;
  repeated(key: string, firstRow: number): string;
}

export async function* groupAdjacent<Cells>(
  records: AsyncIterable<SourceRecord<Cells>> | Iterable<SourceRecord<Cells>>,
  rules: GroupingRules<Cells>,
): AsyncGenerator<RecordGroup<Cells>> {
  const firstRowByKey = new Map<string, number>();
  let current: { key: string; records: SourceRecord<Cells>[] } | undefined;
  const close = (group: { key: string; records: SourceRecord<Cells>[] }): RecordGroup<Cells> => {
    const [head] = group.records as [SourceRecord<Cells>];
    const firstRow = firstRowByKey.get(group.key);
    if (firstRow === undefined) {
      firstRowByKey.set(group.key, head.row);
      return group;
    }
    return failAll(group.records, rules.describe(group.key), { message: rules.repeated(group.key, firstRow) });
  };
  for await (const record of records) {
    const key = rules.key(record);
    if (current && key === current.key) {
      current.records.push(record);
      continue;
    }
    if (current) yield close(current);
    current = undefined;
    if (key === '') yield failAll([record], 'this row', rules.missingKey(record));
    else current = { key, records: [record] };
  }
  if (current) yield close(current);
}

function failAll<Cells>(records: SourceRecord<Cells>[], label: string, problem: RowProblem): RecordGroup<Cells> {
  const [head] = records as [SourceRecord<Cells>];
  const last = records.at(-1) as SourceRecord<Cells>;
  return {
    failed: {
      first: head.index,
      last: last.index,
      rows: records.map((record) => record.row),
      errors: records.map((record) => ({ row: record.row, ...problem })),
      label,
    },
  };
}
