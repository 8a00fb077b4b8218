import type { LineItemNode, OrderNode, ProductNode, VariantNode } from './admin-graphql.queries';
import type { ShopifyOrderPayload, ShopifyProductPayload } from './shopify-payload.mapper';

/**
 * GraphQL nodes rewritten in the REST shape webhooks carry, so an imported
 * product or order goes through the very mapping a webhook does
 * (`mapProduct`, `mapOrder`) and lands in the same row, field for field.
 */
export function productNodeToPayload(node: ProductNode, variants: VariantNode[]): ShopifyProductPayload {
  const options = [...(node.options ?? [])].sort((a, b) => a.position - b.position);
  return {
    id: node.id,
    admin_graphql_api_id: node.id,
    title: node.title,
    handle: node.handle,
    body_html: node.descriptionHtml,
    vendor: node.vendor,
    product_type: node.productType,
    tags: node.tags,
    status: node.status.toLowerCase(),
    created_at: node.createdAt,
    options: options.map(({ name, position }) => ({ name, position })),
    image: node.featuredMedia?.preview?.image?.url ? { src: node.featuredMedia.preview.image.url } : null,
    variants: variants.map((variant) => {
      const values = options.map(
        (option) => variant.selectedOptions.find((selected) => selected.name === option.name)?.value ?? null,
      );
      return {
        id: variant.id,
        admin_graphql_api_id: variant.id,
        title: variant.title,
        sku: variant.sku,
        price: variant.price,
        compare_at_price: variant.compareAtPrice,
        position: variant.position,
        option1: values[0] ?? null,
        option2: values[1] ?? null,
        option3: values[2] ?? null,
        inventory_quantity: variant.inventoryQuantity,
        // REST says "shopify" for a tracked item and null for an untracked one.
        inventory_management: variant.inventoryItem?.tracked ? 'shopify' : null,
        inventory_item_id: variant.inventoryItem?.id ?? null,
      };
    }),
  };
}

const fulfillmentStatuses: Record<string, string> = {
  FULFILLED: 'fulfilled',
  PARTIALLY_FULFILLED: 'partial',
  RESTOCKED: 'restocked',
};

export function orderNodeToPayload(node: OrderNode, lines: LineItemNode[]): ShopifyOrderPayload {
  const customer = node.customer;
  return {
    id: node.id,
    admin_graphql_api_id: node.id,
    name: node.name,
    email: node.email ?? customer?.defaultEmailAddress?.emailAddress ?? null,
    currency: node.currencyCode,
    subtotal_price: node.subtotalPriceSet?.shopMoney.amount,
    total_discounts: node.totalDiscountsSet?.shopMoney.amount,
    total_price: node.totalPriceSet?.shopMoney.amount,
    // The display statuses are REST's financial statuses in capitals (PAID → paid, PARTIALLY_REFUNDED → …).
    financial_status: node.displayFinancialStatus?.toLowerCase() ?? null,
    fulfillment_status: fulfillmentStatuses[node.displayFulfillmentStatus ?? ''] ?? null,
    cancelled_at: node.cancelledAt,
    processed_at: node.processedAt,
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    note_attributes: node.customAttributes.map(({ key, value }) => ({ name: key, value: value ?? '' })),
    shipping_address: node.shippingAddress
      ? {
          city: node.shippingAddress.city,
          province: node.shippingAddress.province ?? node.shippingAddress.provinceCode,
          country_code: node.shippingAddress.countryCodeV2,
        }
      : null,
    customer: customer
      ? {
          id: customer.id,
          admin_graphql_api_id: customer.id,
          first_name: customer.firstName,
          last_name: customer.lastName,
          phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
        }
      : null,
    fulfillments: node.fulfillments.map((fulfillment) => {
      const tracking = fulfillment.trackingInfo.find((info) => info.number) ?? fulfillment.trackingInfo[0];
      return {
        tracking_company: tracking?.company ?? null,
        tracking_number: tracking?.number ?? null,
        tracking_url: tracking?.url ?? null,
      };
    }),
    line_items: lines.map((line) => ({
      title: line.title,
      name: line.name ?? undefined,
      sku: line.sku,
      quantity: line.quantity,
      price: line.originalUnitPriceSet?.shopMoney.amount,
      product_id: line.product?.id ?? null,
      variant_id: line.variant?.id ?? null,
    })),
  };
}
