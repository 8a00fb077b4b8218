import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi } from '../../ai/testing/fake-openai.server';
import type { FakeServer } from '../../ai/testing/fake-server';
import type { Closer } from '../../app';
import { createTestStore, type TestStore } from '../../testing/closer-harness';
import { createRecordingEvents } from '../conversations';
import { suggestReply } from './reply-suggestion';

/**
 * Drafts for the inbox on a real model protocol (the OpenAI SDK against a
 * local fake): the model may only look things up, a call to a tool that acts
 * is answered with an error instead of being run, and the grounding guard
 * still removes a price the catalog does not have.
 */
let store: TestStore;
let closer: Closer;
let openai: FakeServer;
const recording = createRecordingEvents();

beforeAll(async () => {
  openai = await startFakeOpenAi();
  store = await createTestStore({ productCount: 20 });
  closer = await store.start({ OPENAI_API_KEY: 'sk-test-fake', OPENAI_BASE_URL: `${openai.url}/v1` });
});
afterAll(async () => {
  await store.drop();
  await openai.close();
});

const deps = () => ({
  prisma: closer.database.prisma,
  ai: closer.ai,
  conversations: { prisma: closer.database.prisma, events: recording.events, now: () => new Date() },
});

async function conversationWith(messages: Array<['shopper' | 'assistant' | 'agent', string]>) {
  const prisma = closer.database.prisma;
  const conversation = await prisma.conversation.create({
    data: { workspaceId: store.workspaceId, visitorId: `v-${randomUUID()}`, status: 'human', lastSeq: messages.length },
  });
  for (const [index, [role, text]] of messages.entries()) {
    await prisma.message.create({
      data: { workspaceId: store.workspaceId, conversationId: conversation.id, seq: index + 1, role, text },
    });
  }
  return conversation.id;
}

describe('reply suggestions on a model', () => {
  it('offers only lookup tools, never runs one that acts, and keeps invented prices out', async () => {
    const product = await closer.database.prisma.product.findFirstOrThrow({
      where: { workspaceId: store.workspaceId, status: 'active' },
      include: { variants: true },
    });
    const conversationId = await conversationWith([['shopper', `Is the ${product.title} any good?`]]);
    openai.enqueue(
      {
        toolCalls: [
          { id: 'call_1', name: 'search_products', args: { query: product.title } },
          { id: 'call_2', name: 'add_to_cart', args: { product_id: product.id } },
          { id: 'call_3', name: 'handoff_to_human', args: { reason: 'wants advice' } },
        ],
      },
      { text: [`Hi, I'm Robin! The ${product.title} is great. `, 'Today only $1.23 for you.'] },
    );
    const suggestion = await suggestReply(deps(), {
      workspaceId: store.workspaceId,
      conversationId,
      agentName: 'Robin',
    });
    expect(suggestion).toEqual({ text: `Hi, I'm Robin! The ${product.title} is great.`, source: 'model' });

    const first = openai.request(0).body;
    expect(first.tools.map((tool: { function: { name: string } }) => tool.function.name).sort()).toEqual([
      'get_product',
      'lookup_order',
      'search_products',
      'search_store_info',
    ]);
    expect(first.messages[0].content).toContain('drafting');
    expect(first.messages[0].content).toContain("It is Robin's first message here");
    const results = openai
      .request(1)
      .body.messages.filter((message: { role: string }) => message.role === 'tool')
      .map((message: { content: string }) => JSON.parse(message.content));
    expect(results[0].products[0].title).toBe(product.title);
    expect(results[1]).toEqual({ error: 'add_to_cart is not available while drafting.' });
    expect(results[2]).toEqual({ error: 'handoff_to_human is not available while drafting.' });

    // Nothing happened to the conversation: no message, no handoff, no event.
    const stored = await closer.database.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(stored).toMatchObject({ status: 'human', lastSeq: 1 });
    expect(recording.sent).toEqual([]);
    openai.requests.length = 0;
  });

  it('asks for a check-in when the shopper’s last message was answered', async () => {
    const conversationId = await conversationWith([
      ['shopper', 'Do you ship to Norway?'],
      ['agent', 'Yes, we do.'],
    ]);
    openai.enqueue({ text: ['Anything else I can help with?'] });
    const suggestion = await suggestReply(deps(), {
      workspaceId: store.workspaceId,
      conversationId,
      agentName: 'Robin',
    });
    expect(suggestion).toEqual({ text: 'Anything else I can help with?', source: 'model' });
    const request = openai.request(0).body;
    expect(request.messages.at(-1)).toMatchObject({
      role: 'user',
      content: expect.stringContaining('Draft my next message'),
    });
    expect(request.messages[0].content).not.toContain('first message here');
    const usage = await closer.database.prisma.aiUsage.count({
      where: { workspaceId: store.workspaceId, task: 'assistant.reply', provider: 'openai' },
    });
    expect(usage).toBe(3);
    openai.requests.length = 0;
  });
});
