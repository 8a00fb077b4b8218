import type { Message } from '@prisma/client';
import type { MessageParts } from './conversation.model';
import type { MessageRole, WireMessage } from './widget-protocol';

/** A stored message as shoppers (and the inbox) receive it. Tool rounds stay server-side. */
export function toWireMessage(message: Message, authorName: string | null = null): WireMessage {
  const parts = (message.parts ?? {}) as MessageParts;
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    role: message.role as MessageRole,
    text: message.text,
    clientId: message.clientId,
    authorName,
    createdAt: message.createdAt.toISOString(),
    products: parts.products ?? [],
    orders: parts.orders ?? [],
    quickReplies: parts.quickReplies ?? [],
    actions: parts.actions ?? [],
  };
}

/** Roles a shopper may see; notes and raw tool rows are for the team only. */
export const shopperVisibleRoles = ['shopper', 'assistant', 'agent', 'system'] as const;
