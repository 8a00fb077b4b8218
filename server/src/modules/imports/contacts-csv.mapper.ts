import { type ContactUpsert, contactUpsertSchema } from '../contacts';
import { readBoolean } from './cell-values';
import { bindColumns, type ColumnSpec, type Columns, type CsvTable } from './csv-table';
import { describeIssues, type ImportUnit, type SourceRecord } from './import-unit';
import { cell } from './product-rows';

/**
 * A contacts CSV: one person per row, matched by email on re-import. Shopify's
 * customer export works as it is (First Name, Last Name, Email, Phone,
 * Accepts Email Marketing). A blank cell leaves what we know unchanged. Contacts
 * keep no address or tags, so City, Country and Tags columns are read past.
 */
export const contactColumns: ColumnSpec[] = [
  { key: 'email', names: ['email', 'email address', 'e-mail'], required: true },
  { key: 'name', names: ['name', 'full name'] },
  { key: 'firstName', names: ['first name', 'given name'] },
  { key: 'lastName', names: ['last name', 'family name', 'surname'] },
  { key: 'phone', names: ['phone', 'phone number', 'default address phone'] },
  { key: 'externalId', names: ['customer id', 'id', 'external id'] },
  {
    key: 'marketing',
    names: ['accepts email marketing', 'accepts marketing', 'marketing opt in', 'marketing consent', 'subscribed'],
  },
];

export type ContactUnit = ImportUnit<ContactUpsert>;

const fieldNames: Record<string, string> = {
  email: 'email',
  name: 'name',
  phone: 'phone',
  externalId: 'customer id',
  marketingOptIn: 'accepts marketing',
};

export async function* mapContacts(table: CsvTable): AsyncGenerator<ContactUnit> {
  const columns = bindColumns(table.header, contactColumns);
  for await (const record of table.records) yield toContactUnit(columns, record);
}

function toContactUnit(columns: Columns, record: SourceRecord<string[]>): ContactUnit {
  const read = (key: string) => columns.get(record.cells, key);
  const email = read('email');
  const unit: ContactUnit = {
    first: record.index,
    last: record.index,
    rows: [record.row],
    errors: [],
    label: `contact ${email}`,
  };
  if (!email) return { ...unit, errors: [{ row: record.row, field: 'email', message: 'email is empty.' }] };
  const marketing = read('marketing')
    ? cell('accepts marketing', readBoolean(read('marketing')))
    : { value: undefined };
  if ('problem' in marketing) return { ...unit, errors: [{ row: record.row, ...marketing.problem }] };
  const name = read('name') || [read('firstName'), read('lastName')].filter(Boolean).join(' ');
  const parsed = contactUpsertSchema.safeParse({
    email,
    name: name || undefined,
    phone: read('phone').replace(/^'/, '') || undefined,
    externalId: read('externalId') || undefined,
    marketingOptIn: marketing.value,
  });
  if (!parsed.success) return { ...unit, errors: [{ row: record.row, ...describeIssues(parsed.error, fieldNames) }] };
  return { ...unit, value: parsed.data };
}
