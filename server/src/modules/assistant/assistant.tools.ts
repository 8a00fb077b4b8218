import type { ToolDefinition } from '../../ai';

/**
 * The tools the assistant offers the model. Names and argument names are the
 * contract with every provider (and the offline one, which fills arguments by
 * name), so change them with care.
 */
export const assistantTools: ToolDefinition[] = [
  {
    name: 'search_products',
    description:
      "Search the store's catalog. Use it for any question about products, prices, sizes, colours or availability. Returns matching products with prices and variants.",
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What the shopper is looking for, in a few keywords.' },
        max_price: { type: 'number', description: 'Highest price in the store currency, if the shopper gave one.' },
        min_price: { type: 'number', description: 'Lowest price in the store currency, if the shopper gave one.' },
        category: { type: 'string', description: 'A product category, if the shopper named one.' },
        in_stock_only: { type: 'boolean', description: 'Only products that can be bought now.' },
      },
      required: ['query'],
    },
  },
  {
    name: 'get_product',
    description: 'Full details of one product (all variants, stock, description) by its id from search_products.',
    parameters: {
      type: 'object',
      properties: { product_id: { type: 'string', description: 'The product id.' } },
      required: ['product_id'],
    },
  },
  {
    name: 'search_store_info',
    description:
      "Search the store's policies and FAQ: shipping, returns, exchanges, warranty, payment, sizing, contact.",
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'The topic, in a few words.' } },
      required: ['query'],
    },
  },
  {
    name: 'lookup_order',
    description:
      'Status, items and tracking of one order. Needs the order number AND the email address used for the order, both as the shopper typed them; never guess them. If either is missing, ask the shopper for it instead of calling this tool.',
    parameters: {
      type: 'object',
      properties: {
        order_number: { type: 'string', description: 'The order number, e.g. #1042.' },
        email: { type: 'string', description: 'The email address of the order.' },
      },
      required: ['order_number', 'email'],
    },
  },
  {
    name: 'add_to_cart',
    description:
      "Put a product in the shopper's cart, when they ask for it. Use ids from search_products or get_product.",
    parameters: {
      type: 'object',
      properties: {
        product_id: { type: 'string' },
        variant_id: {
          type: 'string',
          description: 'The chosen variant; ask the shopper when the product has several.',
        },
        quantity: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
      },
      required: ['product_id'],
    },
  },
  {
    name: 'capture_lead',
    description:
      'Offer the shopper a form to leave their email (for a follow-up, a restock, or when nobody can help now). Pass the email only if the shopper typed it.',
    parameters: {
      type: 'object',
      properties: { email: { type: 'string' }, name: { type: 'string' }, reason: { type: 'string' } },
    },
  },
  {
    name: 'handoff_to_human',
    description:
      'Bring a person from the team into the conversation, when the shopper asks for one or you cannot help.',
    parameters: {
      type: 'object',
      properties: { reason: { type: 'string', description: 'Why, in one sentence, for the team.' } },
      required: ['reason'],
    },
  },
];

/**
 * `lookup_order` for a shopper the storefront signed in (a verified Shopify
 * customer): their own orders need no email, and without a number it returns
 * their latest. Same name and argument names, so history and the offline
 * assistant read it the same way.
 */
const signedInOrderLookup: ToolDefinition = {
  name: 'lookup_order',
  description:
    "Status, items and tracking of the signed-in shopper's own orders: the one with the number they give, or their most recent order when they give none. No email is needed for their own orders. For an order placed under another account, ask for its number and the email address used for it and pass both; never guess them.",
  parameters: {
    type: 'object',
    properties: {
      order_number: { type: 'string', description: 'The order number, e.g. #1042, if the shopper named one.' },
      email: { type: 'string', description: 'Only for an order of another account: its email address as typed.' },
    },
    required: [],
  },
};

/** The tools for this shopper: a signed-in customer gets the order lookup that needs no email for their own orders. */
export function listAssistantTools(shopper: { shopifyCustomerId?: string | null }): ToolDefinition[] {
  if (!shopper.shopifyCustomerId) return assistantTools;
  return assistantTools.map((tool) => (tool.name === 'lookup_order' ? signedInOrderLookup : tool));
}
