import type { ConversationStatus, MessageRole } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestServer, startApiTestServer } from './api-test-server';

/** /api/v1/conversations (read-only) over real HTTP on a real database. */
let api: ApiTestServer;
let key: string;
let talkId: string;

async function createConversation(status: ConversationStatus, messages: Array<[MessageRole, string, unknown?]> = []) {
  const conversation = await api.prisma.conversation.create({
    data: { workspaceId: api.workspaceA, visitorId: `v-${Math.random()}`, status, lastSeq: messages.length },
  });
  for (const [index, [role, text, parts]] of messages.entries()) {
    await api.prisma.message.create({
      data: {
        workspaceId: api.workspaceA,
        conversationId: conversation.id,
        seq: index + 1,
        role,
        text,
        parts: parts === undefined ? undefined : (parts as object),
      },
    });
  }
  return conversation.id;
}

beforeAll(async () => {
  api = await startApiTestServer();
  key = await api.createKey(api.workspaceA, ['conversations:read']);
  const jacketId = api.productIdsA.get('alpine-rain-jacket') as string;
  talkId = await createConversation('human', [
    ['shopper', 'Do you have a rain jacket?'],
    ['tool', '', { toolRounds: [] }],
    [
      'assistant',
      'Yes: the Alpine Waterproof Rain Jacket.',
      { products: [{ id: jacketId, title: 'Alpine Waterproof Rain Jacket', price: '129.00' }] },
    ],
    ['note', 'VIP customer'],
  ]);
  for (const status of ['ai', 'ai', 'waiting', 'closed', 'ai'] as const) await createConversation(status);
});
afterAll(async () => api.close());

describe('GET /api/v1/conversations', () => {
  it('lists every conversation once across pages, and filters by status', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.call('GET', `/api/v1/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        key,
      });
      expect(response.status).toBe(200);
      seen.push(...response.body.data.map((conversation: { id: string }) => conversation.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    const all = await api.prisma.conversation.findMany({
      where: { workspaceId: api.workspaceA },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(seen).toEqual(all.map((conversation) => conversation.id));

    const waiting = await api.call('GET', '/api/v1/conversations?status=waiting', { key });
    expect(waiting.body.data.map((conversation: { status: string }) => conversation.status)).toEqual(['waiting']);
    const wrong = await api.call('GET', '/api/v1/conversations?status=lost', { key });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('status');
  });
});

describe('GET /api/v1/conversations/:id', () => {
  it('returns the conversation with its messages in order, notes included and tool rows left out', async () => {
    const response = await api.call('GET', `/api/v1/conversations/${talkId}`, { key });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: talkId, status: 'human', messagesTruncated: false });
    expect(response.body.messages.map((message: { seq: number; role: string }) => [message.seq, message.role])).toEqual(
      [
        [1, 'shopper'],
        [3, 'assistant'],
        [4, 'note'],
      ],
    );
    expect(response.body.messages[1].products).toEqual([
      { id: api.productIdsA.get('alpine-rain-jacket'), title: 'Alpine Waterproof Rain Jacket' },
    ]);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-7000-8000-000000000000', 'nope']) {
      const response = await api.call('GET', `/api/v1/conversations/${id}`, { key });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
  });
});
