import type { FakeOrder, FakeProduct, FakeVariant } from './fake-admin-graphql.server';

/** Products and orders in the shape the Admin GraphQL API returns them (API 2026-10). */
export function fakeProduct(number: number, overrides: Partial<FakeProduct> = {}): FakeProduct {
  const id = `gid://shopify/Product/${1000 + number}`;
  const variant = (position: number, colour: string, overridesForVariant: Partial<FakeVariant> = {}): FakeVariant => ({
    id: `gid://shopify/ProductVariant/${(1000 + number) * 100 + position}`,
    title: colour,
    sku: `SKU-${number}-${position}`,
    price: `${20 + number}.90`,
    compareAtPrice: position === 1 ? `${30 + number}.00` : null,
    position,
    inventoryQuantity: 5 * position,
    selectedOptions: [{ name: 'Colour', value: colour }],
    inventoryItem: { id: `gid://shopify/InventoryItem/${(1000 + number) * 100 + position}`, tracked: true },
    ...overridesForVariant,
  });
  return {
    id,
    handle: `product-${number}`,
    title: `Product ${number}`,
    descriptionHtml: `<p>The <strong>${number}th</strong> product.</p>`,
    vendor: 'Northwind',
    productType: 'Tents',
    tags: ['camping', `tag-${number % 3}`],
    status: 'ACTIVE',
    createdAt: '2026-10-01T13:15:22Z',
    updatedAt: '2026-11-20T15:02:11Z',
    options: [{ name: 'Colour', position: 1, values: ['Green', 'Sand'] }],
    featuredMedia: { preview: { image: { url: `https://cdn.shopify.com/s/files/1/product-${number}.jpg` } } },
    seo: { title: null, description: null },
    // The second colour's stock is not tracked: "always available".
    variants: [
      variant(1, 'Green'),
      variant(2, 'Sand', {
        inventoryItem: { id: `gid://shopify/InventoryItem/${(1000 + number) * 100 + 2}`, tracked: false },
      }),
    ],
    ...overrides,
  };
}

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'EUR' } });

export function fakeOrder(number: number, product: FakeProduct, overrides: Partial<FakeOrder> = {}): FakeOrder {
  const variant = product.variants[0] as FakeVariant;
  return {
    id: `gid://shopify/Order/${5000 + number}`,
    name: `#${1000 + number}`,
    email: `buyer${number}@example.com`,
    currencyCode: 'EUR',
    createdAt: '2026-11-20T19:03:11Z',
    processedAt: '2026-11-20T19:03:10Z',
    updatedAt: '2026-11-21T08:00:00Z',
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    subtotalPriceSet: money('260.90'),
    totalDiscountsSet: money('24.90'),
    totalPriceSet: money('236.00'),
    customAttributes: [],
    shippingAddress: { city: 'Lisbon', province: 'Lisboa', provinceCode: 'PT-11', countryCodeV2: 'PT' },
    customer: {
      id: `gid://shopify/Customer/${7000 + number}`,
      firstName: 'Ana',
      lastName: `Buyer ${number}`,
      defaultEmailAddress: { emailAddress: `buyer${number}@example.com` },
      defaultPhoneNumber: null,
    },
    fulfillments: [],
    lineItems: [
      {
        id: `gid://shopify/LineItem/${9000 + number}`,
        title: product.title,
        name: `${product.title} - ${variant.title}`,
        sku: variant.sku,
        quantity: 2,
        originalUnitPriceSet: money(variant.price),
        product: { id: product.id },
        variant: { id: variant.id },
      },
      {
        id: `gid://shopify/LineItem/${9500 + number}`,
        title: 'Gift wrap',
        name: 'Gift wrap',
        sku: null,
        quantity: 1,
        originalUnitPriceSet: money('11.90'),
        product: null,
        variant: null,
      },
    ],
    ...overrides,
  };
}
