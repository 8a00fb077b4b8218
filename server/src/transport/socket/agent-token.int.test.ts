import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closer } from '../../app';
import { issueAgentToken, verifyAgentToken } from '../../modules/identity';
import { addTestMember } from '../../modules/identity/identity.fixtures';
import { connectAgent, connectShopper, createTestStore, type TestStore } from '../../testing/closer-harness';

/** The admin's inbox connects to `/agent` with a short-lived token issued from a member's session. */
let store: TestStore;
let closer: Closer;
let conversationId: string;

beforeAll(async () => {
  store = await createTestStore({ productCount: 20 });
  closer = await store.start();
  const shopper = await connectShopper(closer.url, { key: store.widgetKey });
  conversationId = (await shopper.call('message.send', { clientId: randomUUID(), text: 'Hello?' })).conversationId;
  await shopper.waitFor('message.completed');
  shopper.close();
});
afterAll(async () => store.drop());

const deps = () => ({ prisma: closer.database.prisma, secret: closer.secret });

describe('agent tokens', () => {
  it('let an agent act in the inbox and a viewer only watch', async () => {
    const agentMember = await addTestMember(deps(), store.workspaceId, 'agent');
    const { token } = await issueAgentToken(deps(), agentMember.token);
    const agent = await connectAgent(closer.url, token);
    expect(await agent.call('conversation.join', { conversationId })).toEqual({ ok: true, status: 'human' });
    agent.close();

    const viewerMember = await addTestMember(deps(), store.workspaceId, 'viewer');
    const viewer = await connectAgent(closer.url, (await issueAgentToken(deps(), viewerMember.token)).token);
    expect(await viewer.call('messages.sync', { conversationId, afterSeq: 0 })).toMatchObject({ ok: true });
    expect(await viewer.call('conversation.close', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    viewer.close();
  });

  it('stop working when forged, expired or when the member is removed', async () => {
    const member = await addTestMember(deps(), store.workspaceId, 'agent');
    const { token } = await issueAgentToken(deps(), member.token);
    const [version, payload, signature] = token.split('.');
    // Someone else's user id in a copied token: the signature no longer matches.
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, u: randomUUID() })).toString('base64url');
    await expect(connectAgent(closer.url, `${version}.${forgedPayload}.${signature}`)).rejects.toMatchObject({
      data: { code: 'invalid_key' },
    });
    const later = { ...deps(), clock: () => new Date(Date.now() + 11 * 60_000) };
    expect(await verifyAgentToken(later, token)).toBeNull();
    expect(await verifyAgentToken(deps(), token)).toMatchObject({ userId: member.user.id, readOnly: false });

    await closer.database.prisma.membership.deleteMany({ where: { userId: member.user.id } });
    await expect(connectAgent(closer.url, token)).rejects.toMatchObject({ data: { code: 'invalid_key' } });
    await expect(issueAgentToken(deps(), 'not-a-session')).rejects.toThrow();
  });
});
