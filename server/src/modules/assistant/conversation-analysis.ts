import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { AiEngine } from '../../ai';
import { listMessagesAfter } from '../conversations';

/**
 * When a conversation goes quiet, one model call writes what the inbox and the
 * home page show about it: a summary, the shopper's intent and the sentiment.
 */
export const analysisSchema = z.object({
  summary: z.string().min(1).max(600),
  intent: z.enum(['product_question', 'order_status', 'returns', 'shipping', 'complaint', 'purchase', 'other']),
  sentiment: z.number().min(-1).max(1),
});

export const quietAfterSeconds = 10 * 60;

export async function analyzeConversation(
  deps: { prisma: PrismaClient; ai: AiEngine },
  workspaceId: string,
  conversationId: string,
): Promise<z.infer<typeof analysisSchema> | null> {
  const messages = await listMessagesAfter(deps.prisma, workspaceId, conversationId, 0, {
    roles: ['shopper', 'assistant', 'agent'],
  });
  if (messages.length === 0) return null;
  const transcript = messages
    .map((message) => `${message.role}: ${message.text}`)
    .join('\n')
    .slice(-12_000);
  const result = await deps.ai.generate(workspaceId, 'conversation.summary', {
    system:
      'Summarise this shop conversation for the store team in one or two sentences, classify the shopper intent, and rate the shopper sentiment from -1 (angry) to 1 (delighted).',
    messages: [{ role: 'user', content: transcript }],
    output: { name: 'conversation_analysis', schema: analysisSchema },
    temperature: 0,
  });
  if (!result.object) return null;
  await deps.prisma.conversation.updateMany({
    where: { id: conversationId, workspaceId },
    data: {
      summary: result.object.summary,
      intent: result.object.intent,
      sentiment: result.object.sentiment,
      analyzedAt: new Date(),
    },
  });
  return result.object;
}
