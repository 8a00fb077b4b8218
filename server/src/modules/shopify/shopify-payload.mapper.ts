import type { OrderStatus, ProductStatus } from '@prisma/client';

/**
 * Pure translations of Shopify's REST-shaped webhook payloads into our rows.
 * Ids become Admin GraphQL GIDs (`gid://shopify/Product/1`), the same ids the
 * GraphQL import uses, so a webhook and an import update the same row.
 */

export const conversationAttributeName = '_closer_conversation';

export function shopifyGid(
  type: 'Product' | 'ProductVariant' | 'Order' | 'Customer' | 'InventoryItem',
  id: unknown,
): string | null {
  if (id === null || id === undefined || id === '') return null;
  const text = String(id);
  return text.startsWith('gid://') ? text : `gid://shopify/${type}/${text}`;
}

/** Shopify sends money as decimal strings ("129.90"); we store hundredths, integer arithmetic only. */
export function decimalToCents(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const padded = `${fraction}000`;
  // A third decimal (KWD, BHD) rounds half up to hundredths.
  const cents = Number(whole) * 100 + Number(padded.slice(0, 2)) + (Number(padded[2]) >= 5 ? 1 : 0);
  return sign ? -cents : cents;
}

// ───────────── products ─────────────

export interface ShopifyProductPayload {
  id: number | string;
  admin_graphql_api_id?: string;
  title?: string;
  handle?: string;
  body_html?: string | null;
  vendor?: string | null;
  product_type?: string | null;
  tags?: string | string[] | null;
  status?: string;
  created_at?: string | null;
  options?: Array<{ name: string; position: number }>;
  image?: { src?: string } | null;
  images?: Array<{ src?: string }>;
  variants?: ShopifyVariantPayload[];
}

export interface ShopifyVariantPayload {
  id: number | string;
  admin_graphql_api_id?: string;
  title?: string;
  sku?: string | null;
  price?: string | null;
  compare_at_price?: string | null;
  position?: number;
  option1?: string | null;
  option2?: string | null;
  option3?: string | null;
  inventory_quantity?: number | null;
  inventory_management?: string | null;
  /** A number in webhooks, a GID from the GraphQL import. */
  inventory_item_id?: number | string | null;
}

export interface MappedProduct {
  externalId: string;
  handle: string;
  title: string;
  description: string;
  category: string | null;
  vendor: string | null;
  tags: string[];
  imageUrl: string | null;
  url: string;
  status: ProductStatus;
  sourceCreatedAt: Date | null;
  minPriceCents: number | null;
  variants: MappedVariant[];
}

export interface MappedVariant {
  externalId: string;
  title: string;
  sku: string | null;
  options: Record<string, string>;
  priceCents: number;
  compareAtPriceCents: number | null;
  inventory: number | null;
  /** The InventoryItem GID that `inventory_levels/update` names. */
  inventoryItemId: string | null;
  position: number;
}

export function mapProduct(payload: ShopifyProductPayload, shopDomain: string): MappedProduct {
  const externalId = shopifyGid('Product', payload.admin_graphql_api_id ?? payload.id) as string;
  const handle = payload.handle || `product-${payload.id}`;
  const optionNames = [...(payload.options ?? [])].sort((a, b) => a.position - b.position).map((o) => o.name);
  const variants = (payload.variants ?? []).map((variant, index) => mapVariant(variant, optionNames, index));
  const prices = variants.map((variant) => variant.priceCents);
  return {
    externalId,
    handle,
    title: payload.title ?? handle,
    description: htmlToText(payload.body_html ?? ''),
    category: payload.product_type || null,
    vendor: payload.vendor || null,
    tags: splitTags(payload.tags),
    imageUrl: payload.image?.src ?? payload.images?.[0]?.src ?? null,
    url: `https://${shopDomain}/products/${handle}`,
    status: payload.status === 'draft' ? 'draft' : payload.status === 'archived' ? 'archived' : 'active',
    sourceCreatedAt: payload.created_at ? new Date(payload.created_at) : null,
    minPriceCents: prices.length ? Math.min(...prices) : null,
    variants,
  };
}

function mapVariant(variant: ShopifyVariantPayload, optionNames: string[], index: number): MappedVariant {
  const values = [variant.option1, variant.option2, variant.option3];
  const options: Record<string, string> = {};
  optionNames.forEach((name, position) => {
    const value = values[position];
    // Shopify's placeholder option for single-variant products says nothing to a shopper.
    if (value && !(name === 'Title' && value === 'Default Title')) options[name] = value;
  });
  return {
    externalId: shopifyGid('ProductVariant', variant.admin_graphql_api_id ?? variant.id) as string,
    title: variant.title ?? 'Default',
    sku: variant.sku || null,
    options,
    priceCents: decimalToCents(variant.price) ?? 0,
    compareAtPriceCents: decimalToCents(variant.compare_at_price),
    // Untracked inventory is null ("always available"), not zero.
    inventory: variant.inventory_management ? (variant.inventory_quantity ?? 0) : null,
    inventoryItemId: shopifyGid('InventoryItem', variant.inventory_item_id),
    position: variant.position ?? index + 1,
  };
}

