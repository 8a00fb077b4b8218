import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../app';
import { clientEventSchemas } from '../../modules/conversations';
import { agentEventSchemas } from '../../modules/conversations/agent-protocol';
import { createApiKey } from '../../modules/tenancy';
import { connectAgent, connectShopper, createTestStore, type TestStore } from '../../testing/closer-harness';

/**
 * Property: whatever a client sends — known events with garbage, unknown
 * events, odd argument shapes — it gets an error (never a crash, never a
 * change to somebody else's conversation).
 */
let store: TestStore;
let closer: Closer;
let victim: { conversationId: string; messages: number };

beforeAll(async () => {
  store = await createTestStore({ productCount: 20 });
  closer = await store.start();
  const shopper = await connectShopper(closer.url, { key: store.widgetKey });
  const ack = await shopper.call('message.send', { clientId: randomUUID(), text: 'Do you have rain jackets?' });
  await shopper.waitFor('message.completed');
  shopper.close();
  victim = {
    conversationId: ack.conversationId,
    messages: await closer.database.prisma.message.count({ where: { conversationId: ack.conversationId } }),
  };
});
afterAll(async () => store.drop());

const payloads = fc.oneof(
  fc.anything(),
  fc.record({ clientId: fc.string(), text: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }),
  fc.record({ conversationId: fc.oneof(fc.uuid(), fc.constant('')), afterSeq: fc.oneof(fc.integer(), fc.double()) }),
  fc.record({
    rating: fc.integer(),
    email: fc.string(),
    productId: fc.string(),
    variantId: fc.uuid(),
    quantity: fc.integer(),
  }),
);

async function emit(
  client: Awaited<ReturnType<typeof connectShopper>>,
  event: string,
  payload: unknown,
  withAck: boolean,
) {
  if (!withAck) {
    client.socket.emit(event, payload);
    return undefined;
  }
  return client.socket.timeout(5_000).emitWithAck(event, payload);
}

describe('socket input fuzzing', () => {
  it('answers random shopper events with errors and leaves other conversations alone', async () => {
    const attacker = await connectShopper(closer.url, { key: store.widgetKey });
    const events = fc.oneof(
      fc.constantFrom(...Object.keys(clientEventSchemas)),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(events, payloads, fc.boolean(), async (event, payload, withAck) => {
        if (
          ['connect', 'disconnect', 'disconnecting', 'connect_error', 'newListener', 'removeListener'].includes(event)
        )
          return;
        const response = await emit(attacker, event, payload, withAck);
        if (response !== undefined) expect(typeof response.ok).toBe('boolean');
        expect(attacker.socket.connected).toBe(true);
      }),
      { numRuns: 150, seed: 4242 },
    );
    // Messages sent with valid shapes are the attacker's own; nothing reached the victim.
    expect(await closer.database.prisma.message.count({ where: { conversationId: victim.conversationId } })).toBe(
      victim.messages,
    );
    const health = await fetch(`${closer.url}/healthz`);
    expect(health.status).toBe(200);
    attacker.close();
  });

  it('answers random agent events with errors and never crosses workspaces', async () => {
    const other = await closer.database.prisma.workspace.create({
      data: { name: 'Other', slug: `fuzz-${randomUUID()}` },
    });
    const key = (
      await createApiKey(closer.database.prisma, { workspaceId: other.id, name: 'inbox', scopes: ['inbox'] })
    ).key;
    const agent = await connectAgent(closer.url, key);
    const events = fc.oneof(
      fc.constantFrom(...Object.keys(agentEventSchemas)),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    const withVictim = fc.oneof(
      payloads,
      fc.constant({ conversationId: victim.conversationId, clientId: 'fuzz-client-1', text: 'x', afterSeq: 0 }),
    );
    await fc.assert(
      fc.asyncProperty(events, withVictim, async (event, payload) => {
        if (
          ['connect', 'disconnect', 'disconnecting', 'connect_error', 'newListener', 'removeListener'].includes(event)
        )
          return;
        const response = await agent.socket.timeout(5_000).emitWithAck(event, payload);
        expect(response.ok).toBe(false);
      }),
      { numRuns: 120, seed: 777 },
    );
    const conversation = await closer.database.prisma.conversation.findUniqueOrThrow({
      where: { id: victim.conversationId },
    });
    expect(conversation.status).toBe('ai');
    expect(await closer.database.prisma.message.count({ where: { conversationId: victim.conversationId } })).toBe(
      victim.messages,
    );
    agent.close();
  });
});
