import { describe, expect, it } from 'vitest';
import { orderPayload, productPayload } from '../../transport/http/shopify/shopify-webhook.fixtures';
import { orderNodeToPayload, productNodeToPayload } from './admin-graphql.mapper';
import type { LineItemNode, OrderNode, ProductNode, VariantNode } from './admin-graphql.queries';
import { mapOrder, mapProduct } from './shopify-payload.mapper';

/**
 * The GraphQL import and the webhooks must write the same row for the same
 * product or order: the webhook fixtures, as GraphQL returns them, map to
 * what the REST payloads map to.
 */
const shop = 'shop-a.myshopify.com';

const productNode: ProductNode = {
  id: 'gid://shopify/Product/7421937451062',
  handle: 'trailhead-2-tent',
  title: 'Trailhead 2 Tent',
  descriptionHtml: '<p>A <strong>two-person</strong> tent for three seasons.</p>',
  vendor: 'Northwind',
  productType: 'Tents',
  tags: ['backpacking', 'camping'],
  status: 'ACTIVE',
  createdAt: '2026-10-01T13:15:22Z',
  updatedAt: '2026-11-20T15:02:11Z',
  options: [{ name: 'Colour', position: 1 }],
  featuredMedia: { preview: { image: { url: 'https://cdn.shopify.com/s/files/1/tent.jpg' } } },
};

const variantNodes: VariantNode[] = [
  {
    id: 'gid://shopify/ProductVariant/42190421737526',
    title: 'Green',
    sku: 'TH2-GRN',
    price: '249.00',
    compareAtPrice: '279.00',
    position: 1,
    inventoryQuantity: 12,
    selectedOptions: [{ name: 'Colour', value: 'Green' }],
    inventoryItem: { id: 'gid://shopify/InventoryItem/44283412971574', tracked: true },
  },
  {
    id: 'gid://shopify/ProductVariant/42190421770294',
    title: 'Sand',
    sku: 'TH2-SND',
    price: '239.00',
    compareAtPrice: null,
    position: 2,
    inventoryQuantity: 0,
    selectedOptions: [{ name: 'Colour', value: 'Sand' }],
    inventoryItem: { id: 'gid://shopify/InventoryItem/44283413004342', tracked: true },
  },
];

describe('productNodeToPayload', () => {
  it('maps to the same product as the products/create webhook', () => {
    expect(mapProduct(productNodeToPayload(productNode, variantNodes), shop)).toEqual(
      mapProduct(productPayload({ created_at: '2026-10-01T13:15:22Z' }), shop),
    );
  });

  it('keeps an untracked variant untracked and a draft a draft', () => {
    const [green] = variantNodes;
    const product = mapProduct(
      productNodeToPayload({ ...productNode, status: 'DRAFT', featuredMedia: null }, [
        { ...(green as VariantNode), inventoryItem: { id: 'gid://shopify/InventoryItem/1', tracked: false } },
      ]),
      shop,
    );
    expect(product).toMatchObject({ status: 'draft', imageUrl: null });
    expect(product.variants[0]).toMatchObject({ inventory: null, inventoryItemId: 'gid://shopify/InventoryItem/1' });
  });
});

describe('orderNodeToPayload', () => {
  const money = (amount: string) => ({ shopMoney: { amount } });
  const orderNode: OrderNode = {
    id: 'gid://shopify/Order/5934412988726',
    name: '#1042',
    email: 'ana.silva@example.com',
    currencyCode: 'EUR',
    createdAt: '2026-11-20T14:03:11-05:00',
    processedAt: '2026-11-20T14:03:10-05:00',
    updatedAt: '2026-11-20T14:03:12-05:00',
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    subtotalPriceSet: money('260.90'),
    totalDiscountsSet: money('24.90'),
    totalPriceSet: money('236.00'),
    customAttributes: [{ key: '_closer_conversation', value: 'REPLACED' }],
    shippingAddress: { city: 'Lisbon', province: 'Lisboa', provinceCode: 'PT-11', countryCodeV2: 'PT' },
    customer: {
      id: 'gid://shopify/Customer/6998021062710',
      firstName: 'Ana',
      lastName: 'Silva',
      defaultEmailAddress: { emailAddress: 'ana.silva@example.com' },
      defaultPhoneNumber: null,
    },
    fulfillments: [],
  };
  const lines: LineItemNode[] = [
    {
      title: 'Trailhead 2 Tent',
      name: 'Trailhead 2 Tent - Green',
      sku: 'TH2-GRN',
      quantity: 1,
      originalUnitPriceSet: money('249.00'),
      product: { id: 'gid://shopify/Product/7421937451062' },
      variant: { id: 'gid://shopify/ProductVariant/42190421737526' },
    },
    {
      title: 'Gift wrap',
      name: 'Gift wrap',
      sku: null,
      quantity: 1,
      originalUnitPriceSet: money('11.90'),
      product: null,
      variant: null,
    },
  ];

  it('maps to the same order as the orders/create webhook, conversation attribute and shipping place included', () => {
    expect(mapOrder(orderNodeToPayload(orderNode, lines))).toEqual(
      mapOrder(orderPayload({ updated_at: '2026-11-20T14:03:12-05:00' })),
    );
  });

  it('reads status, tracking and the customer’s email when the order has none', () => {
    const order = mapOrder(
      orderNodeToPayload(
        {
          ...orderNode,
          email: null,
          displayFulfillmentStatus: 'FULFILLED',
          fulfillments: [{ trackingInfo: [{ company: 'CTT', number: 'RR123456785PT', url: 'https://ctt.pt/t/1' }] }],
        },
        lines,
      ),
    );
    expect(order).toMatchObject({
      email: 'ana.silva@example.com',
      status: 'fulfilled',
      trackingCompany: 'CTT',
      trackingNumber: 'RR123456785PT',
    });
  });
});
