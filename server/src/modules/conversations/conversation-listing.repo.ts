import type { Conversation, ConversationStatus, Message, PrismaClient } from '@prisma/client';
import { ConversationNotFoundError } from './conversation.model';
import { getConversation, listMessagesAfter } from './conversation.repo';

/** Read-only conversation listings for the REST API (and, later, the admin's lists). */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Messages the API shows: everything the team sees in the inbox except raw tool rows. */
export const apiMessageRoles = ['shopper', 'assistant', 'agent', 'system', 'note'] as const;
export const apiMessageLimit = 1000;

export async function listConversationsPage(
  prisma: PrismaClient,
  workspaceId: string,
  listing: { limit: number; after?: { createdAt: Date; id: string }; status?: ConversationStatus },
): Promise<{ items: Conversation[]; hasMore: boolean }> {
  const { after } = listing;
  const rows = await prisma.conversation.findMany({
    where: {
      workspaceId,
      ...(listing.status ? { status: listing.status } : {}),
      ...(after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: listing.limit + 1,
  });
  return { items: rows.slice(0, listing.limit), hasMore: rows.length > listing.limit };
}

export async function getConversationWithMessages(
  prisma: PrismaClient,
  workspaceId: string,
  conversationId: string,
): Promise<{ conversation: Conversation; messages: Message[]; truncated: boolean }> {
  // PostgreSQL rejects a malformed uuid with an error; for the caller it is simply not found.
  if (!uuidPattern.test(conversationId)) throw new ConversationNotFoundError(conversationId);
  const conversation = await getConversation(prisma, workspaceId, conversationId);
  const messages = await listMessagesAfter(prisma, workspaceId, conversationId, 0, {
    roles: [...apiMessageRoles],
    limit: apiMessageLimit + 1,
  });
  return { conversation, messages: messages.slice(0, apiMessageLimit), truncated: messages.length > apiMessageLimit };
}
