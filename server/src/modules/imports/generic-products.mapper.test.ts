import { describe, expect, it } from 'vitest';
import { openCsv } from './csv-table';
import { mapGenericProducts } from './generic-products.mapper';
import { bytes, collect } from './imports.fixtures';

async function map(text: string) {
  return collect(mapGenericProducts(await openCsv(bytes(text))));
}

describe('mapGenericProducts', () => {
  it('makes a one-variant product per row, the handle derived from the title when absent', async () => {
    const [unit] = await map(
      'Title;Description;Price;Currency;SKU;Stock;Category;Image_URL;URL\n' +
        'Café Mug;<p>Stoneware</p>;12,50;eur;MUG-1;7;Kitchen;https://x.example/m.jpg;/products/mug\n',
    );
    expect(unit?.errors).toEqual([]);
    expect(unit?.value).toEqual({
      handle: 'cafe-mug',
      title: 'Café Mug',
      description: 'Stoneware',
      category: 'Kitchen',
      imageUrl: 'https://x.example/m.jpg',
      url: '/products/mug',
      currency: 'EUR',
      variants: [{ sku: 'MUG-1', title: 'Default', priceCents: 1250, inventory: 7 }],
    });
  });

  it('leaves fields the file has no column for untouched, so a price-only file only changes prices', async () => {
    const [unit] = await map('handle,title,price\nmug,Mug,3\n');
    expect(unit?.value).toEqual({ handle: 'mug', title: 'Mug', variants: [{ title: 'Default', priceCents: 300 }] });
  });

  it('reports a bad row by row and column and keeps the others', async () => {
    const units = await map(
      'title,price,inventory,image_url\nMug,3,1,\nCup,free,1,\nPlate,4,lots,\nBowl,5,1,ftp://nope\n,6,1,\n',
    );
    expect(units.map((unit) => Boolean(unit.value))).toEqual([true, false, false, false, false]);
    expect(units.flatMap((unit) => unit.errors)).toEqual([
      { row: 3, field: 'price', message: 'price: "free" is not an amount of money' },
      { row: 4, field: 'inventory', message: 'inventory: "lots" is not a whole number' },
      { row: 5, field: 'image_url', message: 'image_url: an http(s) URL or a path starting with "/"' },
      { row: 6, field: 'title', message: 'title is empty.' },
    ]);
  });
});
