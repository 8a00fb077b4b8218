import { getConversationWithMessages, listConversationsPage } from '../../../modules/conversations';
import { defineRoute } from './api-route';
import { idParamsSchema, pageOf } from './common.wire';
import {
  conversationDetailWireSchema,
  conversationStatusSchema,
  conversationWireSchema,
  toConversationWire,
  toMessageWire,
} from './conversation.wire';
import { decodeCursor, pageQuerySchema, toPage } from './cursor';

const conversationListQuerySchema = pageQuerySchema.extend({
  status: conversationStatusSchema.optional().describe('Only conversations in this state.'),
});

export const conversationRoutes = [
  defineRoute({
    operationId: 'listConversations',
    method: 'get',
    path: '/api/v1/conversations',
    tag: 'Conversations',
    summary: 'List conversations',
    description: 'Oldest first (by when they started).',
    scope: 'conversations:read',
    query: conversationListQuerySchema,
    responses: { 200: { description: 'A page of conversations.', schema: pageOf(conversationWireSchema) } },
    async handle({ prisma, principal, query }) {
      const page = await listConversationsPage(prisma, principal.workspaceId, {
        limit: query.limit,
        after: decodeCursor(query.cursor),
        status: query.status,
      });
      return { status: 200, body: toPage(page, toConversationWire) };
    },
  }),
  defineRoute({
    operationId: 'getConversation',
    method: 'get',
    path: '/api/v1/conversations/:id',
    tag: 'Conversations',
    summary: 'Get a conversation with its messages',
    scope: 'conversations:read',
    params: idParamsSchema,
    responses: { 200: { description: 'The conversation and its messages.', schema: conversationDetailWireSchema } },
    errors: { 404: 'No conversation with this id in your workspace.' },
    async handle({ prisma, principal, params }) {
      const found = await getConversationWithMessages(prisma, principal.workspaceId, params.id);
      return {
        status: 200,
        body: {
          ...toConversationWire(found.conversation),
          messages: found.messages.map(toMessageWire),
          messagesTruncated: found.truncated,
        },
      };
    },
  }),
];
