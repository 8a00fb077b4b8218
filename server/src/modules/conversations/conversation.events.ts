import type { ServerEvents } from './widget-protocol';

/**
 * Where conversation events go, without knowing about sockets: to the shopper's
 * tabs (one room per conversation) and to the workspace's inbox. The socket
 * transport implements it with Socket.IO rooms, which the PostgreSQL adapter
 * carries to every server process.
 */
export type ShopperEventName = keyof ServerEvents;

export interface ConversationEvents {
  toShopper<E extends ShopperEventName>(
    conversationId: string,
    event: E,
    payload: Parameters<ServerEvents[E]>[0],
  ): void;
  toInbox(workspaceId: string, event: string, payload: Record<string, unknown>): void;
}

/** Collects events in memory: for tests of services that publish. */
export function createRecordingEvents() {
  const sent: Array<{ to: 'shopper' | 'inbox'; id: string; event: string; payload: unknown }> = [];
  const events: ConversationEvents = {
    toShopper: (conversationId, event, payload) =>
      void sent.push({ to: 'shopper', id: conversationId, event, payload }),
    toInbox: (workspaceId, event, payload) => void sent.push({ to: 'inbox', id: workspaceId, event, payload }),
  };
  return { events, sent };
}
