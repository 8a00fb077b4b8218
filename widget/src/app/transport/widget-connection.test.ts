import { describe, expect, it, vi } from 'vitest';
import { ConversationModel } from '../models/conversation.model';
import { SessionModel } from '../models/session.model';
import type { WireMessage } from '../protocol';
import { FakeSocket, settle } from './fake-socket';
import { createVisitorTokenStore } from './visitor-token.store';
import { createWidgetConnection } from './widget-connection';

const conversationId = '00000000-0000-4000-8000-000000000001';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    storage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    } as Storage,
  };
}

function setup(overrides: { offline?: boolean; customerToken?: string } = {}) {
  const socket = new FakeSocket();
  const conversation = new ConversationModel();
  const session = new SessionModel();
  const { items, storage } = memoryStorage();
  const tokens = createVisitorTokenStore('pk_test_12345678', () => storage);
  const incoming = vi.fn();
  let options: Record<string, unknown> = {};
  const connection = createWidgetConnection({
    origin: 'https://closer.example',
    key: 'pk_test_12345678',
    tokens,
    conversation,
    session,
    describePage: () => ({ locale: 'de-CH', pageUrl: 'https://shop.example/p' }),
    createSocket: (url, given) => {
      expect(url).toBe('https://closer.example/widget');
      options = given;
      return socket.asSocket();
    },
    onIncoming: incoming,
    restartDelayMs: () => 0,
    ...overrides,
  });
  return { socket, conversation, session, tokens, items, incoming, connection, options: () => options };
}

const shopperWire = (seq: number, clientId: string, text: string): WireMessage => ({
  id: `m-${seq}`,
  conversationId,
  seq,
  role: 'shopper',
  text,
  clientId,
  authorName: null,
  createdAt: '2025-01-01T00:00:00Z',
  products: [],
  orders: [],
  quickReplies: [],
  actions: [],
});

