import { z } from 'zod';

/**
 * The shopper-side real-time protocol (Socket.IO namespace `/widget`), in one
 * place: the server validates every incoming event with these schemas, and the
 * widget imports the types only (`import type`), so the two cannot drift and the
 * widget ships no validation library. Prose version: docs/widget-protocol.md.
 */

export const limits = {
  messageLength: 2_000,
  clientIdLength: 64,
  messagesPerMinutePerVisitor: 20,
  messagesPerMinutePerIp: 60,
  concurrentStreamsPerWorkspace: 50,
} as const;

const clientId = z
  .string()
  .trim()
  .min(8, 'clientId must have at least 8 characters')
  .max(limits.clientIdLength, `clientId must have at most ${limits.clientIdLength} characters`);

// ─── handshake ───

/** `io(host + '/widget', { auth })` */
export const widgetAuthSchema = z.object({
  key: z.string().regex(/^pk_[A-Za-z0-9_-]{8,80}$/, 'key must be a widget key (pk_…)'),
  visitorToken: z.string().max(512).optional(),
  /** Shopify storefronts: the signed-in customer, as the app proxy vouched for it (`/apps/closer/config`). */
  customerToken: z.string().max(512).optional(),
  /** BCP 47 tag from the page or browser, e.g. "de-CH". */
  locale: z.string().max(35).optional(),
  pageUrl: z.string().max(2_048).optional(),
});
export type WidgetAuth = z.infer<typeof widgetAuthSchema>;

// ─── client → server (each with an acknowledgement callback) ───

export const clientEventSchemas = {
  /** The shopper sends a message; a resend with the same clientId is stored once. */
  'message.send': z.object({
    clientId,
    text: z
      .string()
      .trim()
      .min(1, 'text is empty')
      .max(limits.messageLength, `text is longer than ${limits.messageLength} characters`),
  }),
  /** After a reconnect: everything in the conversation after `afterSeq`. */
  'messages.sync': z.object({ conversationId: z.string().uuid(), afterSeq: z.number().int().min(0) }),
  /** The shopper asks for a person (button or JS API). */
  'conversation.handoff': z.object({ clientId, reason: z.string().max(500).optional() }),
  /** The lead form, or `Closer.identify()`. */
  'lead.capture': z.object({
    clientId,
    email: z.string().trim().toLowerCase().email('email is not a valid address').max(254),
    name: z.string().trim().max(200).optional(),
    marketingOptIn: z.boolean().optional(),
  }),
  /** The rating at the end of a conversation. */
  'conversation.rate': z.object({ rating: z.number().int().min(1).max(5), comment: z.string().max(1_000).optional() }),
  /** The widget added something to the cart (for assisted-revenue attribution). */
  'cart.added': z.object({
    productId: z.string().uuid(),
    variantId: z.string().uuid(),
    quantity: z.number().int().min(1).max(99),
  }),
} as const;

export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientEvent<Name extends ClientEventName> = z.infer<(typeof clientEventSchemas)[Name]>;

/** What each acknowledgement carries when `ok`. */
export interface AckData {
  'message.send': { conversationId: string; messageId: string; seq: number };
  'messages.sync': { messages: WireMessage[]; status: ConversationStatus };
  'conversation.handoff': { status: ConversationStatus };
  'lead.capture': Record<string, never>;
  'conversation.rate': Record<string, never>;
  'cart.added': Record<string, never>;
}

/** `GET /widget/config?key=…` */
export interface WidgetConfig {
  workspaceName: string;
  locale: string;
  currency: string;
  platform: 'custom' | 'shopify';
  assistant: { name: string; avatarUrl: string | null; greeting: string | null; quickReplies: string[] };
  /** `launcherLabel`: text beside the launcher's icon; absent or empty = the icon alone. */
  branding: { primaryColor: string; position: 'bottom-right' | 'bottom-left'; launcherLabel?: string };
}

/** Every acknowledgement: `{ ok: true, …data }` or `{ ok: false, error }`. */
export type Ack<T = Record<string, never>> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

// ─── server → client ───

export type ConversationStatus = 'ai' | 'waiting' | 'human' | 'closed';
export type MessageRole = 'shopper' | 'assistant' | 'agent' | 'system';

export interface ProductCard {
  id: string;
  title: string;
  /** Lowest variant price, in major units as a decimal string ("129.00"). */
  price: string;
  compareAtPrice: string | null;
  currency: string;
  url: string | null;
  imageUrl: string | null;
  available: boolean;
  variants: Array<{
    id: string;
    /** The store's own variant id (Shopify's numeric id for /cart/add.js). */
    externalId: string | null;
    title: string;
    price: string;
    available: boolean;
    options: Record<string, string>;
  }>;
}

export interface OrderCard {
  number: string;
  status: string;
  placedAt: string;
  total: string;
  currency: string;
  items: Array<{ title: string; quantity: number }>;
  tracking: { carrier?: string; number?: string; url?: string } | null;
}

/** Something the widget does on the assistant's behalf. */
export type ClientAction =
  | { type: 'add_to_cart'; productId: string; variantId: string; externalVariantId: string | null; quantity: number }
  | { type: 'lead_form'; reason: 'asked' | 'nobody_available' };

export interface WireMessage {
  id: string;
  conversationId: string;
  seq: number;
  role: MessageRole;
  text: string;
  clientId: string | null;
  /** Display name for agent messages. */
  authorName: string | null;
  createdAt: string;
  products: ProductCard[];
  orders: OrderCard[];
  quickReplies: string[];
  actions: ClientAction[];
}

export interface ServerEvents {
  /** After the handshake: the token to keep (localStorage, once the chat was opened) and the open conversation. */
  'session.ready': (payload: {
    visitorToken: string;
    conversation: { id: string; status: ConversationStatus; lastSeq: number } | null;
  }) => void;
  /** A complete message that was not streamed (the shopper's own from another tab, an agent's, a system notice). */
  'message.created': (payload: { conversationId: string; message: WireMessage }) => void;
  /** A piece of the assistant's reply; `text` is the new piece only. */
  'message.delta': (payload: { conversationId: string; messageId: string; seq: number; text: string }) => void;
  /** The assistant's reply is complete: the full text and its cards replace what the deltas built. */
  'message.completed': (
    payload: { conversationId: string; messageId: string; seq: number; text: string } & Pick<
      WireMessage,
      'products' | 'orders' | 'quickReplies' | 'actions'
    >,
  ) => void;
  'conversation.updated': (payload: {
    conversationId: string;
    status: ConversationStatus;
    agentName: string | null;
  }) => void;
  typing: (payload: { conversationId: string; role: 'assistant' | 'agent'; isTyping: boolean }) => void;
  error: (payload: ProtocolError) => void;
  'server.shutdown': (payload: Record<string, never>) => void;
}

export type ErrorCode =
  | 'invalid_key'
  | 'origin_not_allowed'
  | 'invalid_payload'
  | 'unknown_event'
  | 'message_too_long'
  | 'rate_limited'
  | 'too_many_streams'
  | 'conversation_closed'
  | 'not_found'
  | 'forbidden'
  | 'internal';

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** The event that caused it, and its clientId when it had one. */
  event?: string;
  clientId?: string;
  retryAfterMs?: number;
}
