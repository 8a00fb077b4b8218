import type { PrismaClient } from '@prisma/client';
import type { ToolCall } from '../../ai';
import { getProduct, ProductNotFoundError, parseShoppingQuery, searchProducts, toProductCard } from '../catalog';
import {
  type ClientAction,
  type ConversationDeps,
  captureLead,
  type OrderCard,
  type ProductCard,
  requestHandoff,
  type ShopperContext,
} from '../conversations';
import { searchKnowledge } from '../knowledge';
import { findCustomerOrder, lookupOrder } from '../orders';
import type { WorkspaceSettings } from '../tenancy';
import { findClaims, type GroundingFacts } from './grounding';

/**
 * Runs the model's tool calls against this workspace's data only. Each result
 * is what the model sees next; the cards and actions are what the shopper sees;
 * every number a result contains becomes a fact the reply may state.
 */
export interface ToolContext {
  prisma: PrismaClient;
  conversations: ConversationDeps & { now: () => Date };
  shopper: ShopperContext;
  settings: WorkspaceSettings;
  currency: string;
}

export interface ToolOutcome {
  result: unknown;
  products: ProductCard[];
  orders: OrderCard[];
  actions: ClientAction[];
}

const nothing = { products: [], orders: [], actions: [] };
type Args = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export async function executeTool(call: ToolCall, context: ToolContext, facts: GroundingFacts): Promise<ToolOutcome> {
  try {
    switch (call.name) {
      case 'search_products':
        return await runProductSearch(call.args, context, facts);
      case 'get_product':
        return await runGetProduct(call.args, context, facts);
      case 'search_store_info':
        return await runStoreInfo(call.args, context, facts);
      case 'lookup_order':
        return await runOrderLookup(call.args, context, facts);
      case 'add_to_cart':
        return await runAddToCart(call.args, context);
      case 'capture_lead':
        return await runCaptureLead(call.args, context);
      case 'handoff_to_human':
        return await runHandoff(call.args, context);
      default:
        return { result: { error: `Unknown tool ${call.name}` }, ...nothing };
    }
  } catch (error) {
    if (error instanceof ProductNotFoundError)
      return { result: { error: 'No product with that id in this store.' }, ...nothing };
    throw error;
  }
}

async function runProductSearch(args: Args, context: ToolContext, facts: GroundingFacts): Promise<ToolOutcome> {
  // Shoppers' own words often carry the filters ("under $150"); explicit arguments win.
  const parsed = parseShoppingQuery(text(args.query));
  const maxPrice = number(args.max_price);
  const minPrice = number(args.min_price);
  const hits = await searchProducts(context.prisma, context.shopper.workspaceId, {
    query: parsed.query || text(args.query),
    category: text(args.category) || undefined,
    maxPriceCents: maxPrice !== undefined ? Math.round(maxPrice * 100) : parsed.maxPriceCents,
    minPriceCents: minPrice !== undefined ? Math.round(minPrice * 100) : parsed.minPriceCents,
    inStockOnly: args.in_stock_only === true || parsed.inStockOnly,
    limit: 5,
  });
  const cards = hits.map((hit) => toProductCard(hit, { currency: context.currency }));
  for (const hit of hits) addProductFacts(hit, facts);
  return {
    result: { products: cards.map((card, index) => forModel(card, hits[index]?.description)) },
    products: cards,
    orders: [],
    actions: [],
  };
}

async function runGetProduct(args: Args, context: ToolContext, facts: GroundingFacts): Promise<ToolOutcome> {
  const product = await getProduct(context.prisma, context.shopper.workspaceId, text(args.product_id));
  addProductFacts(product, facts);
  const card = toProductCard(product, { currency: context.currency });
  const stock = Object.fromEntries(product.variants.map((variant) => [variant.id, variant.inventory]));
  return {
    result: { product: { ...forModel(card, product.description), stockByVariant: stock } },
    products: [card],
    orders: [],
    actions: [],
  };
}

async function runStoreInfo(args: Args, context: ToolContext, facts: GroundingFacts): Promise<ToolOutcome> {
  const articles = await searchKnowledge(context.prisma, context.shopper.workspaceId, text(args.query), { limit: 3 });
  for (const article of articles) for (const cents of findClaims(article.body).amounts) facts.amountsInCents.add(cents);
  const passages = articles.map((article) => ({ title: article.title, text: article.body }));
  return {
    // `text` is the best passage alone: what a reply built from this result should quote.
    result:
      passages.length > 0 ? { passages, text: passages[0]?.text } : { text: 'The store has no information on that.' },
    ...nothing,
  };
}

