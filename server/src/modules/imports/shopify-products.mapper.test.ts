import { describe, expect, it } from 'vitest';
import { openCsv } from './csv-table';
import { bytes, collect, shopifyHeader, shopifyRow, toCsv } from './imports.fixtures';
import { mapShopifyProducts } from './shopify-products.mapper';

async function map(rows: string[][], header = shopifyHeader) {
  return collect(mapShopifyProducts(await openCsv(bytes(toCsv([header, ...rows])))));
}

const jacket = [
  shopifyRow({
    Handle: 'rain-jacket',
    Title: 'Rain Jacket',
    'Body (HTML)': '<p>Keeps you <strong>dry</strong>.</p>',
    Vendor: 'Northbound',
    Type: 'Jackets',
    Tags: 'rain, outdoor',
    Published: 'TRUE',
    'Option1 Name': 'Size',
    'Option1 Value': 'M',
    'Option2 Name': 'Colour',
    'Option2 Value': 'Navy',
    'Variant SKU': 'RJ-M-NV',
    'Variant Inventory Tracker': 'shopify',
    'Variant Inventory Qty': 4,
    'Variant Price': '129.00',
    'Variant Compare At Price': '149.00',
    'Image Src': 'https://cdn.example/rj.jpg',
    Status: 'active',
  }),
  shopifyRow({
    Handle: 'rain-jacket',
    'Option1 Value': 'L',
    'Option2 Value': 'Navy',
    'Variant SKU': 'RJ-L-NV',
    'Variant Inventory Tracker': 'shopify',
    'Variant Inventory Qty': 0,
    'Variant Price': '129.00',
  }),
  shopifyRow({ Handle: 'rain-jacket', 'Image Src': 'https://cdn.example/rj-back.jpg' }),
];

describe('mapShopifyProducts', () => {
  it('makes one product of a handle’s rows: product fields from the first, a variant per variant row', async () => {
    const [unit, ...rest] = await map(jacket);
    expect(rest).toEqual([]);
    expect(unit).toMatchObject({ first: 0, last: 2, rows: [2, 3, 4], errors: [] });
    expect(unit?.value).toEqual({
      handle: 'rain-jacket',
      title: 'Rain Jacket',
      description: 'Keeps you dry.',
      vendor: 'Northbound',
      category: 'Jackets',
      tags: ['rain', 'outdoor'],
      imageUrl: 'https://cdn.example/rj.jpg',
      url: '/products/rain-jacket',
      status: 'active',
      variants: [
        {
          sku: 'RJ-M-NV',
          title: 'M / Navy',
          options: { Size: 'M', Colour: 'Navy' },
          priceCents: 12900,
          compareAtPriceCents: 14900,
          inventory: 4,
        },
        {
          sku: 'RJ-L-NV',
          title: 'L / Navy',
          options: { Size: 'L', Colour: 'Navy' },
          priceCents: 12900,
          compareAtPriceCents: null,
          inventory: 0,
        },
      ],
    });
  });

  it('reads "Default Title" as no options, an untracked variant as no stock count, Published FALSE as draft', async () => {
    const [unit] = await map([
      shopifyRow({
        Handle: 'mug',
        Title: 'Mug',
        Published: 'FALSE',
        'Option1 Name': 'Title',
        'Option1 Value': 'Default Title',
        'Variant Inventory Qty': 12,
        'Variant Price': '9',
      }),
    ]);
    expect(unit?.value).toMatchObject({
      status: 'draft',
      variants: [{ title: 'Default', options: {}, inventory: null, priceCents: 900 }],
    });
  });

  it('keeps the good variant rows of a product and reports the bad one by row and column', async () => {
    const rows = jacket.map((row) => [...row]);
    rows[1]?.splice(shopifyHeader.indexOf('Variant Price'), 1, 'twelve');
    const [unit] = await map(rows);
    expect(unit?.value?.variants).toHaveLength(1);
    expect(unit?.errors).toEqual([
      { row: 3, field: 'Variant Price', message: 'Variant Price: "twelve" is not an amount of money' },
    ]);
  });

  it('fails every row of a product whose product fields are wrong, pointing at the cause', async () => {
    const [unit] = await map([
      shopifyRow({ Handle: 'bad', Title: '', 'Variant Price': '1' }),
      shopifyRow({ Handle: 'bad', 'Option1 Value': 'L', 'Variant Price': '1' }),
    ]);
    expect(unit?.value).toBeUndefined();
    expect(unit?.errors).toEqual([
      { row: 2, field: 'Title', message: 'Title is empty.' },
      { row: 3, message: 'Not imported: product "bad" has an error (row 2).' },
    ]);
  });

  it('refuses a handle that comes back after other products, and a row without a handle', async () => {
    const units = await map([
      shopifyRow({ Handle: 'a', Title: 'A', 'Variant Price': '1' }),
      shopifyRow({ Handle: 'b', Title: 'B', 'Variant Price': '1' }),
      shopifyRow({ Handle: 'A', 'Option1 Value': 'XL', 'Variant Price': '1' }),
      shopifyRow({ Title: 'No handle', 'Variant Price': '1' }),
    ]);
    expect(units.map((unit) => [unit.rows, Boolean(unit.value), unit.errors.map((error) => error.message)])).toEqual([
      [[2], true, []],
      [[3], true, []],
      [[4], false, ['Handle "a" already appeared at row 2; keep all rows of a product together.']],
      [[5], false, ['Handle is empty; every row needs its product’s handle.']],
    ]);
  });

  it('says which required columns a file lacks', async () => {
    await expect(map([['x']], ['Handle', 'Name', 'Price'])).rejects.toThrow(
      'The file has no "Title" and no "Variant Price" column. Its columns are: Handle, Name, Price. Check the format chosen.',
    );
  });
});
