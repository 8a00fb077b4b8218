import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../app';
import { createApiKey } from '../../modules/tenancy';
import { connect } from '../../platform/database';
import { connectAgent, connectShopper, createTestStore, type TestStore } from '../../testing/closer-harness';

/**
 * The shopper's real-time path end to end, with real Socket.IO clients against
 * a real server and database, and the offline provider answering (no AI key).
 */
let store: TestStore;
let closer: Closer;
let inboxKey: string;

beforeAll(async () => {
  store = await createTestStore();
  closer = await store.start();
  inboxKey = (
    await createApiKey(closer.database.prisma, { workspaceId: store.workspaceId, name: 'inbox', scopes: ['inbox'] })
  ).key;
});
afterAll(async () => store.drop());

const clientId = () => randomUUID();

describe('/widget handshake', () => {
  it('refuses an unknown key and a disallowed origin with specific codes', async () => {
    await expect(connectShopper(closer.url, { key: 'pk_doesnotexist123' })).rejects.toMatchObject({
      data: { code: 'invalid_key' },
    });
    const db = closer.database.prisma;
    await db.widgetKey.updateMany({
      where: { workspaceId: store.workspaceId },
      data: { allowedOrigins: ['https://shop.example'] },
    });
    try {
      await expect(
        connectShopper(closer.url, { key: store.widgetKey }, { origin: 'https://evil.example' }),
      ).rejects.toMatchObject({
        data: { code: 'origin_not_allowed' },
      });
      const allowed = await connectShopper(closer.url, { key: store.widgetKey }, { origin: 'https://shop.example' });
      allowed.close();
    } finally {
      await db.widgetKey.updateMany({ where: { workspaceId: store.workspaceId }, data: { allowedOrigins: [] } });
    }
  });

  it('issues a visitor token that brings the same conversation back, and replaces a forged one', async () => {
    const first = await connectShopper(closer.url, { key: store.widgetKey });
    const ready = await first.waitFor('session.ready');
    expect(ready.conversation).toBeNull();
    const sent = await first.call('message.send', { clientId: clientId(), text: 'hello there' });
    expect(sent).toMatchObject({ ok: true, seq: 1 });
    first.close();

    const again = await connectShopper(closer.url, { key: store.widgetKey, visitorToken: ready.visitorToken });
    const resumed = await again.waitFor('session.ready');
    expect(resumed.conversation).toMatchObject({ id: sent.conversationId });
    again.close();

    const forged = await connectShopper(closer.url, { key: store.widgetKey, visitorToken: `${ready.visitorToken}x` });
    const fresh = await forged.waitFor('session.ready');
    expect(fresh.conversation).toBeNull();
    expect(fresh.visitorToken).not.toBe(ready.visitorToken);
    forged.close();
  });
});

