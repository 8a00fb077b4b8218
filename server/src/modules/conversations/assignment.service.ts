import type { Conversation, PrismaClient, Role } from '@prisma/client';
import { permissions } from '../identity';
import { getConversation } from './conversation.repo';
import type { AgentContext, ConversationDeps } from './conversation.service';
import { summarise } from './conversation.service';
import { AssigneeNotFoundError } from './inbox.model';

/**
 * Who on the team owns a conversation. Only a member of the same workspace
 * whose role may answer can be assigned; the membership check is part of the
 * update itself, so someone removed from the team a moment earlier cannot end
 * up owning a conversation. Every inbox of the workspace hears the change.
 */
const answeringRoles = permissions['inbox.reply'] as readonly Role[];

export async function assignConversation(
  deps: ConversationDeps,
  agent: AgentContext,
  input: { conversationId: string; userId: string | null },
): Promise<Conversation> {
  const conversation =
    input.userId === null
      ? await unassign(deps.prisma, agent.workspaceId, input.conversationId)
      : await assignToMember(deps.prisma, agent.workspaceId, input.conversationId, input.userId);
  deps.events.toInbox(agent.workspaceId, 'conversation.assigned', {
    conversationId: conversation.id,
    assignedUserId: conversation.assignedUserId,
    assignedBy: agent.userId,
    conversation: summarise(conversation),
  });
  return conversation;
}

async function unassign(prisma: PrismaClient, workspaceId: string, conversationId: string) {
  const [conversation] = await prisma.conversation.updateManyAndReturn({
    where: { id: conversationId, workspaceId },
    data: { assignedUserId: null },
  });
  return conversation ?? (await getConversation(prisma, workspaceId, conversationId));
}

async function assignToMember(prisma: PrismaClient, workspaceId: string, conversationId: string, userId: string) {
  const [conversation] = await prisma.conversation.updateManyAndReturn({
    where: {
      id: conversationId,
      workspaceId,
      workspace: { memberships: { some: { userId, role: { in: [...answeringRoles] } } } },
    },
    data: { assignedUserId: userId },
  });
  if (conversation) return conversation;
  // Nothing changed: tell a missing conversation (404 for it) from a wrong person.
  await getConversation(prisma, workspaceId, conversationId);
  throw new AssigneeNotFoundError();
}
