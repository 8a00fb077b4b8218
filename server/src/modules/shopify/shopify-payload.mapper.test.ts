import { describe, expect, it } from 'vitest';
import { decimalToCents, mapOrder, mapOrderStatus, mapProduct } from './shopify-payload.mapper';

describe('decimalToCents', () => {
  it('turns Shopify decimal strings into hundredths without floating point', () => {
    expect(decimalToCents('129.90')).toBe(12990);
    expect(decimalToCents('0.29')).toBe(29);
    expect(decimalToCents('1500')).toBe(150000);
    expect(decimalToCents('12.505')).toBe(1251);
    expect(decimalToCents('-5.5')).toBe(-550);
    expect(decimalToCents(null)).toBeNull();
    expect(decimalToCents('abc')).toBeNull();
  });
});

describe('mapProduct', () => {
  it('maps options, untracked inventory and the placeholder option', () => {
    const product = mapProduct(
      {
        id: 1,
        title: 'Tent',
        handle: 'tent',
        body_html: '<p>Two&nbsp;person</p><p>Light &amp; dry</p>',
        tags: 'camping, tents',
        options: [{ name: 'Title', position: 1 }],
        variants: [
          { id: 2, title: 'Default Title', option1: 'Default Title', price: '99.00', inventory_management: null },
        ],
      },
      'shop-a.myshopify.com',
    );
    expect(product).toMatchObject({
      externalId: 'gid://shopify/Product/1',
      description: 'Two person\nLight & dry',
      tags: ['camping', 'tents'],
      url: 'https://shop-a.myshopify.com/products/tent',
      minPriceCents: 9900,
    });
    expect(product.variants[0]).toMatchObject({
      options: {},
      inventory: null,
      externalId: 'gid://shopify/ProductVariant/2',
    });
  });
});

describe('mapOrder', () => {
  it('reads the conversation attribute and the shipping place', () => {
    const order = mapOrder({
      id: 9,
      name: '#1001',
      email: 'Ana@Example.com',
      total_price: '10.00',
      note_attributes: [{ name: '_closer_conversation', value: ' abc ' }],
      shipping_address: { city: 'Lyon', province: 'Rhône', country_code: 'fr' },
    });
    expect(order).toMatchObject({
      email: 'ana@example.com',
      conversationAttribute: 'abc',
      shippingCountry: 'FR',
      totalCents: 1000,
    });
  });

  it('derives one status from financial and fulfilment status', () => {
    expect(mapOrderStatus({ financial_status: 'paid', fulfillment_status: null })).toBe('paid');
    expect(mapOrderStatus({ financial_status: 'paid', fulfillment_status: 'fulfilled' })).toBe('fulfilled');
    expect(mapOrderStatus({ financial_status: 'refunded', fulfillment_status: 'fulfilled' })).toBe('refunded');
    expect(mapOrderStatus({ financial_status: 'pending', cancelled_at: '2026-01-01T00:00:00Z' })).toBe('cancelled');
    expect(mapOrderStatus({ financial_status: 'authorized' })).toBe('pending');
  });
});
