import type { Conversation, ConversationStatus, Message, MessageRole, Prisma, PrismaClient } from '@prisma/client';
import { ConversationNotFoundError, type MessageParts } from './conversation.model';

/**
 * Conversations and their messages. Every message takes the conversation's next
 * sequence number in the same transaction that stores it, so numbers are dense
 * and ordered even with several server processes; a clientId seen before
 * returns the stored message instead of a second copy.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export async function findOpenConversation(
  db: Db,
  workspaceId: string,
  visitorId: string,
): Promise<Conversation | null> {
  return db.conversation.findFirst({
    where: { workspaceId, visitorId, status: { not: 'closed' } },
    orderBy: { lastMessageAt: 'desc' },
  });
}

export async function createConversation(
  db: Db,
  input: { workspaceId: string; visitorId: string; locale?: string | null; pageUrl?: string | null },
): Promise<Conversation> {
  return db.conversation.create({
    data: { workspaceId: input.workspaceId, visitorId: input.visitorId, locale: input.locale, pageUrl: input.pageUrl },
  });
}

export async function getConversation(db: Db, workspaceId: string, conversationId: string): Promise<Conversation> {
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, workspaceId } });
  if (!conversation) throw new ConversationNotFoundError(conversationId);
  return conversation;
}

export interface NewMessage {
  workspaceId: string;
  conversationId: string;
  role: MessageRole;
  text: string;
  clientId?: string | null;
  authorUserId?: string | null;
  parts?: MessageParts;
}

export async function appendMessage(
  prisma: PrismaClient,
  input: NewMessage,
): Promise<{ message: Message; duplicate: boolean }> {
  if (input.clientId) {
    const existing = await findByClientId(prisma, input.conversationId, input.clientId);
    if (existing) return { message: existing, duplicate: true };
  }
  try {
    const message = await prisma.$transaction(async (tx) => {
      const [counter] = await tx.$queryRaw<{ lastSeq: number }[]>`
        UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = now(), "updatedAt" = now()
        WHERE id = ${input.conversationId}::uuid AND "workspaceId" = ${input.workspaceId}::uuid
        RETURNING "lastSeq"`;
      if (!counter) throw new ConversationNotFoundError(input.conversationId);
      return tx.message.create({
        data: {
          workspaceId: input.workspaceId,
          conversationId: input.conversationId,
          seq: counter.lastSeq,
          role: input.role,
          text: input.text,
          clientId: input.clientId ?? null,
          authorUserId: input.authorUserId ?? null,
          parts: (input.parts ?? undefined) as Prisma.InputJsonValue | undefined,
        },
      });
    });
    return { message, duplicate: false };
  } catch (error) {
    // Two deliveries of the same clientId raced; the loser's transaction rolled back whole.
    if ((error as { code?: string }).code === 'P2002' && input.clientId) {
      const existing = await findByClientId(prisma, input.conversationId, input.clientId);
      if (existing) return { message: existing, duplicate: true };
    }
    throw error;
  }
}

function findByClientId(db: Db, conversationId: string, clientId: string) {
  return db.message.findUnique({ where: { conversationId_clientId: { conversationId, clientId } } });
}

export async function updateMessageContent(
  db: Db,
  workspaceId: string,
  messageId: string,
  text: string,
  parts: MessageParts,
) {
  await db.message.updateMany({
    where: { id: messageId, workspaceId },
    data: { text, parts: parts as Prisma.InputJsonValue },
  });
}

export async function listMessagesAfter(
  db: Db,
  workspaceId: string,
  conversationId: string,
  afterSeq: number,
  options: { roles?: MessageRole[]; limit?: number } = {},
): Promise<Message[]> {
  return db.message.findMany({
    where: {
      workspaceId,
      conversationId,
      seq: { gt: afterSeq },
      ...(options.roles ? { role: { in: options.roles } } : {}),
    },
    orderBy: { seq: 'asc' },
    take: options.limit ?? 500,
  });
}

/** The latest messages, oldest first: the model's view of the conversation. */
export async function listRecentMessages(
  db: Db,
  workspaceId: string,
  conversationId: string,
  limit: number,
): Promise<Message[]> {
  const recent = await db.message.findMany({
    where: { workspaceId, conversationId, role: { in: ['shopper', 'assistant', 'agent'] } },
    orderBy: { seq: 'desc' },
    take: limit,
  });
  return recent.reverse();
}

export async function updateConversation(
  db: Db,
  workspaceId: string,
  conversationId: string,
  data: {
    status?: ConversationStatus;
    assignedUserId?: string | null;
    contactId?: string;
    rating?: number;
    ratingComment?: string | null;
    closedAt?: Date | null;
  },
): Promise<Conversation> {
  const result = await db.conversation.updateManyAndReturn({ where: { id: conversationId, workspaceId }, data });
  const conversation = result[0];
  if (!conversation) throw new ConversationNotFoundError(conversationId);
  return conversation;
}
