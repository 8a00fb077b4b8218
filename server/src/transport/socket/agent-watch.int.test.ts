import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../app';
import { issueAgentToken } from '../../modules/identity';
import { addTestMember, createTeam } from '../../modules/identity/identity.fixtures';
import { connectAgent, connectShopper, createTestStore, type TestStore } from '../../testing/closer-harness';

/**
 * An inbox that has a conversation open (`conversation.watch`) sees the
 * assistant's reply being written; the rest of the inbox gets it complete.
 */
let store: TestStore;
let closer: Closer;

beforeAll(async () => {
  store = await createTestStore({ productCount: 20 });
  closer = await store.start();
});
afterAll(async () => store.drop());

const deps = () => ({ prisma: closer.database.prisma, secret: closer.secret, clock: () => new Date() });

async function agentSocket(workspaceId: string, role: 'agent' | 'viewer') {
  const member = await addTestMember(deps(), workspaceId, role);
  return connectAgent(closer.url, (await issueAgentToken(deps(), member.token)).token);
}

describe('conversation.watch', () => {
  it('streams the reply to the watching inbox only, and stops on unwatch', async () => {
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const first = await shopper.call('message.send', { clientId: randomUUID(), text: 'Hello' });
    await shopper.waitFor('message.completed');
    const { conversationId } = first;

    // A viewer may watch: it changes nothing.
    const watching = await agentSocket(store.workspaceId, 'viewer');
    const other = await agentSocket(store.workspaceId, 'agent');
    const watched = await watching.call('conversation.watch', { conversationId });
    expect(watched).toMatchObject({ ok: true, status: 'ai', lastSeq: expect.any(Number) });

    await shopper.call('message.send', { clientId: randomUUID(), text: 'Do you have wool socks?' });
    const completed = await watching.waitFor(
      'message.completed',
      (payload) => payload.conversationId === conversationId,
    );
    await other.waitFor('message.completed', (payload) => payload.messageId === completed.messageId);
    const deltas = watching.received
      .filter((entry) => entry.event === 'message.delta' && entry.payload.messageId === completed.messageId)
      .map((entry) => entry.payload.text);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(completed.text);
    expect(other.received.some((entry) => entry.event === 'message.delta')).toBe(false);

    expect(await watching.call('conversation.unwatch', { conversationId })).toEqual({ ok: true });
    const before = watching.received.length;
    await shopper.call('message.send', { clientId: randomUUID(), text: 'And a beanie?' });
    await watching.waitFor('message.completed', (payload) => payload.messageId !== completed.messageId);
    expect(watching.received.slice(before).some((entry) => entry.event === 'message.delta')).toBe(false);
    for (const client of [shopper, watching, other]) client.close();
  });

  it('refuses another workspace’s conversation and a malformed id', async () => {
    const shopper = await connectShopper(closer.url, { key: store.widgetKey });
    const { conversationId } = await shopper.call('message.send', { clientId: randomUUID(), text: 'Hi' });
    const team = await createTeam(deps(), 'Elsewhere');
    const outsider = await connectAgent(closer.url, (await issueAgentToken(deps(), team.token)).token);
    expect(await outsider.call('conversation.watch', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await outsider.call('conversation.unwatch', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await outsider.call('conversation.watch', { conversationId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    shopper.close();
    outsider.close();
  });
});
