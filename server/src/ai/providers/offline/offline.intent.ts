import type { JsonSchema, ToolDefinition } from '../../ai.model';

export interface OfflineToolCall {
  name: string;
  args: Record<string, unknown>;
}

export type OfflineIntent = { kind: 'tool'; call: OfflineToolCall } | { kind: 'text'; text: string };

// Either an unambiguous word, or a verb of contact near a word for a person ("can I talk to someone?").
const HUMAN =
  /\b(human|real person|live (agent|person|chat)|representative|operator|customer (service|support))\b|\b(talk|speak|chat|connect|transfer)\w*\b[^.?!]{0,30}\b(person|someone|somebody|agent|staff|team|people)\b/i;
const ORDER_NUMBER = /(?:#\s?|\border\s*(?:number|no\.?|nr\.?)?\s*:?\s*#?)(\d{3,})\b/i;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// "Where is my order?", "has my last parcel shipped", "order status": about the shopper's own orders.
const OWN_ORDER =
  /\b(my|our)\b[^.?!]{0,24}\b(orders?|package|parcel|delivery|shipment|purchase)\b|\border status\b|\btrack\w*\b[^.?!]{0,12}\border\b/i;
// Questions about the store rather than its products: answered from policies and FAQ.
const STORE_INFO =
  /\b(returns?|refunds?|exchanges?|shipping|ship|delivery|deliver|warranty|guarantee|payments?|pay|paypal|klarna|size guide|sizing|contact|policy|policies)\b/i;

const STOP_WORDS = new Set(
  `a about am an and any anything are available buy can could do does find for get got have hello hey hi i i'm im in
  is it looking look me my need of on or please sell show some something store shop the there to want wanted what
  which with would like you your`.split(/\s+/),
);

/** The words a shopper would type into a search box, without the chatter around them. */
export function extractSearchQuery(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word));
  return words.slice(0, 8).join(' ') || text.trim();
}

/**
 * Decides, as a model would, which of the offered tools to call for a shopper
 * message. Argument names come from each tool's schema, so the assistant module
 * may name them as it likes (`query` or `q`, `orderNumber` or `order_id`).
 */
export function chooseIntent(text: string, tools: ToolDefinition[]): OfflineIntent {
  const tool = (name: string) => tools.find((candidate) => candidate.name === name);

  const handoff = tool('handoff_to_human');
  if (handoff && HUMAN.test(text)) {
    return {
      kind: 'tool',
      call: { name: handoff.name, args: fillArguments(handoff.parameters, { reason: text.trim() }) },
    };
  }

  const orderNumber = ORDER_NUMBER.exec(text)?.[1];
  const lookup = tool('lookup_order');
  // A lookup that requires no email is offered only to a shopper the store signed in: their own orders.
  const ownOrders = lookup !== undefined && !requiresArgument(lookup.parameters, /e-?mail/i);
  if (lookup && (orderNumber || (ownOrders && OWN_ORDER.test(text)))) {
    const email = EMAIL.exec(text)?.[0];
    // Order details stay private until the shopper proves the order with its email.
    if (!email && !ownOrders) {
      return {
        kind: 'text',
        text: `To look up order #${orderNumber}, please also send the email address used for the order.`,
      };
    }
    return {
      kind: 'tool',
      call: { name: lookup.name, args: fillArguments(lookup.parameters, { orderNumber, email }) },
    };
  }

  const info = tool('search_store_info');
  if (info && STORE_INFO.test(text)) {
    return {
      kind: 'tool',
      call: { name: info.name, args: fillArguments(info.parameters, { query: extractSearchQuery(text) }) },
    };
  }

  const search = tool('search_products');
  if (search) {
    return {
      kind: 'tool',
      call: { name: search.name, args: fillArguments(search.parameters, { query: extractSearchQuery(text) }) },
    };
  }
  return { kind: 'text', text: 'I can help you find products in this store. What are you looking for?' };
}

interface KnownValues {
  query?: string;
  orderNumber?: string;
  email?: string;
  reason?: string;
}

function valueForProperty(key: string, known: KnownValues): string | undefined {
  if (/e-?mail/i.test(key)) return known.email;
  if (/order/i.test(key)) return known.orderNumber;
  if (/^(q|query|search|text|keywords?|term|terms)$/i.test(key)) return known.query;
  if (/reason|summary|message|note/i.test(key)) return known.reason;
  return undefined;
}

function requiresArgument(schema: JsonSchema, name: RegExp): boolean {
  return ((schema.required as string[] | undefined) ?? []).some((key) => name.test(key));
}

export function fillArguments(schema: JsonSchema, known: KnownValues): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const args: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    const value = valueForProperty(key, known);
    if (value !== undefined) {
      args[key] = property.type === 'integer' || property.type === 'number' ? Number(value) : value;
    } else if (property.default !== undefined) {
      args[key] = property.default;
    } else if (required.has(key)) {
      args[key] = placeholderFor(property, known);
    }
  }
  return args;
}

function placeholderFor(property: JsonSchema, known: KnownValues): unknown {
  if (Array.isArray(property.enum)) return property.enum[0];
  switch (property.type) {
    case 'integer':
    case 'number':
      return Math.max(Number(property.minimum ?? 1), Math.min(5, Number(property.maximum ?? 5)));
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return known.query ?? known.reason ?? '';
  }
}
