import type { Server } from 'socket.io';
import type { ConversationEvents } from '../../modules/conversations';
import { inboxRoom, watchRoom } from './agent.namespace';
import { conversationRoom } from './widget.namespace';

/**
 * Conversation events as Socket.IO room broadcasts, which the PostgreSQL adapter
 * carries to every node. Streaming events are the exception: a reply streams on
 * the node where the shopper's message arrived, i.e. where their socket is, and
 * the adapter delivers a broadcast only after its NOTIFY round trip — concurrent
 * round trips finish out of order and would scramble the text. So deltas and the
 * typing indicator go to this node's sockets directly, in order; the complete
 * reply (`message.completed`) still reaches every node. Inboxes that have the
 * conversation open (`conversation.watch`) get the deltas too, on the same terms.
 */
const localOnly = new Set<string>(['message.delta', 'typing']);

export function createSocketConversationEvents(io: Server): ConversationEvents {
  return {
    toShopper: (conversationId, event, payload) => {
      const namespace = io.of('/widget');
      (localOnly.has(event) ? namespace.local : namespace).to(conversationRoom(conversationId)).emit(event, payload);
      if (event === 'message.delta') io.of('/agent').local.to(watchRoom(conversationId)).emit(event, payload);
    },
    toInbox: (workspaceId, event, payload) => {
      io.of('/agent').to(inboxRoom(workspaceId)).emit(event, payload);
    },
  };
}
