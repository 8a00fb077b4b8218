import { describe, expect, it } from 'vitest';
import { mapGoogleProducts } from './feed-products.mapper';
import { cutXmlItems, readXmlItems } from './feed-xml';
import { collect } from './imports.fixtures';

const rss = (items: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Store</title>${items}</channel></rss>`;

const shirt = (id: string, size: string, extra = '') => `<item>
  <g:id>${id}</g:id><g:item_group_id>TS-1</g:item_group_id>
  <title><![CDATA[Organic Tee </item> & more]]></title>
  <description>&lt;p&gt;Soft&amp;nbsp;cotton&lt;/p&gt;</description>
  <link>https://shop.example/tee</link><g:image_link>https://shop.example/tee.jpg</g:image_link>
  <g:price>25.00 EUR</g:price><g:availability>in stock</g:availability>
  <g:brand>Fjord</g:brand><g:product_type>Apparel &gt; Tees</g:product_type>
  <g:color>Sand</g:color><g:size>${size}</g:size>${extra}
</item>`;

describe('Google Merchant feeds', () => {
  it('cuts items without being fooled by CDATA or comments', () => {
    const items = [...cutXmlItems(rss(`<!-- <item> --> ${shirt('1', 'S')}${shirt('2', 'M')}`))];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^<item>[\s\S]*<\/item>$/);
  });

  it('reads g: attributes and CDATA, and makes one product per item group with a variant per item', async () => {
    const items = readXmlItems(
      rss(shirt('1', 'S', '<g:sale_price>20.00 EUR</g:sale_price>') + shirt('2', 'M', '<g:quantity>3</g:quantity>')),
    );
    const [unit, ...rest] = await collect(mapGoogleProducts(items));
    expect(rest).toEqual([]);
    expect(unit?.errors).toEqual([]);
    expect(unit?.value).toEqual({
      externalId: 'TS-1',
      title: 'Organic Tee </item> & more',
      description: 'Soft cotton',
      category: 'Tees',
      vendor: 'Fjord',
      imageUrl: 'https://shop.example/tee.jpg',
      url: 'https://shop.example/tee',
      status: 'active',
      currency: 'EUR',
      variants: [
        {
          externalId: '1',
          sku: '1',
          title: 'Sand / S',
          options: { Color: 'Sand', Size: 'S' },
          priceCents: 2000,
          compareAtPriceCents: 2500,
          inventory: null,
        },
        {
          externalId: '2',
          sku: '2',
          title: 'Sand / M',
          options: { Color: 'Sand', Size: 'M' },
          priceCents: 2500,
          compareAtPriceCents: null,
          inventory: 3,
        },
      ],
    });
  });

  it('reads Atom entries, a lone item as its own product, out of stock as zero', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
      <entry><g:id>MUG</g:id><title>Mug</title><link href="https://shop.example/mug"/>
        <g:price>9.5 USD</g:price><g:availability>out_of_stock</g:availability><g:color>Red</g:color></entry></feed>`;
    const [unit] = await collect(mapGoogleProducts(readXmlItems(atom)));
    expect(unit?.value).toMatchObject({
      externalId: 'MUG',
      url: 'https://shop.example/mug',
      currency: 'USD',
      variants: [{ externalId: 'MUG', title: 'Default', options: {}, priceCents: 950, inventory: 0 }],
    });
  });

  it('reports a malformed item, an item without price, and keeps the rest', async () => {
    const items = readXmlItems(
      rss(
        '<item><g:id>A</g:id><title>A</title><g:price>1 USD</g:price></item>' +
          '<item><g:id>B</g:id><title>B</g:price></item>' +
          '<item><g:id>C</g:id><title>C</title></item>',
      ),
    );
    const units = await collect(mapGoogleProducts(items));
    expect(units.map((unit) => Boolean(unit.value))).toEqual([true, false, false]);
    expect(units[1]?.errors[0]?.message).toMatch(/^This item is not well-formed XML/);
    expect(units[2]?.errors).toEqual([{ row: 3, field: 'price', message: 'price is empty.' }]);
  });

  it('refuses a file that is not a feed', () => {
    expect(() => [...cutXmlItems('title,price')]).toThrow('This is not an XML file.');
    expect(() => [...cutXmlItems('<rss><channel/></rss>')]).toThrow(/no <item> or <entry>/);
  });
});
