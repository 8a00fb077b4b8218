/** The wire types, type-only: nothing of zod (or the server) enters the bundle. */
export type {
  Ack,
  AckData,
  ClientAction,
  ClientEvent,
  ClientEventName,
  ConversationStatus,
  ErrorCode,
  MessageRole,
  OrderCard,
  ProductCard,
  ProtocolError,
  ServerEvents,
  WidgetAuth,
  WireMessage,
} from '../../../server/src/modules/conversations/widget-protocol';

import type { ServerEvents } from '../../../server/src/modules/conversations/widget-protocol';

export type ServerPayload<Name extends keyof ServerEvents> = Parameters<ServerEvents[Name]>[0];
