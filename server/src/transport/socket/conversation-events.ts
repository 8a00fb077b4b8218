import type { Server } from 'socket.io';
import type { ConversationEvents } from '../../modules/conversations';
import { inboxRoom } from './agent.namespace';
import { conversationRoom } from './widget.namespace';

/** Conversation events as Socket.IO room broadcasts, which the PostgreSQL adapter carries to every node. */
export function createSocketConversationEvents(io: Server): ConversationEvents {
  return {
    toShopper: (conversationId, event, payload) => {
      io.of('/widget').to(conversationRoom(conversationId)).emit(event, payload);
    },
    toInbox: (workspaceId, event, payload) => {
      io.of('/agent').to(inboxRoom(workspaceId)).emit(event, payload);
    },
  };
}
