import { describe, expect, it } from 'vitest';
import { openCsv } from './csv-table';
import { bytes, collect, toCsv } from './imports.fixtures';
import { mapOrders } from './orders-csv.mapper';

const header = [
  'Order Number',
  'Date',
  'Email',
  'Status',
  'Currency',
  'Total',
  'Line SKU',
  'Product Handle',
  'Quantity',
  'Unit Price',
  'Shipping City',
  'Shipping Region',
  'Shipping Country',
];

async function map(rows: string[][]) {
  return collect(mapOrders(await openCsv(bytes(toCsv([header, ...rows])))));
}

describe('mapOrders', () => {
  it('groups an order’s line rows, order fields from its first row', async () => {
    const [unit] = await map([
      [
        '#1001',
        '2024-03-05 14:22:10 +0100',
        'Ann@Example.com',
        'paid',
        'eur',
        '51.00',
        'MUG-1',
        '',
        '2',
        '12.00',
        'Berlin',
        'BE',
        'de',
      ],
      ['#1001', '', '', '', '', '', '', 'tea-towel', '3', '9'],
    ]);
    expect(unit).toMatchObject({ first: 0, last: 1, rows: [2, 3], errors: [] });
    expect(unit?.value).toEqual({
      order: {
        externalId: '#1001',
        number: '#1001',
        email: 'ann@example.com',
        status: 'paid',
        currency: 'EUR',
        discountCents: 0,
        totalCents: 5100,
        placedAt: '2024-03-05T14:22:10.000+01:00',
        shipping: { city: 'Berlin', region: 'BE', country: 'DE' },
      },
      lines: [
        { row: 2, sku: 'MUG-1', quantity: 2, unitPriceCents: 1200 },
        { row: 3, handle: 'tea-towel', quantity: 3, unitPriceCents: 900 },
      ],
    });
  });

  it('maps Shopify’s financial and fulfillment statuses', async () => {
    const shopifyHeader = [
      'Name',
      'Created at',
      'Financial Status',
      'Fulfillment Status',
      'Lineitem quantity',
      'Lineitem price',
      'Lineitem name',
    ];
    const table = await openCsv(
      bytes(
        toCsv([
          shopifyHeader,
          ['#1', '2024-01-01', 'paid', 'fulfilled', '1', '5', 'Mug'],
          ['#2', '2024-01-01', 'voided', '', '1', '5', 'Mug'],
          ['#3', '2024-01-01', 'partially_refunded', '', '1', '5', 'Mug'],
          ['#4', '2024-01-01', 'lost', '', '1', '5', 'Mug'],
        ]),
      ),
    );
    const units = await collect(mapOrders(table));
    expect(units.map((unit) => unit.value?.order.status ?? unit.errors[0]?.message)).toEqual([
      'fulfilled',
      'cancelled',
      'paid',
      'status: "lost" is not one of paid, pending, fulfilled, refunded, cancelled.',
    ]);
  });

  it('fails a whole order when one line is bad: the line says why, the others point to it', async () => {
    const [unit] = await map([
      ['1002', '2024-03-05', '', '', '', '', 'A', '', '1', '5'],
      ['1002', '', '', '', '', '', 'B', '', 'zero', '5'],
      ['1002', '', '', '', '', '', 'C', '', '1', '5'],
    ]);
    expect(unit?.value).toBeUndefined();
    expect(unit?.errors).toEqual([
      { row: 2, message: 'Not imported: order 1002 has an error (row 3).' },
      { row: 3, field: 'quantity', message: 'quantity: "zero" is not a whole number' },
      { row: 4, message: 'Not imported: order 1002 has an error (row 3).' },
    ]);
  });

  it('reports a bad date or country on the order’s first row', async () => {
    const units = await map([
      ['1', '03/05/2024', '', '', '', '', 'A', '', '1', '5'],
      ['2', '2024-03-05', '', '', '', '', 'A', '', '1', '5', '', '', 'Germany'],
      ['3', '2024-03-05', '', '', '', '', '', '', '1', '5'],
    ]);
    expect(units.map((unit) => unit.errors)).toEqual([
      [{ row: 2, field: 'date', message: 'date: "03/05/2024" is not a date like 2024-03-05 or 2024-03-05T14:22:10Z' }],
      [{ row: 3, field: 'shipping country', message: 'shipping country: an ISO 3166-1 alpha-2 code such as "DE"' }],
      [{ row: 4, field: 'line sku', message: 'The line names no product: give its SKU, handle or title.' }],
    ]);
  });
});
