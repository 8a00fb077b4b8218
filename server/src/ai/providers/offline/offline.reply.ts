import type { ChatMessage, ToolCall } from '../../ai.model';

type ToolMessage = Extract<ChatMessage, { role: 'tool' }>;
type Row = Record<string, unknown>;

/**
 * Writes the reply after tool results, using only what the tools returned:
 * no price, stock level or policy appears unless a result contained it.
 */
export function composeReply(results: ToolMessage[], calls: ToolCall[]): string {
  const sections = results.map((result) => {
    const call = calls.find((candidate) => candidate.id === result.toolCallId);
    switch (result.name) {
      case 'search_products':
      case 'get_product':
        return describeProducts(result.result, String(call?.args.query ?? call?.args.q ?? ''));
      case 'lookup_order':
        return describeOrder(result.result);
      case 'handoff_to_human':
        return "I've asked a member of our team to join this conversation. They will reply here as soon as they can.";
      default:
        return describeOther(result.result);
    }
  });
  return sections.join('\n\n');
}

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

function productList(result: unknown): Row[] {
  if (Array.isArray(result)) return result.filter(isRow);
  if (!isRow(result)) return [];
  for (const key of ['products', 'items', 'results', 'hits']) {
    const list = result[key];
    if (Array.isArray(list)) return list.filter(isRow);
  }
  if (isRow(result.product)) return [result.product];
  return text(result.title ?? result.name) ? [result] : [];
}

function describeProducts(result: unknown, query: string): string {
  const products = productList(result);
  if (products.length === 0) {
    const subject = query ? ` matching "${query}"` : '';
    return `I couldn't find any products${subject} in this store. Could you describe what you need in another way?`;
  }
  const lines = products.slice(0, 5).map((product) => {
    const title = text(product.title ?? product.name) ?? 'Untitled product';
    const price = text(product.price);
    const currency = text(product.currency ?? product.currencyCode);
    const priced = price ? ` — ${price}${currency ? ` ${currency}` : ''}` : '';
    const available = product.available === false || product.inStock === false ? ' (currently unavailable)' : '';
    const url = text(product.url);
    return `- ${title}${priced}${available}${url ? `: ${url}` : ''}`;
  });
  const intro = products.length === 1 ? 'Here is what I found:' : `Here are ${lines.length} products I found:`;
  return `${intro}\n${lines.join('\n')}`;
}

function describeOrder(result: unknown): string {
  const order = isRow(result) && isRow(result.order) ? result.order : result;
  if (!isRow(order) || order.found === false || order.error !== undefined) {
    return "I couldn't find an order with that number and email address. Please check both and try again.";
  }
  const name = text(order.name ?? order.orderNumber ?? order.number);
  const facts = [
    ['Status', order.status ?? order.fulfillmentStatus],
    ['Payment', order.financialStatus],
    ['Tracking number', order.trackingNumber],
    ['Track it here', order.trackingUrl],
  ]
    .map(([label, value]) => [label, text(value)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([label, value]) => `${label}: ${value}`);
  const heading = name
    ? `Here is the latest on order ${name.startsWith('#') ? name : `#${name}`}.`
    : 'Here is the latest on your order.';
  return facts.length > 0 ? `${heading}\n${facts.join('\n')}` : heading;
}

function describeOther(result: unknown): string {
  if (isRow(result)) {
    const message = text(result.message ?? result.text);
    if (message) return message;
    if (result.ok === false || result.error !== undefined)
      return 'Sorry, that did not work. Please try again in a moment.';
  }
  return typeof result === 'string' && result.trim() !== '' ? result.trim() : 'Done.';
}
