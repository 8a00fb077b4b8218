import type { Conversation, ConversationStatus, PrismaClient } from '@prisma/client';
import type { ConversationEvents } from './conversation.events';
import { ConversationClosedError, ConversationNotFoundError, type MessageParts } from './conversation.model';
import {
  appendMessage,
  createConversation,
  findOpenConversation,
  getConversation,
  listMessagesAfter,
  updateConversation,
} from './conversation.repo';
import { shopperVisibleRoles, toWireMessage } from './message-wire';
import { linkVerifiedCustomer } from './verified-customer.service';
import type { ClientAction, WireMessage } from './widget-protocol';

/**
 * Conversation use cases shared by the shopper's widget and the team's inbox.
 * Each persists first, then publishes, so whatever a client sees is already
 * stored and a reconnecting client can fetch it again.
 */
export interface ConversationDeps {
  prisma: PrismaClient;
  events: ConversationEvents;
}

/** Who is talking on the shopper side: resolved from the widget key and visitor token. */
export interface ShopperContext {
  workspaceId: string;
  visitorId: string;
  locale?: string | null;
  pageUrl?: string | null;
  /** The Shopify customer (GID) a valid customer token proved at the handshake; absent for anonymous shoppers. */
  shopifyCustomerId?: string | null;
}

export interface AgentContext {
  workspaceId: string;
  userId: string | null;
  name: string;
  /** A viewer: hears the inbox, may not act in it. */
  readOnly?: boolean;
}

export async function findShopperConversation(deps: ConversationDeps, shopper: ShopperContext) {
  return findOpenConversation(deps.prisma, shopper.workspaceId, shopper.visitorId);
}

export async function receiveShopperMessage(
  deps: ConversationDeps,
  shopper: ShopperContext,
  input: { clientId: string; text: string },
) {
  const conversation =
    (await findOpenConversation(deps.prisma, shopper.workspaceId, shopper.visitorId)) ??
    (await startConversation(deps, shopper));
  if (shopper.shopifyCustomerId) await linkVerifiedCustomer(deps, conversation, shopper.shopifyCustomerId);
  const { message, duplicate } = await appendMessage(deps.prisma, {
    workspaceId: shopper.workspaceId,
    conversationId: conversation.id,
    role: 'shopper',
    text: input.text,
    clientId: input.clientId,
  });
  if (!duplicate) publishMessage(deps, conversation.workspaceId, toWireMessage(message));
  return { conversation, message, duplicate };
}

async function startConversation(deps: ConversationDeps, shopper: ShopperContext): Promise<Conversation> {
  const conversation = await createConversation(deps.prisma, shopper);
  deps.events.toInbox(shopper.workspaceId, 'conversation.created', { conversation: summarise(conversation) });
  return conversation;
}

/** A message everyone in the conversation sees (the shopper's other tabs too) and the inbox. */
export function publishMessage(deps: ConversationDeps, workspaceId: string, message: WireMessage): void {
  deps.events.toShopper(message.conversationId, 'message.created', { conversationId: message.conversationId, message });
  deps.events.toInbox(workspaceId, 'message.created', { conversationId: message.conversationId, message });
}

export async function addSystemMessage(
  deps: ConversationDeps,
  workspaceId: string,
  conversationId: string,
  text: string,
  actions: ClientAction[] = [],
) {
  const { message } = await appendMessage(deps.prisma, {
    workspaceId,
    conversationId,
    role: 'system',
    text,
    parts: actions.length > 0 ? { actions } : undefined,
  });
  publishMessage(deps, workspaceId, toWireMessage(message));
  return message;
}

export async function setStatus(
  deps: ConversationDeps,
  workspaceId: string,
  conversationId: string,
  status: ConversationStatus,
  agent: AgentContext | null = null,
) {
  const conversation = await updateConversation(deps.prisma, workspaceId, conversationId, {
    status,
    ...(status === 'human' && agent?.userId ? { assignedUserId: agent.userId } : {}),
    closedAt: status === 'closed' ? new Date() : null,
  });
  const payload = { conversationId, status, agentName: status === 'human' ? (agent?.name ?? null) : null };
  deps.events.toShopper(conversationId, 'conversation.updated', payload);
  deps.events.toInbox(workspaceId, 'conversation.updated', { ...payload, conversation: summarise(conversation) });
  return conversation;
}

/** Messages the shopper has not seen yet; only for their own conversation. */
export async function syncShopperMessages(
  deps: ConversationDeps,
  shopper: ShopperContext,
  input: { conversationId: string; afterSeq: number },
) {
  const conversation = await getConversation(deps.prisma, shopper.workspaceId, input.conversationId);
  if (conversation.visitorId !== shopper.visitorId) throw new ConversationNotFoundError(input.conversationId);
  const messages = await listMessagesAfter(deps.prisma, shopper.workspaceId, conversation.id, input.afterSeq, {
    roles: [...shopperVisibleRoles],
  });
  // A reply still streaming arrives through message.delta / message.completed, not here.
  const settled = messages.filter((message) => !(message.parts as MessageParts | null)?.streaming);
  return { status: conversation.status, messages: settled.map((message) => toWireMessage(message)) };
}

/** The shopper's open conversation, or an error they can act on. */
export async function requireShopperConversation(
  deps: ConversationDeps,
  shopper: ShopperContext,
): Promise<Conversation> {
  const conversation = await findOpenConversation(deps.prisma, shopper.workspaceId, shopper.visitorId);
  if (!conversation) throw new ConversationNotFoundError('(none open)');
  if (conversation.status === 'closed') throw new ConversationClosedError();
  return conversation;
}

export function summarise(conversation: Conversation) {
  return {
    id: conversation.id,
    status: conversation.status,
    visitorId: conversation.visitorId,
    contactId: conversation.contactId,
    assignedUserId: conversation.assignedUserId,
    lastSeq: conversation.lastSeq,
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    createdAt: conversation.createdAt.toISOString(),
  };
}
