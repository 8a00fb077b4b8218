import type { Message, PrismaClient } from '@prisma/client';
import { ConversationNotFoundError, type MessageParts } from './conversation.model';
import {
  type InboxConversation,
  type TranscriptMessage,
  type TranscriptToolCall,
  transcriptPageSize,
} from './inbox.model';

/**
 * One conversation as the team sees it: its shopper's contact, and the
 * transcript with notes, cards and the assistant's tool calls (raw `tool`
 * rows are left out: the same calls live on the reply they led to).
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const transcriptRoles = ['shopper', 'assistant', 'agent', 'system', 'note'] as const;
const toolResultLength = 1_500;

export async function getInboxConversation(
  prisma: PrismaClient,
  workspaceId: string,
  conversationId: string,
): Promise<InboxConversation> {
  // A malformed id would make PostgreSQL raise; for the person it is simply not there.
  if (!uuidPattern.test(conversationId)) throw new ConversationNotFoundError(conversationId);
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, workspaceId },
    include: {
      contact: {
        select: { id: true, name: true, email: true, phone: true, source: true, marketingOptIn: true, createdAt: true },
      },
    },
  });
  if (!conversation) throw new ConversationNotFoundError(conversationId);
  return {
    id: conversation.id,
    status: conversation.status,
    assignedUserId: conversation.assignedUserId,
    visitorId: conversation.visitorId,
    locale: conversation.locale,
    pageUrl: conversation.pageUrl,
    summary: conversation.summary,
    intent: conversation.intent,
    sentiment: conversation.sentiment,
    analyzedAt: conversation.analyzedAt?.toISOString() ?? null,
    rating: conversation.rating,
    lastSeq: conversation.lastSeq,
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    createdAt: conversation.createdAt.toISOString(),
    contact: conversation.contact
      ? { ...conversation.contact, createdAt: conversation.contact.createdAt.toISOString() }
      : null,
  };
}

/** The latest messages (oldest first), or those before `beforeSeq` for the "earlier messages" link. */
export async function listTranscript(
  prisma: PrismaClient,
  workspaceId: string,
  conversationId: string,
  options: { beforeSeq?: number; limit?: number } = {},
): Promise<{ messages: TranscriptMessage[]; hasEarlier: boolean }> {
  const limit = options.limit ?? transcriptPageSize;
  const rows = await prisma.message.findMany({
    where: {
      workspaceId,
      conversationId,
      role: { in: [...transcriptRoles] },
      ...(options.beforeSeq ? { seq: { lt: options.beforeSeq } } : {}),
    },
    orderBy: { seq: 'desc' },
    take: limit + 1,
  });
  return {
    messages: rows.slice(0, limit).reverse().map(toTranscriptMessage),
    hasEarlier: rows.length > limit,
  };
}

export function toTranscriptMessage(message: Message): TranscriptMessage {
  const parts = (message.parts ?? {}) as MessageParts;
  return {
    id: message.id,
    seq: message.seq,
    role: message.role as TranscriptMessage['role'],
    text: message.text,
    authorUserId: message.authorUserId,
    createdAt: message.createdAt.toISOString(),
    products: parts.products ?? [],
    orders: parts.orders ?? [],
    toolCalls: toToolCalls(parts),
    streaming: parts.streaming === true,
  };
}

function toToolCalls(parts: MessageParts): TranscriptToolCall[] {
  return (parts.toolRounds ?? []).flatMap((round) =>
    round.calls.map((call) => {
      const result = round.results.find((candidate) => candidate.toolCallId === call.id);
      return { id: call.id, name: call.name, args: call.args, result: result ? shorten(result.result) : null };
    }),
  );
}

function shorten(result: unknown): string {
  const json = JSON.stringify(result) ?? 'null';
  return json.length > toolResultLength ? `${json.slice(0, toolResultLength)}…` : json;
}
