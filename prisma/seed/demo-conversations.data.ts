// Storefront conversations for the demo store's last 90 days, so a first look at the admin's Home
// and Inbox shows what a running store sees: questions answered by the assistant, handoffs to
// the team, a few shoppers still waiting, and orders that followed a conversation.

import type { DemoOrder, DemoProduct, DemoStore } from './demo-store.types';
import { createRandom, deriveSeed, type Random } from './random';

export interface DemoMessage {
  role: 'shopper' | 'assistant' | 'agent' | 'system';
  text: string;
  /** Seconds after the conversation started. */
  after: number;
}

export interface DemoConversation {
  visitorId: string;
  startedAt: Date;
  status: 'ai' | 'waiting' | 'human' | 'closed';
  intent: string;
  /** -1 … 1, as the analysis job writes it. */
  sentiment: number;
  summary: string;
  contactEmail: string | null;
  /** The order this conversation led to (assisted revenue), by its external id. */
  orderExternalId: string | null;
  messages: DemoMessage[];
}

const dayMs = 86_400_000;
const windowDays = 90;

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

interface Topic {
  intent: string;
  weight: number;
  build(random: Random, context: TopicContext): Omit<DemoConversation, 'visitorId' | 'startedAt' | 'orderExternalId'>;
}

interface TopicContext {
  product: DemoProduct;
  order: DemoOrder;
  returnsPolicy: string;
  shippingPolicy: string;
}

const topics: Topic[] = [
  {
    intent: 'product_question',
    weight: 45,
    build(random, { product }) {
      const price = Math.min(...product.variants.map((variant) => variant.priceCents));
      const budget = Math.ceil((price * random.float(1.05, 1.4)) / 1000) * 10;
      return {
        status: 'closed',
        intent: 'product_question',
        sentiment: random.float(0.2, 0.9),
        summary: `Shopper looked for ${product.category.toLowerCase()} under $${budget}; the assistant suggested ${product.title}.`,
        contactEmail: null,
        messages: [
          { role: 'shopper', text: `Do you have ${product.category.toLowerCase()} under $${budget}?`, after: 0 },
          {
            role: 'assistant',
            text: `Yes — the ${product.title} is ${dollars(price)}. ${product.description.split('. ')[0]}.`,
            after: 4,
          },
          { role: 'shopper', text: 'Great, thanks!', after: 60 },
        ],
      };
    },
  },
  {
    intent: 'sizing',
    weight: 15,
    build(random, { product }) {
      const size = random.pick(['S', 'M', 'L', 'XL']);
      return {
        status: 'closed',
        intent: 'sizing',
        sentiment: random.float(0, 0.7),
        summary: `Shopper asked whether the ${product.title} fits true to size (${size}).`,
        contactEmail: null,
        messages: [
          { role: 'shopper', text: `Does the ${product.title} run true to size? I'm usually a ${size}.`, after: 0 },
          {
            role: 'assistant',
            text: `Most customers take their usual size in the ${product.title}; if you are between sizes, size up for layering.`,
            after: 5,
          },
        ],
      };
    },
  },
  {
    intent: 'shipping',
    weight: 15,
    build(random, { order, shippingPolicy }) {
      return {
        status: 'closed',
        intent: 'shipping',
        sentiment: random.float(-0.1, 0.6),
        summary: `Shopper asked about delivery times to ${order.shippingCity}.`,
        contactEmail: null,
        messages: [
          { role: 'shopper', text: `How long does shipping take to ${order.shippingCity}?`, after: 0 },
          { role: 'assistant', text: shippingPolicy, after: 4 },
        ],
      };
    },
  },
  {
    intent: 'returns',
    weight: 10,
    build(random, { product, returnsPolicy }) {
      return {
        status: 'closed',
        intent: 'returns',
        sentiment: random.float(-0.3, 0.5),
        summary: `Shopper asked whether the ${product.title} can be returned.`,
        contactEmail: null,
        messages: [
          { role: 'shopper', text: `Can I return the ${product.title} if it doesn't fit?`, after: 0 },
          { role: 'assistant', text: returnsPolicy, after: 5 },
        ],
      };
    },
  },
  {
    intent: 'order_status',
    weight: 10,
    build(random, { order }) {
      return {
        status: 'closed',
        intent: 'order_status',
        sentiment: random.float(-0.2, 0.6),
        summary: `Shopper checked the status of order ${order.number}.`,
        contactEmail: order.email,
        messages: [
          { role: 'shopper', text: `Where is my order ${order.number}?`, after: 0 },
          { role: 'assistant', text: 'Please give me the email address you used for the order.', after: 3 },
          { role: 'shopper', text: order.email, after: 40 },
          {
            role: 'assistant',
            text: `Order ${order.number} is ${order.status === 'fulfilled' ? 'on its way' : 'being prepared'} to ${order.shippingCity}.`,
            after: 43,
          },
        ],
      };
    },
  },
  {
    intent: 'complaint',
    weight: 5,
    build(random, { order, product }) {
      return {
        status: 'closed',
        intent: 'complaint',
        sentiment: random.float(-0.9, -0.3),
        summary: `Shopper reported a damaged ${product.title} from order ${order.number}; an agent arranged a replacement.`,
        contactEmail: order.email,
        messages: [
          { role: 'shopper', text: `My ${product.title} arrived damaged. I want to talk to a person.`, after: 0 },
          { role: 'system', text: 'The shopper asked for a person.', after: 2 },
          {
            role: 'agent',
            text: `I'm sorry about that! I've sent a replacement for order ${order.number}; no need to return the damaged one.`,
            after: 300,
          },
        ],
      };
    },
  },
];

