import { describe, expect, it } from 'vitest';
import {
  applyListEvent,
  applyTranscriptEvent,
  type InboxEvent,
  type InboxRow,
  type ListView,
  type LiveMessages,
  mergeTranscript,
  type ShownMessage,
} from './inbox-live';

const me = 'user-me';
const view = (filter: ListView['filter'], firstPage = true): ListView => ({ filter, userId: me, firstPage });

function row(id: string, lastMessageAt: string, patch: Partial<InboxRow> = {}): InboxRow {
  return {
    id,
    status: 'ai',
    assignedUserId: null,
    contact: null,
    preview: null,
    intent: null,
    lastMessageAt,
    createdAt: lastMessageAt,
    ...patch,
  };
}

function summary(id: string, status: InboxRow['status'], lastMessageAt: string, assignedUserId: string | null = null) {
  return { id, status, visitorId: 'v', contactId: null, assignedUserId, lastMessageAt, createdAt: lastMessageAt };
}

function message(id: string, seq: number, patch: Partial<ShownMessage> = {}): ShownMessage {
  return {
    id,
    seq,
    role: 'shopper',
    text: `message ${seq}`,
    authorUserId: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    products: [],
    orders: [],
    toolCalls: [],
    streaming: false,
    ...patch,
  };
}

const wire = (id: string, seq: number, role: ShownMessage['role'], text: string, createdAt: string) => ({
  id,
  conversationId: 'c1',
  seq,
  role,
  text,
  clientId: null,
  authorName: role === 'agent' ? 'Sam' : null,
  createdAt,
  products: [],
  orders: [],
  quickReplies: [],
  actions: [],
});

describe('the live conversation list', () => {
  const rows = [row('b', '2026-01-01T10:05:00.000Z'), row('a', '2026-01-01T10:00:00.000Z')];

  it('takes in a conversation that starts waiting, on the first page of the Waiting filter only', () => {
    const waiting: InboxEvent = {
      event: 'conversation.updated',
      payload: { conversationId: 'c', conversation: summary('c', 'waiting', '2026-01-01T10:06:00.000Z') },
    };
    expect(applyListEvent([], waiting, view('waiting')).rows.map((entry) => entry.id)).toEqual(['c']);
    expect(applyListEvent([], waiting, view('waiting', false)).rows).toEqual([]);
    expect(applyListEvent([], waiting, view('ai'))).toEqual({ rows: [], stale: true });
  });

  it('drops a conversation that leaves the filter and keeps counts honest by asking for a reload', () => {
    const takenOver: InboxEvent = {
      event: 'conversation.updated',
      payload: { conversationId: 'b', conversation: summary('b', 'human', '2026-01-01T10:05:00.000Z', me) },
    };
    expect(applyListEvent(rows, takenOver, view('ai'))).toEqual({ rows: [rows[1]], stale: true });
    const mine = applyListEvent([], takenOver, view('mine'));
    expect(mine.rows.map((entry) => [entry.id, entry.status])).toEqual([['b', 'human']]);
  });

  it('follows assignment into and out of Mine', () => {
    const assigned = (userId: string | null): InboxEvent => ({
      event: 'conversation.assigned',
      payload: { conversationId: 'a', conversation: summary('a', 'waiting', '2026-01-01T10:00:00.000Z', userId) },
    });
    const toMe = applyListEvent([], assigned(me), view('mine'));
    expect(toMe.rows.map((entry) => entry.id)).toEqual(['a']);
    expect(applyListEvent(toMe.rows, assigned('someone-else'), view('mine')).rows).toEqual([]);
  });

  it('moves a conversation with a new message to the top and previews it, but not a note', () => {
    const created: InboxEvent = {
      event: 'message.created',
      payload: { conversationId: 'a', message: wire('m1', 3, 'shopper', 'Still there?', '2026-01-01T10:09:00.000Z') },
    };
    const result = applyListEvent(rows, created, view('all'));
    expect(result.stale).toBe(false);
    expect(result.rows.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(result.rows[0]?.preview).toEqual({ role: 'shopper', text: 'Still there?' });

    const note: InboxEvent = {
      event: 'message.created',
      payload: { conversationId: 'b', message: wire('m2', 4, 'note', 'VIP', '2026-01-01T10:10:00.000Z') },
    };
    expect(applyListEvent(result.rows, note, view('all'))).toEqual({ rows: result.rows, stale: false });
  });

  it('asks for a reload when a message belongs to a conversation it does not show', () => {
    const created: InboxEvent = {
      event: 'message.created',
      payload: { conversationId: 'zzz', message: wire('m1', 1, 'shopper', 'Hi', '2026-01-01T10:09:00.000Z') },
    };
    expect(applyListEvent(rows, created, view('all'))).toEqual({ rows, stale: true });
  });

  it('names the shopper once they leave their email', () => {
    const captured: InboxEvent = {
      event: 'contact.captured',
      payload: { conversationId: 'a', contact: { id: 'k', email: 'ada@example.com', name: null } },
    };
    const result = applyListEvent(rows, captured, view('all'));
    expect(result.rows.find((entry) => entry.id === 'a')?.contact).toEqual({
      id: 'k',
      email: 'ada@example.com',
      name: null,
    });
  });
});

describe('the live transcript', () => {
  const delta = (text: string): InboxEvent => ({
    event: 'message.delta',
    payload: { conversationId: 'c1', messageId: 'r1', seq: 5, text },
  });

  it('builds the streamed reply from deltas and replaces it with the completed one', () => {
    let live: LiveMessages = new Map();
    live = applyTranscriptEvent(live, delta('Here are '), 'c1');
    live = applyTranscriptEvent(live, delta('two socks'), 'c1');
    expect(live.get('r1')).toMatchObject({ role: 'assistant', text: 'Here are two socks', streaming: true });
    const product = { id: 'p1', title: 'Wool socks' } as ShownMessage['products'][number];
    live = applyTranscriptEvent(
      live,
      {
        event: 'message.completed',
        payload: {
          conversationId: 'c1',
          messageId: 'r1',
          seq: 5,
          text: 'Here are two pairs of socks.',
          products: [product],
          orders: [],
        },
      },
      'c1',
    );
    expect(live.get('r1')).toMatchObject({
      text: 'Here are two pairs of socks.',
      streaming: false,
      products: [product],
    });
  });

  it('ignores other conversations', () => {
    const live: LiveMessages = new Map();
    expect(applyTranscriptEvent(live, delta('x'), 'c2')).toBe(live);
  });

  it('merges stored and live messages by id in sequence order, preferring the stored copy once it is complete', () => {
    const stored = [message('m1', 1), message('m3', 3, { role: 'agent', authorUserId: 'u1' })];
    const live: LiveMessages = new Map([
      ['m3', message('m3', 3, { role: 'agent', authorName: 'Sam', text: 'live copy' })],
      ['m2', message('m2', 2)],
    ]);
    const merged = mergeTranscript(stored, live);
    expect(merged.map((entry) => entry.id)).toEqual(['m1', 'm2', 'm3']);
    expect(merged[2]).toMatchObject({ text: 'message 3', authorUserId: 'u1', authorName: 'Sam' });
  });

  it('keeps the live copy of a reply the stored transcript caught mid-stream', () => {
    const stored = [message('r1', 5, { role: 'assistant', text: 'Here', streaming: true })];
    const live: LiveMessages = new Map([['r1', message('r1', 5, { role: 'assistant', text: 'Here are socks.' })]]);
    expect(mergeTranscript(stored, live)[0]).toMatchObject({ text: 'Here are socks.', streaming: false });
  });
});
