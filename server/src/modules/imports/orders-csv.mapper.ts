import { type OrderUpsert, orderUpsertSchema } from '../orders';
import { readDateTime, readInteger, readMoneyCents } from './cell-values';
import { bindColumns, type ColumnSpec, type Columns, type CsvTable } from './csv-table';
import type { RowError } from './import.model';
import { describeIssues, failUnit, type ImportUnit, type RowProblem, type SourceRecord } from './import-unit';
import { cell } from './product-rows';
import { groupAdjacent } from './record-groups';

/**
 * An orders CSV has one row per order line, the rows of an order together
 * (Shopify's order export has this shape: order fields on the first row of an
 * order, blank on its other rows). Lines name their product by SKU or by
 * handle; the writer resolves both against the catalog. The order is matched
 * by its id (or number) on re-import and replaced, lines included.
 */
export const orderColumns: ColumnSpec[] = [
  { key: 'number', names: ['order number', 'number', 'order', 'name', 'order name'], required: true },
  { key: 'externalId', names: ['order id', 'id', 'external id'] },
  { key: 'date', names: ['date', 'placed at', 'created at', 'order date', 'processed at'], required: true },
  { key: 'email', names: ['email', 'customer email'] },
  { key: 'status', names: ['status', 'financial status', 'order status'] },
  { key: 'fulfillment', names: ['fulfillment status'] },
  { key: 'currency', names: ['currency'] },
  { key: 'subtotal', names: ['subtotal'] },
  { key: 'discount', names: ['discount', 'discount amount'] },
  { key: 'total', names: ['total', 'order total', 'total price'] },
  { key: 'sku', names: ['line sku', 'sku', 'lineitem sku', 'variant sku'] },
  { key: 'handle', names: ['product handle', 'line product handle', 'handle'] },
  { key: 'title', names: ['line title', 'lineitem name', 'product title', 'product', 'item'] },
  { key: 'quantity', names: ['quantity', 'lineitem quantity', 'qty'], required: true },
  { key: 'unitPrice', names: ['unit price', 'lineitem price', 'line price', 'price'], required: true },
  { key: 'city', names: ['shipping city', 'city'] },
  { key: 'region', names: ['shipping region', 'shipping province', 'region', 'province', 'state'] },
  { key: 'country', names: ['shipping country', 'shipping country code', 'country'] },
];

/** A line as the file names it; the writer finds the product. */
export interface OrderLineDraft {
  row: number;
  sku?: string;
  handle?: string;
  title?: string;
  quantity: number;
  unitPriceCents: number;
}

export interface OrderDraft {
  order: Omit<OrderUpsert, 'lines'>;
  lines: OrderLineDraft[];
}

export type OrderUnit = ImportUnit<OrderDraft>;

const orderFields: Record<string, string> = {
  externalId: 'order id',
  number: 'order number',
  email: 'email',
  status: 'status',
  currency: 'currency',
  subtotalCents: 'subtotal',
  discountCents: 'discount',
  totalCents: 'total',
  placedAt: 'date',
  'shipping.city': 'shipping city',
  'shipping.region': 'shipping region',
  'shipping.country': 'shipping country',
  lines: 'line',
};

const statuses: Record<string, OrderUpsert['status']> = {
  paid: 'paid',
  partially_refunded: 'paid',
  pending: 'pending',
  authorized: 'pending',
  partially_paid: 'pending',
  unpaid: 'pending',
  fulfilled: 'fulfilled',
  refunded: 'refunded',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  voided: 'cancelled',
};

export async function* mapOrders(table: CsvTable): AsyncGenerator<OrderUnit> {
  const columns = bindColumns(table.header, orderColumns);
  const groups = groupAdjacent(table.records, {
    key: (record) => columns.get(record.cells, 'number'),
    describe: (number) => `order ${number}`,
    missingKey: () => ({ field: 'order number', message: 'The order number is empty.' }),
    repeated: (number, firstRow) =>
      `Order ${number} already appeared at row ${firstRow}; keep all lines of an order together.`,
  });
  for await (const group of groups) yield 'failed' in group ? group.failed : toOrderUnit(columns, group);
}