async function runOrderLookup(args: Args, context: ToolContext, facts: GroundingFacts): Promise<ToolOutcome> {
  const { workspaceId, shopifyCustomerId } = context.shopper;
  const orderNumber = text(args.order_number);
  const email = text(args.email);
  // A signed-in customer's own orders need no more proof; any other order still needs its number and email.
  const order =
    (shopifyCustomerId
      ? await findCustomerOrder(context.prisma, workspaceId, { shopifyCustomerId, orderNumber })
      : null) ?? (email ? await lookupOrder(context.prisma, workspaceId, { orderNumber, email }) : null);
  if (!order) {
    // The same answer for a wrong email and a missing order: nothing to learn by guessing.
    const message = shopifyCustomerId
      ? 'No order of this signed-in customer matches; for an order of another account, ask for its number and email address.'
      : 'No order matches that number and email address.';
    return { result: { found: false, message }, ...nothing };
  }
  facts.amountsInCents.add(Math.round(Number(order.total) * 100));
  return { result: { found: true, order }, products: [], orders: [order], actions: [] };
}

async function runAddToCart(args: Args, context: ToolContext): Promise<ToolOutcome> {
  const product = await getProduct(context.prisma, context.shopper.workspaceId, text(args.product_id));
  const variantId = text(args.variant_id);
  const variant = variantId
    ? product.variants.find((candidate) => candidate.id === variantId)
    : product.variants.length === 1
      ? product.variants[0]
      : undefined;
  if (!variant) {
    return {
      result: {
        added: false,
        message: 'Ask the shopper which variant they want.',
        variants: product.variants.map((entry) => ({ id: entry.id, title: entry.title })),
      },
      ...nothing,
    };
  }
  const quantity = Math.min(10, Math.max(1, Math.round(number(args.quantity) ?? 1)));
  return {
    result: { added: true, product: product.title, variant: variant.title, quantity },
    products: [],
    orders: [],
    actions: [
      {
        type: 'add_to_cart',
        productId: product.id,
        variantId: variant.id,
        externalVariantId: variant.externalId,
        quantity,
      },
    ],
  };
}

async function runCaptureLead(args: Args, context: ToolContext): Promise<ToolOutcome> {
  const email = text(args.email).toLowerCase();
  if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(email)) {
    await captureLead(context.conversations, context.shopper, { email, name: text(args.name) || undefined });
    return { result: { saved: true, message: 'Thanks, we have your email address.' }, ...nothing };
  }
  return { result: { formShown: true }, products: [], orders: [], actions: [{ type: 'lead_form', reason: 'asked' }] };
}

async function runHandoff(args: Args, context: ToolContext): Promise<ToolOutcome> {
  const outcome = await requestHandoff(context.conversations, context.shopper, context.settings, {
    clientId: `handoff-${Date.now()}`,
    reason: text(args.reason),
  });
  const reached = outcome.status === 'waiting' || outcome.status === 'human';
  return {
    result: reached
      ? { handedOff: true, message: 'A person from the team has been asked to join.' }
      : {
          handedOff: false,
          message: 'Nobody from the team is available now; the shopper was offered a form to leave their email.',
        },
    ...nothing,
  };
}

interface ProductLike {
  variants: Array<{ priceCents: number; compareAtPriceCents: number | null; inventory: number | null }>;
}

function addProductFacts(product: ProductLike, facts: GroundingFacts): void {
  let total = 0;
  for (const variant of product.variants) {
    facts.amountsInCents.add(variant.priceCents);
    if (variant.compareAtPriceCents !== null) facts.amountsInCents.add(variant.compareAtPriceCents);
    if (variant.inventory !== null) {
      facts.stockCounts.add(variant.inventory);
      total += variant.inventory;
    }
  }
  facts.stockCounts.add(total);
}

function forModel(card: ProductCard, description: string | undefined) {
  return {
    id: card.id,
    title: card.title,
    price: card.price,
    compareAtPrice: card.compareAtPrice,
    currency: card.currency,
    available: card.available,
    url: card.url,
    description: description ? description.slice(0, 300) : undefined,
    variants: card.variants.map((variant) => ({
      id: variant.id,
      title: variant.title,
      price: variant.price,
      available: variant.available,
    })),
  };
}
