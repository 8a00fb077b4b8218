import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi } from '../../ai/testing/fake-openai.server';
import type { FakeServer } from '../../ai/testing/fake-server';
import type { Closer } from '../../app';
import { connectShopper, createTestStore, type TestStore } from '../../testing/closer-harness';

/**
 * The assistant on a real model protocol (the OpenAI SDK against a local fake
 * that speaks its wire format): a full tool round trip, and a model that
 * invents a price the catalog does not have.
 */
let store: TestStore;
let closer: Closer;
let openai: FakeServer;

beforeAll(async () => {
  openai = await startFakeOpenAi();
  store = await createTestStore({ productCount: 30 });
  closer = await store.start({ OPENAI_API_KEY: 'sk-test-fake', OPENAI_BASE_URL: `${openai.url}/v1` });
});
afterAll(async () => {
  await store.drop();
  await openai.close();
});

async function aJacket() {
  return closer.database.prisma.product.findFirstOrThrow({
    where: { workspaceId: store.workspaceId, status: 'active', title: { contains: 'Jacket', mode: 'insensitive' } },
    include: { variants: true },
  });
}

describe('assistant on a model', () => {
  it('runs the tool round trip and keeps a true price', async () => {
    const jacket = await aJacket();
    const price = (Math.min(...jacket.variants.map((variant) => variant.priceCents)) / 100).toFixed(2);
    openai.enqueue(
      {
        toolCalls: [{ id: 'call_1', name: 'search_products', args: { query: jacket.title } }],
        usage: { inputTokens: 500, outputTokens: 20 },
      },
      {
        text: [`The **${jacket.title}** `, `is $${price}. `, 'It is a great pick.'],
        usage: { inputTokens: 900, outputTokens: 30 },
      },
    );
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    await shopper.call('message.send', { clientId: randomUUID(), text: `Tell me about the ${jacket.title}` });
    const completed = await shopper.waitFor('message.completed');
    expect(completed.text).toBe(`The **${jacket.title}** is $${price}. It is a great pick.`);
    expect(completed.products.map((product: { id: string }) => product.id)).toContain(jacket.id);

    // The second request carried the tool's result back to the model.
    const followUp = openai.request(1).body;
    const toolMessage = followUp.messages.find((message: { role: string }) => message.role === 'tool');
    expect(toolMessage.tool_call_id).toBe('call_1');
    expect(JSON.parse(toolMessage.content).products[0].title).toBe(jacket.title);
    expect(followUp.tools.map((tool: { function: { name: string } }) => tool.function.name)).toContain('lookup_order');

    const usage = await closer.database.prisma.aiUsage.findMany({
      where: { workspaceId: store.workspaceId, task: 'assistant.reply' },
    });
    expect(usage).toHaveLength(2);
    expect(usage.every((row) => row.provider === 'openai' && row.outcome === 'ok' && row.costMicroUsd > 0n)).toBe(true);
    shopper.close();
    openai.requests.length = 0;
  });

  it('withholds a price the model invented, from the stream and from the stored reply', async () => {
    const jacket = await aJacket();
    openai.enqueue(
      { toolCalls: [{ id: 'call_9', name: 'search_products', args: { query: jacket.title } }] },
      { text: [`Good news! The ${jacket.title} `, 'is on sale today for $', '1', '1.11. ', 'It keeps you dry.'] },
    );
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    await shopper.call('message.send', { clientId: randomUUID(), text: 'Any deals on jackets?' });
    const completed = await shopper.waitFor('message.completed');
    const streamed = shopper.received
      .filter((entry) => entry.event === 'message.delta')
      .map((entry) => entry.payload.text)
      .join('');
    expect(streamed).not.toContain('11.11');
    expect(completed.text).not.toContain('11.11');
    expect(completed.text).toContain('Good news!');
    expect(completed.text).toContain('It keeps you dry.');
    expect(completed.text).toContain('could not confirm');
    const stored = await closer.database.prisma.message.findUniqueOrThrow({ where: { id: completed.messageId } });
    expect(stored.text).toBe(completed.text);
    shopper.close();
  });
});
