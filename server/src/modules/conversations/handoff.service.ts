import { isWithinBusinessHours, type WorkspaceSettings } from '../tenancy';
import { ConversationClosedError } from './conversation.model';
import { appendMessage, getConversation } from './conversation.repo';
import {
  type AgentContext,
  addSystemMessage,
  type ConversationDeps,
  findShopperConversation,
  publishMessage,
  receiveShopperMessage,
  type ShopperContext,
  setStatus,
} from './conversation.service';
import { toWireMessage } from './message-wire';

/**
 * Moving a conversation between the assistant and people. A shopper asking for
 * a person gets one when the team is reachable (status `waiting` until someone
 * takes over); otherwise the widget offers the lead form instead.
 */
export async function requestHandoff(
  deps: ConversationDeps & { now: () => Date },
  shopper: ShopperContext,
  settings: WorkspaceSettings,
  input: { clientId: string; reason?: string },
) {
  let conversation = await findShopperConversation(deps, shopper);
  if (!conversation) {
    ({ conversation } = await receiveShopperMessage(deps, shopper, {
      clientId: input.clientId,
      text: input.reason ?? 'I would like to talk to a person.',
    }));
  }
  if (conversation.status === 'waiting' || conversation.status === 'human') return { status: conversation.status };
  const available = settings.handoff.enabled && isWithinBusinessHours(settings, deps.now());
  if (!available) {
    await addSystemMessage(deps, shopper.workspaceId, conversation.id, 'Nobody from the team is available right now.', [
      { type: 'lead_form', reason: 'nobody_available' },
    ]);
    return { status: conversation.status };
  }
  await setStatus(deps, shopper.workspaceId, conversation.id, 'waiting');
  await addSystemMessage(deps, shopper.workspaceId, conversation.id, 'A person from the team will join shortly.');
  return { status: 'waiting' as const };
}

export async function takeOverConversation(deps: ConversationDeps, agent: AgentContext, conversationId: string) {
  const conversation = await getConversation(deps.prisma, agent.workspaceId, conversationId);
  if (conversation.status === 'closed') throw new ConversationClosedError();
  if (conversation.status === 'human' && conversation.assignedUserId === agent.userId) return conversation;
  const updated = await setStatus(deps, agent.workspaceId, conversationId, 'human', agent);
  await addSystemMessage(deps, agent.workspaceId, conversationId, `${agent.name} joined the conversation.`);
  return updated;
}

export async function handBackToAssistant(deps: ConversationDeps, agent: AgentContext, conversationId: string) {
  const conversation = await getConversation(deps.prisma, agent.workspaceId, conversationId);
  if (conversation.status === 'closed') throw new ConversationClosedError();
  const updated = await setStatus(deps, agent.workspaceId, conversationId, 'ai');
  await addSystemMessage(deps, agent.workspaceId, conversationId, 'The assistant is back to help you.');
  return updated;
}

export async function closeConversation(deps: ConversationDeps, agent: AgentContext, conversationId: string) {
  return setStatus(deps, agent.workspaceId, conversationId, 'closed');
}

/**
 * An agent's reply reaches the shopper; an internal note reaches only the team.
 * Replying to a conversation the assistant still owns takes it over first, so
 * the assistant and a person never answer at the same time.
 */
export async function sendAgentMessage(
  deps: ConversationDeps,
  agent: AgentContext,
  input: { conversationId: string; clientId: string; text: string; internal?: boolean },
) {
  const conversation = await getConversation(deps.prisma, agent.workspaceId, input.conversationId);
  if (conversation.status === 'closed' && !input.internal) throw new ConversationClosedError();
  if (!input.internal && conversation.status !== 'human') await takeOverConversation(deps, agent, conversation.id);
  const { message, duplicate } = await appendMessage(deps.prisma, {
    workspaceId: agent.workspaceId,
    conversationId: conversation.id,
    role: input.internal ? 'note' : 'agent',
    text: input.text,
    clientId: input.clientId,
    authorUserId: agent.userId,
  });
  if (!duplicate) {
    const wire = toWireMessage(message, agent.name);
    if (input.internal)
      deps.events.toInbox(agent.workspaceId, 'message.created', { conversationId: conversation.id, message: wire });
    else publishMessage(deps, agent.workspaceId, wire);
  }
  return message;
}
