import type { Conversation, Message } from '@prisma/client';
import { z } from 'zod';
import type { MessageParts } from '../../../modules/conversations';
import { apiMessageLimit, apiMessageRoles } from '../../../modules/conversations';

/** Conversations as the REST API sends them (read-only). */
export const conversationStatusSchema = z
  .enum(['ai', 'waiting', 'human', 'closed'])
  .describe('ai: the assistant answers; waiting: the shopper asked for a person; human: a person answers; closed.');

export const conversationWireSchema = z.object({
  id: z.uuid(),
  status: conversationStatusSchema,
  visitorId: z.string().describe('The shopper’s anonymous visitor id.'),
  contactId: z.uuid().nullable(),
  assignedUserId: z.uuid().nullable(),
  locale: z.string().nullable(),
  pageUrl: z.string().nullable(),
  summary: z.string().nullable(),
  intent: z.string().nullable(),
  sentiment: z.number().min(-1).max(1).nullable(),
  rating: z.int().nullable(),
  ratingComment: z.string().nullable(),
  lastMessageAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const messageWireSchema = z.object({
  id: z.uuid(),
  seq: z.int().describe('Per-conversation sequence number.'),
  role: z.enum(apiMessageRoles).describe('note: an internal note, never shown to the shopper.'),
  text: z.string(),
  authorUserId: z.uuid().nullable(),
  products: z.array(z.object({ id: z.string(), title: z.string() })).describe('Product cards shown with the message.'),
  createdAt: z.iso.datetime(),
});

export const conversationDetailWireSchema = conversationWireSchema.extend({
  messages: z.array(messageWireSchema).describe(`Oldest first; at most ${apiMessageLimit}.`),
  messagesTruncated: z.boolean().describe(`True when the conversation has more than ${apiMessageLimit} messages.`),
});

export function toConversationWire(conversation: Conversation): z.output<typeof conversationWireSchema> {
  return {
    id: conversation.id,
    status: conversation.status,
    visitorId: conversation.visitorId,
    contactId: conversation.contactId,
    assignedUserId: conversation.assignedUserId,
    locale: conversation.locale,
    pageUrl: conversation.pageUrl,
    summary: conversation.summary,
    intent: conversation.intent,
    sentiment: conversation.sentiment,
    rating: conversation.rating,
    ratingComment: conversation.ratingComment,
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    closedAt: conversation.closedAt?.toISOString() ?? null,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
  };
}

export function toMessageWire(message: Message): z.output<typeof messageWireSchema> {
  const parts = (message.parts ?? {}) as MessageParts;
  return {
    id: message.id,
    seq: message.seq,
    role: message.role as (typeof apiMessageRoles)[number],
    text: message.text,
    authorUserId: message.authorUserId,
    products: (parts.products ?? []).map((product) => ({ id: product.id, title: product.title })),
    createdAt: message.createdAt.toISOString(),
  };
}