describe('a shopper conversation', () => {
  it('streams a grounded answer with cards for matching products', async () => {
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const ack = await shopper.call('message.send', {
      clientId: clientId(),
      text: 'I want a waterproof jacket under $150',
    });
    expect(ack.ok).toBe(true);
    const completed = await shopper.waitFor(
      'message.completed',
      (payload) => payload.conversationId === ack.conversationId,
    );
    const deltas = shopper.received.filter((entry) => entry.event === 'message.delta').map((entry) => entry.payload);
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.every((delta) => delta.seq === completed.seq && delta.messageId === completed.messageId)).toBe(true);
    expect(deltas.map((delta) => delta.text).join('')).toBe(completed.text);
    expect(completed.seq).toBe(ack.seq + 1);
    expect(completed.products.length).toBeGreaterThan(0);
    for (const product of completed.products) {
      expect(Number(product.price)).toBeLessThanOrEqual(150);
      expect(completed.text).toContain(product.title);
    }
    // The cards are real products of this store.
    const titles = await closer.database.prisma.product.findMany({
      where: {
        workspaceId: store.workspaceId,
        id: { in: completed.products.map((product: { id: string }) => product.id) },
      },
    });
    expect(titles).toHaveLength(completed.products.length);
    shopper.close();
  });

  it('stores a resent message once and answers it once', async () => {
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const id = clientId();
    const first = await shopper.call('message.send', { clientId: id, text: 'Do you have wool socks?' });
    const second = await shopper.call('message.send', { clientId: id, text: 'Do you have wool socks?' });
    expect(second).toEqual(first);
    await shopper.waitFor('message.completed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shopper.received.filter((entry) => entry.event === 'message.completed')).toHaveLength(1);
    const sync = await shopper.call('messages.sync', { conversationId: first.conversationId, afterSeq: 0 });
    expect(sync.messages.map((message: { seq: number; role: string }) => [message.seq, message.role])).toEqual([
      [1, 'shopper'],
      [2, 'assistant'],
    ]);
    shopper.close();
  });

  it('answers every bad input with one specific error and changes nothing', async () => {
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const tooLong = await shopper.call('message.send', { clientId: clientId(), text: 'x'.repeat(2_001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'message_too_long' } });
    const malformed = await shopper.call('message.send', { text: 42 });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const unknown = await shopper.call('conversation.delete', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    const foreign = await shopper.call('messages.sync', { conversationId: randomUUID(), afterSeq: 0 });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(shopper.received.filter((entry) => entry.event === 'error').map((entry) => entry.payload.code)).toEqual([
      'message_too_long',
      'invalid_payload',
      'unknown_event',
      'not_found',
    ]);
    expect(await closer.database.prisma.message.count({ where: { text: 'x'.repeat(2_001) } })).toBe(0);
    shopper.close();
  });

  it('limits messages per visitor per minute', async () => {
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const results = [];
    for (let index = 0; index < 21; index++)
      results.push(await shopper.call('message.send', { clientId: clientId(), text: `hi ${index}` }));
    expect(results.slice(0, 20).every((result) => result.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(results[20].error.retryAfterMs).toBeGreaterThan(0);
    shopper.close();
  });
});

describe('handoff to a person', () => {
  it('reaches an agent, carries the reply back, and hands back to the assistant', async () => {
    const agent = await connectAgent(closer.url, inboxKey, 'Sam');
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const ack = await shopper.call('message.send', {
      clientId: clientId(),
      text: 'Can I talk to a real person please?',
    });
    const waiting = await shopper.waitFor('conversation.updated', (payload) => payload.status === 'waiting');
    expect(waiting.conversationId).toBe(ack.conversationId);
    await agent.waitFor(
      'conversation.updated',
      (payload) => payload.conversationId === ack.conversationId && payload.status === 'waiting',
    );

    expect(await agent.call('conversation.join', { conversationId: ack.conversationId })).toEqual({
      ok: true,
      status: 'human',
    });
    const human = await shopper.waitFor('conversation.updated', (payload) => payload.status === 'human');
    expect(human.agentName).toBe('Sam');

    await agent.call('message.send', {
      conversationId: ack.conversationId,
      clientId: clientId(),
      text: 'Hi, Sam here. How can I help?',
    });
    const reply = await shopper.waitFor('message.created', (payload) => payload.message.role === 'agent');
    expect(reply.message).toMatchObject({ text: 'Hi, Sam here. How can I help?', authorName: 'Sam' });

    // While a person owns the conversation the assistant stays quiet.
    const before = shopper.received.filter((entry) => entry.event === 'message.completed').length;
    await shopper.call('message.send', { clientId: clientId(), text: 'Thanks! I need a jacket.' });
    await agent.waitFor('message.created', (payload) => payload.message.text === 'Thanks! I need a jacket.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shopper.received.filter((entry) => entry.event === 'message.completed')).toHaveLength(before);

    const note = await agent.call('message.send', {
      conversationId: ack.conversationId,
      clientId: clientId(),
      text: 'VIP customer',
      internal: true,
    });
    expect(note.ok).toBe(true);
    expect(await agent.call('conversation.release', { conversationId: ack.conversationId })).toEqual({
      ok: true,
      status: 'ai',
    });
    await shopper.waitFor('conversation.updated', (payload) => payload.status === 'ai');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      shopper.received.some(
        (entry) => entry.event === 'message.created' && entry.payload.message.text === 'VIP customer',
      ),
    ).toBe(false);
    shopper.close();
    agent.close();
  });

  it('works across two server processes sharing the database', async () => {
    const second = await store.start();
    const agent = await connectAgent(second.url, inboxKey, 'Kim');
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const ack = await shopper.call('message.send', { clientId: clientId(), text: 'I need a human agent' });
    await agent.waitFor(
      'conversation.updated',
      (payload) => payload.conversationId === ack.conversationId && payload.status === 'waiting',
    );
    await agent.call('conversation.join', { conversationId: ack.conversationId });
    await agent.call('message.send', {
      conversationId: ack.conversationId,
      clientId: clientId(),
      text: 'Kim from the other node',
    });
    const reply = await shopper.waitFor('message.created', (payload) => payload.message.role === 'agent');
    expect(reply.message.text).toBe('Kim from the other node');
    shopper.close();
    agent.close();
  });
});

describe('tenancy', () => {
  it("never lets another workspace's agent see or touch a conversation", async () => {
    const db = await connect(store.databaseUrl);
    const other = await db.prisma.workspace.create({ data: { name: 'Other shop', slug: `other-${randomUUID()}` } });
    const otherKey = (await createApiKey(db.prisma, { workspaceId: other.id, name: 'inbox', scopes: ['inbox'] })).key;
    await db.close();

    const intruder = await connectAgent(closer.url, otherKey, 'Eve');
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const ack = await shopper.call('message.send', { clientId: clientId(), text: 'My secret question about sizes' });
    await shopper.waitFor('message.completed');
    for (const [event, payload] of [
      ['conversation.join', { conversationId: ack.conversationId }],
      ['conversation.close', { conversationId: ack.conversationId }],
      ['messages.sync', { conversationId: ack.conversationId, afterSeq: 0 }],
      ['message.send', { conversationId: ack.conversationId, clientId: clientId(), text: 'hello from elsewhere' }],
    ] as const) {
      expect(await intruder.call(event, payload)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(intruder.received.filter((entry) => entry.event !== 'error')).toEqual([]);
    const conversation = await closer.database.prisma.conversation.findUniqueOrThrow({
      where: { id: ack.conversationId },
    });
    expect(conversation.status).toBe('ai');

    const withoutScope = (
      await createApiKey(closer.database.prisma, {
        workspaceId: store.workspaceId,
        name: 'read',
        scopes: ['products:read'],
      })
    ).key;
    await expect(connectAgent(closer.url, withoutScope)).rejects.toMatchObject({ data: { code: 'invalid_key' } });
    shopper.close();
    intruder.close();
  });
});
