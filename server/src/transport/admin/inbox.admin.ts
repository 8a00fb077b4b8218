import { AiBudgetExceededError, ProviderError, StructuredOutputError } from '../../ai';
import { analyzeConversation, suggestReply } from '../../modules/assistant';
import {
  type AgentContext,
  assignConversation,
  ConversationNotFoundError,
  closeConversation,
  countInbox,
  decodeInboxCursor,
  getInboxConversation,
  handBackToAssistant,
  inboxAssignSchema,
  inboxListQuerySchema,
  inboxReplySchema,
  listInboxPage,
  listTranscript,
  sendAgentMessage,
  takeOverConversation,
  toTranscriptMessage,
  transcriptQuerySchema,
} from '../../modules/conversations';
import { ForbiddenError, hasPermission, type Role } from '../../modules/identity';
import { listOrdersForCustomer } from '../../modules/orders';
import type { AdminActor, AdminDeps } from './admin-deps';

/**
 * The admin's inbox: lists, one conversation with its shopper's contact and
 * orders, and what a team member does in it. Every call is scoped to the
 * actor's workspace; acting needs `inbox.reply` (viewers only watch). Changes
 * go through the conversation services, which publish them to the widget and
 * to every open inbox of the workspace.
 */
export interface InboxMember {
  userId: string;
  name: string;
  role: Role;
  /** Whether they may answer, i.e. be assigned. */
  canReply: boolean;
}

/** The request is fine but cannot be carried out now (the AI budget is spent, a provider is down). */
export class InboxActionRefusedError extends Error {
  override readonly name = 'InboxActionRefusedError';
  readonly status = 409;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const recentOrders = 5;

export function createInboxAdmin(deps: AdminDeps) {
  const { prisma } = deps;
  const conversations = deps.conversations;

  const agentOf = (actor: AdminActor): AgentContext => {
    if (!hasPermission(actor.role, 'inbox.reply')) {
      throw new ForbiddenError('Your role can view the inbox but not act in it.');
    }
    return { workspaceId: actor.workspaceId, userId: actor.userId, name: actor.displayName };
  };

  /** A malformed id is simply a conversation that is not there. */
  const idOf = (conversationId: string) => {
    if (!uuidPattern.test(conversationId)) throw new ConversationNotFoundError(conversationId);
    return conversationId;
  };

  async function withAi<Result>(work: () => Promise<Result>): Promise<Result> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AiBudgetExceededError) throw new InboxActionRefusedError(error.message);
      if (error instanceof ProviderError || error instanceof StructuredOutputError) {
        deps.log.warn({ err: error }, 'inbox AI request failed');
        throw new InboxActionRefusedError('The AI could not answer just now; please try again in a moment.');
      }
      throw error;
    }
  }

  return {
    async listConversations(actor: AdminActor, query: { filter?: string | null; cursor?: string | null }) {
      const { filter, cursor } = inboxListQuerySchema.parse({
        filter: query.filter ?? undefined,
        cursor: query.cursor ?? undefined,
      });
      const [page, counts] = await Promise.all([
        listInboxPage(prisma, actor.workspaceId, { filter, userId: actor.userId, after: decodeInboxCursor(cursor) }),
        countInbox(prisma, actor.workspaceId, actor.userId),
      ]);
      return { filter, rows: page.rows, nextCursor: page.nextCursor, counts };
    },

    /** The team, for the assignee picker and for naming who wrote what. */
    async listMembers(actor: AdminActor): Promise<InboxMember[]> {
      const members = await deps.identity.listMembers({ userId: actor.userId, workspaceId: actor.workspaceId });
      return members.map((member) => ({
        userId: member.userId,
        name: member.name ?? member.email,
        role: member.role,
        canReply: hasPermission(member.role, 'inbox.reply'),
      }));
    },

    async getConversation(actor: AdminActor, conversationId: string, query: { beforeSeq?: string | null } = {}) {
      const conversation = await getInboxConversation(prisma, actor.workspaceId, conversationId);
      const { beforeSeq } = transcriptQuerySchema.parse({ beforeSeq: query.beforeSeq ?? undefined });
      const email = conversation.contact?.email;
      const [transcript, orders] = await Promise.all([
        listTranscript(prisma, actor.workspaceId, conversation.id, { beforeSeq }),
        email ? listOrdersForCustomer(prisma, actor.workspaceId, email, recentOrders) : [],
      ]);
      return { conversation, messages: transcript.messages, hasEarlier: transcript.hasEarlier, orders };
    },

    async takeOver(actor: AdminActor, conversationId: string) {
      const conversation = await takeOverConversation(conversations, agentOf(actor), idOf(conversationId));
      return { status: conversation.status };
    },

    async handBack(actor: AdminActor, conversationId: string) {
      const conversation = await handBackToAssistant(conversations, agentOf(actor), idOf(conversationId));
      return { status: conversation.status };
    },

    async close(actor: AdminActor, conversationId: string) {
      const conversation = await closeConversation(conversations, agentOf(actor), idOf(conversationId));
      return { status: conversation.status };
    },

    /** A reply to the shopper (taking the conversation over if needed), or with `internal` a note for the team. */
    async reply(
      actor: AdminActor,
      input: { conversationId: string; clientId: string; text: string; internal?: boolean },
    ) {
      const agent = agentOf(actor);
      const parsed = inboxReplySchema.parse(input);
      const message = await sendAgentMessage(conversations, agent, {
        ...parsed,
        conversationId: idOf(parsed.conversationId),
      });
      return toTranscriptMessage(message);
    },

    async assign(actor: AdminActor, input: { conversationId: string; userId: string | null }) {
      const agent = agentOf(actor);
      const parsed = inboxAssignSchema.parse(input);
      const conversation = await assignConversation(conversations, agent, parsed);
      return { assignedUserId: conversation.assignedUserId };
    },

    async suggestReply(actor: AdminActor, conversationId: string) {
      const agent = agentOf(actor);
      return withAi(() =>
        suggestReply(
          { prisma, ai: deps.ai, conversations: { ...conversations, now: () => new Date() } },
          { workspaceId: actor.workspaceId, conversationId: idOf(conversationId), agentName: agent.name },
        ),
      );
    },

    /** Summary, intent and sentiment now, instead of when the conversation has gone quiet. */
    async summarize(actor: AdminActor, conversationId: string) {
      agentOf(actor); // Spending on the AI is for those who may answer, not for viewers.
      const conversation = await getInboxConversation(prisma, actor.workspaceId, conversationId);
      const analysis = await withAi(() =>
        analyzeConversation({ prisma, ai: deps.ai }, actor.workspaceId, conversation.id),
      );
      if (!analysis) throw new InboxActionRefusedError('There is nothing to summarise yet.');
      return analysis;
    },
  };
}

export type InboxAdmin = ReturnType<typeof createInboxAdmin>;