function toOrderUnit(columns: Columns, group: { key: string; records: SourceRecord<string[]>[] }): OrderUnit {
  const [first] = group.records as [SourceRecord<string[]>];
  const last = group.records.at(-1) as SourceRecord<string[]>;
  const unit: OrderUnit = {
    first: first.index,
    last: last.index,
    rows: group.records.map((record) => record.row),
    errors: [],
    label: `order ${group.key}`,
  };
  const lines: OrderLineDraft[] = [];
  const lineErrors: RowError[] = [];
  for (const record of group.records) {
    const line = readLine(columns, record);
    if ('problem' in line) lineErrors.push({ row: record.row, ...line.problem });
    else lines.push(line.value);
  }
  // A missing line would leave the order's total and its demand wrong: the order is imported whole or not at all.
  if (lineErrors.length > 0) return { ...unit, errors: failUnit({ ...unit, errors: lineErrors }) };
  const order = readOrder(columns, first.cells, group.key, lines);
  if ('problem' in order) return { ...unit, errors: failUnit(unit, order.problem) };
  return { ...unit, value: { order: order.value, lines } };
}

function readLine(
  columns: Columns,
  record: SourceRecord<string[]>,
): { value: OrderLineDraft } | { problem: RowProblem } {
  const read = (key: string) => columns.get(record.cells, key);
  const quantity = cell('quantity', readInteger(read('quantity'), { min: 1, max: 1_000_000 }));
  if ('problem' in quantity) return quantity;
  const unitPrice = read('unitPrice')
    ? cell('unit price', readMoneyCents(read('unitPrice')))
    : { problem: { field: 'unit price', message: 'unit price is empty.' } };
  if ('problem' in unitPrice) return unitPrice;
  const line = {
    row: record.row,
    sku: read('sku') || undefined,
    handle: read('handle').toLowerCase() || undefined,
    title: read('title') || undefined,
    quantity: quantity.value,
    unitPriceCents: unitPrice.value,
  };
  if (!line.sku && !line.handle && !line.title) {
    return { problem: { field: 'line sku', message: 'The line names no product: give its SKU, handle or title.' } };
  }
  return { value: line };
}

function readOrder(columns: Columns, cells: string[], number: string, lines: OrderLineDraft[]) {
  const read = (key: string) => columns.get(cells, key);
  const placedAt = cell('date', readDateTime(read('date')));
  if ('problem' in placedAt) return placedAt;
  const money = (key: string, field: string) =>
    read(key) ? cell(field, readMoneyCents(read(key))) : { value: undefined };
  const subtotal = money('subtotal', 'subtotal');
  if ('problem' in subtotal) return subtotal;
  const discount = money('discount', 'discount');
  if ('problem' in discount) return discount;
  const total = money('total', 'total');
  if ('problem' in total) return total;
  const status = readStatus(read('status'), read('fulfillment'));
  if ('problem' in status) return status;
  const parsed = orderUpsertSchema.safeParse({
    externalId: read('externalId') || number,
    number,
    email: read('email') || null,
    status: status.value,
    currency: read('currency') || undefined,
    subtotalCents: subtotal.value,
    discountCents: discount.value ?? 0,
    totalCents: total.value,
    placedAt: placedAt.value,
    shipping: {
      city: read('city') || null,
      region: read('region') || null,
      country: read('country') || null,
    },
    // Checked here for their shape only; the writer resolves SKUs and handles.
    lines: lines.map((line) => ({
      sku: line.sku,
      title: line.title ?? line.handle,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
    })),
  });
  if (!parsed.success) return { problem: describeIssues(parsed.error, orderFields) };
  const { lines: _checked, ...order } = parsed.data;
  return { value: order };
}

function readStatus(
  financial: string,
  fulfillment: string,
): { value: OrderUpsert['status'] } | { problem: RowProblem } {
  const word = financial
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const status = word ? statuses[word] : 'paid';
  if (!status) {
    return {
      problem: {
        field: 'status',
        message: `status: "${financial}" is not one of paid, pending, fulfilled, refunded, cancelled.`,
      },
    };
  }
  return { value: status === 'paid' && fulfillment.trim().toLowerCase() === 'fulfilled' ? 'fulfilled' : status };
}
