import { describe, expect, it } from 'vitest';
import { generateDemoConversations } from './demo-conversations.data';
import { DEMO_DEFAULT_SEED, generateDemoStore } from './demo-store.data';

describe('demo conversations', () => {
  const store = generateDemoStore({ productCount: 40 });
  const endDate = new Date(Math.max(...store.orders.map((order) => order.createdAt.getTime())));
  const conversations = generateDemoConversations(store, { seed: DEMO_DEFAULT_SEED, endDate });

  it('are the same on every run', () => {
    expect(generateDemoConversations(store, { seed: DEMO_DEFAULT_SEED, endDate })).toEqual(conversations);
  });

  it('cover the 90 days before the end, about five a day, with unique visitors', () => {
    expect(conversations.length).toBeGreaterThan(300);
    expect(conversations.length).toBeLessThan(600);
    const first = Math.min(...conversations.map((conversation) => conversation.startedAt.getTime()));
    expect(endDate.getTime() - first).toBeLessThanOrEqual(90 * 86_400_000);
    expect(new Set(conversations.map((conversation) => conversation.visitorId)).size).toBe(conversations.length);
  });

  it('link only orders placed within two days after the question, containing the product asked about, once each', () => {
    const orders = new Map(store.orders.map((order) => [order.externalId, order]));
    const linked = conversations.filter((conversation) => conversation.orderExternalId);
    expect(linked.length).toBeGreaterThan(10);
    expect(new Set(linked.map((conversation) => conversation.orderExternalId)).size).toBe(linked.length);
    for (const conversation of linked) {
      const order = orders.get(conversation.orderExternalId as string);
      const delay = (order?.createdAt.getTime() ?? 0) - conversation.startedAt.getTime();
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(2 * 86_400_000);
      expect(conversation.intent).toBe('product_question');
    }
  });

  it('leave the newest open: one with the assistant, two waiting for a person', () => {
    expect(conversations.slice(-3).map((conversation) => conversation.status)).toEqual(['ai', 'waiting', 'waiting']);
    expect(conversations.filter((conversation) => conversation.status !== 'closed')).toHaveLength(3);
  });

  it('never quote a price the catalog does not have', () => {
    const prices = new Set(
      store.products.flatMap((product) =>
        product.variants.map((variant) => `$${(variant.priceCents / 100).toFixed(2)}`),
      ),
    );
    for (const conversation of conversations) {
      for (const message of conversation.messages.filter((candidate) => candidate.role === 'assistant')) {
        for (const quoted of message.text.match(/\$\d+\.\d{2}/g) ?? []) expect(prices).toContain(quoted);
      }
    }
  });
});