describe('widget connection', () => {
  it('authenticates with the key, stored token, locale and page, over websocket then polling', async () => {
    const { connection, socket, options, tokens } = setup();
    connection.connect();
    expect(options()).toMatchObject({
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      withCredentials: false,
    });
    tokens.keep('vt_1');
    const auth = vi.fn();
    (options().auth as (send: typeof auth) => void)(auth);
    expect(auth).toHaveBeenCalledWith({
      key: 'pk_test_12345678',
      visitorToken: 'vt_1',
      locale: 'de-CH',
      pageUrl: 'https://shop.example/p',
    });
    expect(socket.sent).toEqual([]);
  });

  it('sends the customer token of a signed-in Shopify customer with every handshake', () => {
    const { connection, options } = setup({ customerToken: 'c1.payload.signature' });
    connection.connect();
    const auth = vi.fn();
    (options().auth as (send: typeof auth) => void)(auth);
    expect(auth).toHaveBeenCalledWith(expect.objectContaining({ customerToken: 'c1.payload.signature' }));
  });

  it('never opens a socket for the admin’s preview, whatever is sent', async () => {
    const { connection, conversation, session, options } = setup({ offline: true });
    connection.connect();
    conversation.addOutgoing('client-0001', 'Hello?');
    await connection.flush();
    expect(options()).toEqual({});
    expect(session.connection.value).toBe('idle');
    expect(connection.isConnected).toBe(false);
  });

  it('keeps the token in memory only until the chat was opened', () => {
    const { socket, connection, items, tokens } = setup();
    connection.connect();
    socket.connect();
    socket.receive('session.ready', { visitorToken: 'vt_1', conversation: null });
    expect(items.size).toBe(0);
    tokens.allowPersisting();
    expect(items.get('closer:pk_test_12345678:visitor')).toBe('vt_1');
  });

  it('syncs after a reconnect, renders only unseen seqs, then resends unacknowledged messages with their clientIds', async () => {
    const { socket, connection, conversation, incoming } = setup();
    socket.reply = (name, payload) =>
      name === 'message.send' ? { ok: true, conversationId, messageId: `m-${payload.clientId}`, seq: 1 } : { ok: true };
    connection.connect();
    socket.connect();
    socket.receive('session.ready', { visitorToken: 'vt_1', conversation: null });
    conversation.addOutgoing('client-1', 'hello');
    await connection.flush();
    expect(conversation.messages.value[0]).toMatchObject({ seq: 1, state: 'complete' });

    // The connection drops: one message's ack is lost, another is typed while offline.
    socket.reply = () => undefined;
    conversation.addOutgoing('client-2', 'lost ack');
    await connection.flush();
    socket.drop();
    conversation.addOutgoing('client-3', 'typed offline');
    await connection.flush();
    expect(conversation.outbox.value.map((message) => message.clientId)).toEqual(['client-2', 'client-3']);

    let seq = 3;
    socket.reply = (name, payload) => {
      if (name === 'messages.sync') {
        return {
          ok: true,
          status: 'ai',
          messages: [
            shopperWire(1, 'client-1', 'hello'),
            { ...shopperWire(2, 'x', 'Welcome back'), role: 'assistant', clientId: null },
          ],
        };
      }
      return { ok: true, conversationId, messageId: `m-${payload.clientId}`, seq: seq++ };
    };
    socket.sent = [];
    socket.connect();
    socket.receive('session.ready', {
      visitorToken: 'vt_1',
      conversation: { id: conversationId, status: 'ai', lastSeq: 2 },
    });
    await settle();
    await settle();
    expect(socket.sent.map(({ name, payload }) => [name, payload])).toEqual([
      ['messages.sync', { conversationId, afterSeq: 1 }],
      ['message.send', { clientId: 'client-2', text: 'lost ack' }],
      ['message.send', { clientId: 'client-3', text: 'typed offline' }],
    ]);
    expect(conversation.messages.value.map((message) => [message.seq, message.text])).toEqual([
      [1, 'hello'],
      [2, 'Welcome back'],
      [3, 'lost ack'],
      [4, 'typed offline'],
    ]);
    expect(incoming).toHaveBeenCalledTimes(1);
    expect(incoming.mock.calls[0]?.[1]).toBe('missed');
  });

  it('marks a message refused by the server and shows the reason politely', async () => {
    const { socket, connection, conversation, session } = setup();
    socket.reply = () => ({ ok: false, error: { code: 'rate_limited', message: 'slow down', retryAfterMs: 3000 } });
    connection.connect();
    socket.connect();
    socket.receive('session.ready', { visitorToken: 'vt_1', conversation: null });
    conversation.addOutgoing('client-1', 'hello');
    await connection.flush();
    expect(conversation.messages.value[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
    expect(session.notice.value).toMatchObject({ code: 'rate_limited', retryAfterMs: 3000 });

    socket.receive('error', { code: 'message_too_long', message: 'too long', clientId: 'client-1' });
    expect(session.notice.value?.code).toBe('message_too_long');
  });

  it('reconnects by itself after server.shutdown, and gives up on a refused key', () => {
    vi.useFakeTimers();
    const { socket, connection, session } = setup();
    connection.connect();
    socket.connect();
    socket.receive('server.shutdown', {});
    expect(session.connection.value).toBe('offline');
    socket.active = false;
    socket.drop('io server disconnect');
    expect(session.connection.value).toBe('offline');
    vi.runAllTimers();
    expect(socket.connected).toBe(true);

    socket.drop('io server disconnect');
    expect(session.connection.value).toBe('unavailable');
    vi.useRealTimers();
  });

  it('fetches a reply that never started streaming, instead of waiting forever', async () => {
    vi.useFakeTimers();
    const { socket, connection, conversation, incoming } = setup();
    socket.reply = (name) =>
      name === 'message.send'
        ? { ok: true, conversationId, messageId: 'm-1', seq: 1 }
        : {
            ok: true,
            status: 'ai',
            messages: [{ ...shopperWire(2, 'x', 'Sorry for the wait'), role: 'assistant', clientId: null }],
          };
    connection.connect();
    socket.connect();
    socket.receive('session.ready', { visitorToken: 'vt_1', conversation: null });
    conversation.addOutgoing('client-1', 'hello');
    await connection.flush();
    expect(conversation.awaitingReply.value).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(socket.sent.at(-1)).toEqual({ name: 'messages.sync', payload: { conversationId, afterSeq: 1 } });
    expect(conversation.messages.value.at(-1)?.text).toBe('Sorry for the wait');
    expect(incoming).toHaveBeenCalledWith(expect.objectContaining({ text: 'Sorry for the wait' }), 'missed');
    vi.useRealTimers();
  });

  it('routes streamed replies and status changes into the model', () => {
    const { socket, connection, conversation, incoming } = setup();
    socket.reply = () => ({ ok: true, messages: [], status: 'ai' });
    connection.connect();
    socket.connect();
    socket.receive('session.ready', {
      visitorToken: 'vt_1',
      conversation: { id: conversationId, status: 'ai', lastSeq: 0 },
    });
    socket.receive('typing', { conversationId, role: 'assistant', isTyping: true });
    expect(conversation.typing.value).toBe('assistant');
    socket.receive('message.delta', { conversationId, messageId: 'm-1', seq: 1, text: 'Hi' });
    expect(incoming).not.toHaveBeenCalled();
    socket.receive('message.completed', {
      conversationId,
      messageId: 'm-1',
      seq: 1,
      text: 'Hi there',
      products: [],
      orders: [],
      quickReplies: [],
      actions: [],
    });
    expect(incoming).toHaveBeenCalledWith(expect.objectContaining({ text: 'Hi there' }), 'live');
    socket.receive('conversation.updated', { conversationId, status: 'human', agentName: 'Sam' });
    expect([conversation.status.value, conversation.agentName.value]).toEqual(['human', 'Sam']);
  });
});
