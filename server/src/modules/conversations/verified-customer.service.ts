import type { Conversation } from '@prisma/client';
import { updateConversation } from './conversation.repo';
import type { ConversationDeps } from './conversation.service';
import { ensureCustomerContact } from './storefront-embed.repo';

/**
 * Files a signed-in customer's conversation under their contact (the one
 * order sync files their orders under): the inbox shows who is asking, and
 * Shopify's `customers/redact` for that customer finds the conversation too.
 */
export async function linkVerifiedCustomer(
  deps: ConversationDeps,
  conversation: Conversation,
  shopifyCustomerId: string,
): Promise<void> {
  const contact = await ensureCustomerContact(deps.prisma, conversation.workspaceId, shopifyCustomerId);
  if (conversation.contactId === contact.id) return;
  await updateConversation(deps.prisma, conversation.workspaceId, conversation.id, { contactId: contact.id });
  deps.events.toInbox(conversation.workspaceId, 'contact.captured', { conversationId: conversation.id, contact });
}