/**
 * Deterministic like the rest of the demo: about five conversations a day over the 90 days
 * before the store's end date; a quarter of product questions are followed within two days
 * by an order containing that product, which links back to the conversation.
 */
export function generateDemoConversations(
  store: DemoStore,
  options: { seed: number; endDate: Date },
): DemoConversation[] {
  const random = createRandom(deriveSeed(options.seed, 'conversations'));
  const start = options.endDate.getTime() - windowDays * dayMs;
  const recentOrders = store.orders.filter((order) => order.createdAt.getTime() >= start);
  const active = store.products.filter((product) => product.status === 'active');
  const policy = (kind: string) =>
    `${store.workspace.policies.find((candidate) => candidate.kind === kind)?.body.split('. ')[0] ?? ''}.`;
  const context = { returnsPolicy: policy('returns'), shippingPolicy: policy('shipping') };
  const linked = new Set<string>();
  const conversations: DemoConversation[] = [];
  for (let day = 0; day < windowDays; day++) {
    for (let count = random.poisson(5); count > 0; count--) {
      const startedAt = new Date(start + day * dayMs + random.int(7 * 3600, 22 * 3600) * 1000);
      const topic = random.weighted(
        topics,
        topics.map((candidate) => candidate.weight),
      );
      const product = random.pick(active);
      const order = random.pick(recentOrders);
      const built = topic.build(random, { ...context, product, order });
      conversations.push({
        ...built,
        visitorId: `demo-visitor-${conversations.length + 1}`,
        startedAt,
        orderExternalId:
          topic.intent === 'product_question' ? followingOrder(random, recentOrders, product, startedAt, linked) : null,
      });
    }
  }
  // The newest few are still going: one with the assistant, two waiting for the team.
  const open = conversations.slice(-3);
  open.forEach((conversation, index) => {
    conversation.status = index === 0 ? 'ai' : 'waiting';
    if (conversation.status === 'waiting') {
      conversation.messages.push({ role: 'shopper', text: 'Can I talk to someone from the team?', after: 90 });
      conversation.messages.push({ role: 'system', text: 'The shopper asked for a person.', after: 92 });
    }
  });
  return conversations;
}

function followingOrder(
  random: Random,
  orders: DemoOrder[],
  product: DemoProduct,
  after: Date,
  linked: Set<string>,
): string | null {
  if (!random.chance(0.25)) return null;
  const until = after.getTime() + 2 * dayMs;
  const match = orders.find(
    (order) =>
      !linked.has(order.externalId) &&
      order.createdAt.getTime() >= after.getTime() &&
      order.createdAt.getTime() <= until &&
      order.lines.some((line) => line.productExternalId === product.externalId),
  );
  if (!match) return null;
  linked.add(match.externalId);
  return match.externalId;
}
