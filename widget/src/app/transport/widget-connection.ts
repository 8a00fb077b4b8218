import type { Identity } from '../../shared/widget-contract';
import type { ChatMessage } from '../models/chat-message';
import type { ConversationModel } from '../models/conversation.model';
import type { SessionModel } from '../models/session.model';
import type { ClientEvent, ClientEventName, ServerEvents, WidgetAuth } from '../protocol';
import { createClientId } from './client-id';
import { bindServerEvents, createServerEventHandlers } from './server-events';
import type { Reply, SocketFactory, WidgetSocket } from './socket-types';
import type { VisitorTokenStore } from './visitor-token.store';

export interface ConnectionDeps {
  origin: string;
  key: string;
  /** A Shopify storefront's signed-in customer (see LoaderHandoff). */
  customerToken?: string | null;
  tokens: VisitorTokenStore;
  conversation: ConversationModel;
  session: SessionModel;
  /** Read at every (re)connect, so a `setLocale` or a client-side navigation is picked up. */
  describePage(): Pick<WidgetAuth, 'locale' | 'pageUrl'>;
  createSocket: SocketFactory;
  onIncoming(message: ChatMessage, source: 'live' | 'missed'): void;
  ackTimeoutMs?: number;
  catchUpAfterMs?: number;
  /** Delay before reconnecting after `server.shutdown`, spread so a restart is not a stampede. */
  restartDelayMs?: () => number;
  /** Never connect: the admin's preview shows the widget without a conversation. */
  offline?: boolean;
}

export type WidgetConnection = ReturnType<typeof createWidgetConnection>;

/**
 * The `/widget` socket. After every (re)connect: `session.ready` → sync what
 * was missed → resend the outbox in order, one acknowledgement at a time, each
 * with its original clientId (so the server stores it once whatever happened
 * to an earlier attempt).
 */
export function createWidgetConnection(deps: ConnectionDeps) {
  const { conversation, session } = deps;
  const timeoutMs = deps.ackTimeoutMs ?? 10_000;
  let socket: WidgetSocket | null = null;
  let ready = false;
  let flushing = false;
  let restarting = false;
  let historyLoaded = false;
  let catchUpTimer: ReturnType<typeof setTimeout> | undefined;

  async function request<Name extends ClientEventName>(name: Name, payload: ClientEvent<Name>): Promise<Reply<Name>> {
    const timeout = { ok: false, error: { code: 'timeout' } } as const;
    // Socket.IO would buffer an emit made while disconnected; work is kept here instead and redone on reconnect.
    if (!socket?.connected) return timeout;
    type Emitter = { emitWithAck(event: Name, data: ClientEvent<Name>): Promise<Reply<Name>> };
    return (socket.timeout(timeoutMs) as unknown as Emitter).emitWithAck(name, payload).catch(() => timeout);
  }

  /** Fetches what this page has not seen; the first time, that is the history (not announced). */
  async function synchronise(conversationId: string): Promise<void> {
    const reply = await request('messages.sync', { conversationId, afterSeq: conversation.afterSeq.value });
    if (!reply.ok || !Array.isArray(reply.messages) || conversation.conversationId.value !== conversationId) return;
    const missed = conversation.receiveSync(reply.messages, reply.status);
    if (historyLoaded) for (const message of missed) deps.onIncoming(message, 'missed');
  }

  /** A reply that never starts (a broadcast lost between nodes) is fetched rather than awaited forever. */
  function catchUpLater(): void {
    clearTimeout(catchUpTimer);
    catchUpTimer = setTimeout(() => {
      const id = conversation.conversationId.value;
      if (ready && id && conversation.awaitingReply.value) void synchronise(id);
    }, deps.catchUpAfterMs ?? 20_000);
  }

  const onSessionReady: ServerEvents['session.ready'] = async ({ visitorToken, conversation: current }) => {
    deps.tokens.keep(visitorToken);
    session.setConnection('online');
    if (current) {
      conversation.switchTo(current.id);
      conversation.setStatus(current.status, conversation.agentName.value);
      await synchronise(current.id);
    }
    historyLoaded = true;
    ready = true;
    void flush();
    void sendIdentity();
  };

  async function flush(): Promise<void> {
    if (flushing || !ready) return;
    flushing = true;
    try {
      for (let next = conversation.outbox.value[0]; next?.clientId && ready; next = conversation.outbox.value[0]) {
        const reply = await request('message.send', { clientId: next.clientId, text: next.text });
        if (reply.ok) {
          conversation.acknowledge(next.clientId, reply);
          session.clearNotice();
          catchUpLater();
        } else if (reply.error.code === 'timeout') {
          break; // Still in the outbox: the next reconnect (or send) tries again, same clientId.
        } else {
          conversation.fail(next.clientId, reply.error.code);
          session.showNotice(reply.error);
        }
      }
    } finally {
      flushing = false;
    }
  }

  async function sendIdentity(): Promise<void> {
    const identity = session.identity.value;
    if (!identity || !ready) return;
    const reply = await request('lead.capture', {
      clientId: identity.clientId,
      email: identity.email,
      name: identity.name,
    });
    if (reply.ok && session.identity.value === identity) session.identify(null);
  }

  function connect(): void {
    if (socket || deps.offline) return;
    session.setConnection('connecting');
    socket = deps.createSocket(`${deps.origin}/widget`, {
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      withCredentials: false,
      auth: (send: (auth: WidgetAuth) => void) =>
        send({
          key: deps.key,
          visitorToken: deps.tokens.read() ?? undefined,
          customerToken: deps.customerToken ?? undefined,
          ...deps.describePage(),
        }),
    });
    const active = socket;
    const handlers = createServerEventHandlers({
      conversation,
      session,
      onSessionReady,
      onIncoming: deps.onIncoming,
      onShutdown: () => {
        restarting = true;
        session.setConnection('offline');
      },
    });
    bindServerEvents(active, handlers);
    active.on('disconnect', (reason) => {
      ready = false;
      conversation.setTyping('assistant', false);
      conversation.setTyping('agent', false);
      // The server's own disconnect is final for Socket.IO; after a shutdown notice we come back ourselves.
      if (reason === 'io server disconnect' && restarting) {
        setTimeout(() => active.connect(), deps.restartDelayMs?.() ?? 500 + Math.random() * 2_500);
      }
      session.setConnection(active.active || restarting ? 'offline' : 'unavailable');
      restarting = false;
    });
    active.on('connect_error', () => {
      // A refused key or origin makes the socket inactive; a network failure keeps it retrying.
      session.setConnection(active.active ? 'offline' : 'unavailable');
    });
  }

  return {
    connect,
    flush,
    sendIdentity,
    get isConnected() {
      return ready;
    },
    async requestHandoff() {
      const reply = await request('conversation.handoff', { clientId: createClientId() });
      if (!reply.ok) {
        session.showNotice(reply.error);
        return null;
      }
      conversation.setStatus(reply.status, conversation.agentName.value);
      return reply.status;
    },
    async captureLead(lead: Identity): Promise<boolean> {
      return (await request('lead.capture', { clientId: createClientId(), ...lead })).ok;
    },
    async rate(rating: number): Promise<boolean> {
      return (await request('conversation.rate', { rating })).ok;
    },
    reportCartAdded(added: ClientEvent<'cart.added'>): void {
      void request('cart.added', added);
    },
  };
}
