import { z } from 'zod';
import { limits } from './widget-protocol';

/**
 * The team's real-time protocol (Socket.IO namespace `/agent`): the inbox
 * receives every conversation event of its workspace and acts with these.
 */
const conversationId = z.string().uuid('conversationId must be a conversation id');

export const agentAuthSchema = z.object({
  /** A workspace API key with the `inbox` scope (`sk_live_…`) or a signed agent token from the admin. */
  token: z.string().min(10).max(512),
  /** Shown to shoppers when this agent takes over. */
  name: z.string().trim().min(1).max(80).optional(),
});

export const agentEventSchemas = {
  'conversation.join': z.object({ conversationId }),
  'conversation.release': z.object({ conversationId }),
  'conversation.close': z.object({ conversationId }),
  'message.send': z.object({
    conversationId,
    clientId: z.string().trim().min(8).max(limits.clientIdLength),
    text: z
      .string()
      .trim()
      .min(1, 'text is empty')
      .max(limits.messageLength, `text is longer than ${limits.messageLength} characters`),
    internal: z.boolean().optional(),
  }),
  'messages.sync': z.object({ conversationId, afterSeq: z.number().int().min(0) }),
  /** The conversation this inbox has open: it also hears the assistant's reply as it is written. */
  'conversation.watch': z.object({ conversationId }),
  'conversation.unwatch': z.object({ conversationId }),
} as const;

export type AgentEventName = keyof typeof agentEventSchemas;

/** Events that only listen; a read-only member (viewer) may send them. */
export const agentReadEvents: ReadonlySet<AgentEventName> = new Set([
  'messages.sync',
  'conversation.watch',
  'conversation.unwatch',
]);
