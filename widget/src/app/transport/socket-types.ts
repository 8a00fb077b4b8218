import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type {
  Ack,
  ClientEvent,
  ClientEventName,
  ConversationStatus,
  ProtocolError,
  ServerEvents,
  WireMessage,
} from '../protocol';

/** What each acknowledgement carries when `ok` (docs/widget-protocol.md, "Shopper → server"). */
export interface AckData {
  'message.send': { conversationId: string; messageId: string; seq: number };
  'messages.sync': { messages: WireMessage[]; status: ConversationStatus };
  'conversation.handoff': { status: ConversationStatus };
  'lead.capture': Record<string, never>;
  'conversation.rate': Record<string, never>;
  'cart.added': Record<string, never>;
}

/** No acknowledgement in time, or not connected: the caller keeps the work for later. */
export type Reply<Name extends ClientEventName> = Ack<AckData[Name]> | { ok: false; error: { code: 'timeout' } };

export type ClientEvents = {
  [Name in ClientEventName]: (payload: ClientEvent<Name>, ack: (reply: Ack<AckData[Name]>) => void) => void;
};

export type WidgetSocket = Socket<ServerEvents, ClientEvents>;
export type SocketFactory = (url: string, options: Partial<ManagerOptions & SocketOptions>) => WidgetSocket;

export type NoticeError = Pick<ProtocolError, 'code' | 'retryAfterMs'> | { code: 'timeout' };