function splitTags(tags: ShopifyProductPayload['tags']): string[] {
  if (!tags) return [];
  const list = Array.isArray(tags) ? tags : tags.split(',');
  return list.map((tag) => tag.trim()).filter(Boolean);
}

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

// ───────────── orders ─────────────

export interface ShopifyOrderPayload {
  id: number | string;
  admin_graphql_api_id?: string;
  name?: string;
  order_number?: number;
  email?: string | null;
  contact_email?: string | null;
  currency?: string;
  subtotal_price?: string;
  total_discounts?: string;
  total_price?: string;
  financial_status?: string | null;
  fulfillment_status?: string | null;
  cancelled_at?: string | null;
  processed_at?: string | null;
  created_at?: string;
  updated_at?: string | null;
  note_attributes?: Array<{ name: string; value: string }>;
  shipping_address?: { city?: string | null; province?: string | null; country_code?: string | null } | null;
  customer?: {
    id: number | string;
    admin_graphql_api_id?: string;
    first_name?: string | null;
    last_name?: string | null;
    phone?: string | null;
  } | null;
  fulfillments?: Array<{
    tracking_company?: string | null;
    tracking_number?: string | null;
    tracking_url?: string | null;
  }>;
  line_items?: Array<{
    title?: string;
    name?: string;
    sku?: string | null;
    quantity?: number;
    price?: string;
    product_id?: number | string | null;
    variant_id?: number | string | null;
  }>;
}

export interface MappedOrder {
  externalId: string;
  number: string;
  email: string | null;
  status: OrderStatus;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  shippingCity: string | null;
  shippingRegion: string | null;
  shippingCountry: string | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  /** The widget's cart attribute, unverified: the processor checks it belongs to the shop. */
  conversationAttribute: string | null;
  customerExternalId: string | null;
  customerName: string | null;
  customerPhone: string | null;
  placedAt: Date;
  /** Shopify's `updated_at`: an order older than the one stored is not written. */
  sourceUpdatedAt: Date | null;
  lines: Array<{
    title: string;
    sku: string | null;
    quantity: number;
    unitPriceCents: number;
    productExternalId: string | null;
    variantExternalId: string | null;
  }>;
}

export function mapOrder(payload: ShopifyOrderPayload): MappedOrder {
  const email = (payload.email || payload.contact_email || '').trim().toLowerCase() || null;
  const tracking = [...(payload.fulfillments ?? [])].reverse().find((fulfillment) => fulfillment.tracking_number);
  const country = payload.shipping_address?.country_code?.toUpperCase() ?? null;
  const customer = payload.customer ?? null;
  const customerName = [customer?.first_name, customer?.last_name].filter(Boolean).join(' ') || null;
  return {
    externalId: shopifyGid('Order', payload.admin_graphql_api_id ?? payload.id) as string,
    number: payload.name ?? `#${payload.order_number ?? payload.id}`,
    email,
    status: mapOrderStatus(payload),
    currency: (payload.currency ?? 'USD').toUpperCase(),
    subtotalCents: decimalToCents(payload.subtotal_price) ?? 0,
    discountCents: decimalToCents(payload.total_discounts) ?? 0,
    totalCents: decimalToCents(payload.total_price) ?? 0,
    shippingCity: payload.shipping_address?.city || null,
    shippingRegion: payload.shipping_address?.province || null,
    shippingCountry: country && /^[A-Z]{2}$/.test(country) ? country : null,
    trackingCompany: tracking?.tracking_company ?? null,
    trackingNumber: tracking?.tracking_number ?? null,
    trackingUrl: tracking?.tracking_url ?? null,
    conversationAttribute:
      payload.note_attributes?.find((attribute) => attribute.name === conversationAttributeName)?.value?.trim() || null,
    customerExternalId: customer ? shopifyGid('Customer', customer.admin_graphql_api_id ?? customer.id) : null,
    customerName,
    customerPhone: customer?.phone ?? null,
    placedAt: new Date(payload.processed_at ?? payload.created_at ?? Date.now()),
    sourceUpdatedAt: validDate(payload.updated_at),
    lines: (payload.line_items ?? []).map((line) => ({
      title: line.title ?? line.name ?? 'Item',
      sku: line.sku || null,
      quantity: line.quantity ?? 1,
      unitPriceCents: decimalToCents(line.price) ?? 0,
      productExternalId: shopifyGid('Product', line.product_id),
      variantExternalId: shopifyGid('ProductVariant', line.variant_id),
    })),
  };
}

function validDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function mapOrderStatus(
  payload: Pick<ShopifyOrderPayload, 'cancelled_at' | 'financial_status' | 'fulfillment_status'>,
): OrderStatus {
  if (payload.cancelled_at) return 'cancelled';
  if (payload.financial_status === 'refunded') return 'refunded';
  if (payload.fulfillment_status === 'fulfilled') return 'fulfilled';
  if (payload.financial_status === 'paid' || payload.financial_status === 'partially_refunded') return 'paid';
  return 'pending';
}
