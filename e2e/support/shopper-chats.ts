import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

/**
 * Shoppers chatting with the assistant through the real `/widget` socket, as
 * the widget does: how end-to-end tests and browser benchmarks give the admin
 * conversations, assistant replies and AI usage rows to show.
 */
export interface ShopperChat {
  messages: string[];
  /** Ask for a person after the last message. */
  handoff?: boolean;
}

export async function chatAsShopper(url: string, widgetKey: string, chat: ShopperChat): Promise<string> {
  const socket = io(`${url}/widget`, {
    auth: { key: widgetKey },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { origin: url },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('session.ready', () => resolve());
      socket.once('connect_error', reject);
    });
    let conversationId = '';
    for (const text of chat.messages) {
      const completed = new Promise<void>((resolve) => {
        const onCompleted = (payload: { conversationId: string }) => {
          if (payload.conversationId !== conversationId) return;
          socket.off('message.completed', onCompleted);
          resolve();
        };
        socket.on('message.completed', onCompleted);
      });
      const ack = await socket.timeout(15_000).emitWithAck('message.send', { clientId: randomUUID(), text });
      if (!ack.ok) throw new Error(`message.send refused: ${JSON.stringify(ack.error)}`);
      conversationId = ack.conversationId;
      await completed;
    }
    if (chat.handoff) {
      const ack = await socket.timeout(15_000).emitWithAck('conversation.handoff', { clientId: randomUUID() });
      if (!ack.ok) throw new Error(`conversation.handoff refused: ${JSON.stringify(ack.error)}`);
    }
    return conversationId;
  } finally {
    socket.close();
  }
}
