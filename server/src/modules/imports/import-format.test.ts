import { describe, expect, it } from 'vitest';
import { detectFormat } from './import-format';
import { bytes, shopifyHeader } from './imports.fixtures';

const files = {
  shopify: bytes(`${shopifyHeader.join(',')}\nmug,Mug\n`),
  generic: bytes('title;price;sku\nMug;3;M\n'),
  orders: bytes('order number,date,email,sku,quantity,unit price\n1,2024-01-01,a@b.co,M,1,3\n'),
  contacts: bytes('\uFEFFEmail,First Name\na@b.co,Ann\n'),
  xml: bytes('<?xml version="1.0"?><rss/>'),
  json: bytes('  [{"title":"Mug"}]'),
};

describe('detectFormat', () => {
  it('tells the formats apart by their first character or header', async () => {
    expect(await detectFormat('products', 'export.csv', files.shopify)).toBe('shopify_products_csv');
    expect(await detectFormat('products', 'mine.csv', files.generic)).toBe('generic_products_csv');
    expect(await detectFormat('products', 'feed', files.xml)).toBe('google_merchant_xml');
    expect(await detectFormat('products', 'feed.txt', files.json)).toBe('products_json');
    expect(await detectFormat('orders', 'orders.csv', files.orders)).toBe('orders_csv');
    expect(await detectFormat('contacts', 'people.csv', files.contacts)).toBe('contacts_csv');
  });

  it('reads only the header, so a long quoted value cut off by the sample does not matter', async () => {
    const description = `"<p>${'Line of text.\n'.repeat(8_000)}</p>"`;
    const file = bytes(`${shopifyHeader.join(',')}\nmug,Mug,${description}\n`);
    expect(file.byteLength).toBeGreaterThan(64 * 1024);
    expect(await detectFormat('products', 'export.csv', file)).toBe('shopify_products_csv');
    expect(await detectFormat('products', 'export.csv', file, 'shopify_products_csv')).toBe('shopify_products_csv');
  });

  it('points a file of another kind to its page', async () => {
    await expect(detectFormat('contacts', 'orders.csv', files.orders)).rejects.toThrow(
      'This looks like an Orders CSV; import it on the Orders page.',
    );
    await expect(detectFormat('orders', 'feed.xml', files.xml)).rejects.toThrow(/import it on the Catalog page/);
    await expect(detectFormat('products', 'x.csv', bytes('colour,size\nred,M\n'))).rejects.toThrow(
      /matches none of the formats for products/,
    );
  });

  it('checks a chosen format against the file', async () => {
    expect(await detectFormat('products', 'a.csv', files.generic, 'generic_products_csv')).toBe('generic_products_csv');
    await expect(detectFormat('products', 'a.csv', files.generic, 'shopify_products_csv')).rejects.toThrow(
      /no "Handle" and no "Variant Price" column/,
    );
    await expect(detectFormat('products', 'a.csv', files.generic, 'google_merchant_xml')).rejects.toThrow(
      'This is not an XML file.',
    );
    await expect(detectFormat('products', 'a.csv', files.generic, 'orders_csv')).rejects.toThrow(
      'Orders CSV files are imported on the Orders page.',
    );
  });
});
