import type { ChatMessage } from '../models/chat-message';
import type { ConversationModel } from '../models/conversation.model';
import type { SessionModel } from '../models/session.model';
import type { ServerEvents } from '../protocol';
import type { WidgetSocket } from './socket-types';

export interface ServerEventContext {
  conversation: ConversationModel;
  session: SessionModel;
  onSessionReady: ServerEvents['session.ready'];
  onShutdown(): void;
  /** A message the shopper had not seen, as it arrives. */
  onIncoming(message: ChatMessage, source: 'live' | 'missed'): void;
}

/** One map from each server event to the state it changes. */
export function createServerEventHandlers(context: ServerEventContext): ServerEvents {
  const { conversation, session, onIncoming } = context;
  const report = (message: ChatMessage | null) => message && onIncoming(message, 'live');
  return {
    'session.ready': context.onSessionReady,
    'message.created': ({ conversationId, message }) => report(conversation.receiveMessage(conversationId, message)),
    'message.delta': (delta) => conversation.receiveDelta(delta),
    'message.completed': (payload) => report(conversation.receiveCompleted(payload)),
    'conversation.updated': ({ conversationId, status, agentName }) => {
      if (conversationId === conversation.conversationId.value) conversation.setStatus(status, agentName);
    },
    typing: ({ conversationId, role, isTyping }) => {
      if (conversationId === conversation.conversationId.value) conversation.setTyping(role, isTyping);
    },
    error: (error) => {
      if (error.clientId) conversation.fail(error.clientId, error.code);
      if (error.code !== 'unknown_event') session.showNotice(error);
    },
    'server.shutdown': () => context.onShutdown(),
  };
}

export function bindServerEvents(socket: WidgetSocket, handlers: ServerEvents): void {
  for (const name of Object.keys(handlers) as Array<keyof ServerEvents>) {
    socket.on(name, handlers[name] as never);
  }
}
