import type { PrismaClient } from '@prisma/client';
import type { AiEngine } from '../../ai';
import { analyzeConversation, quietAfterSeconds } from '../../modules/assistant';
import type { Jobs } from '../../platform/jobs/jobs';
import type { Logger } from '../../platform/logger';
import { deleteExpiredRateLimits } from '../../platform/rate-limit';
import { deleteExpiredIdempotencyRecords } from '../http/api';

interface AnalyzeJob {
  workspaceId: string;
  conversationId: string;
}

/**
 * `conversation.analyze` runs once a conversation has been quiet for ten
 * minutes: one job per conversation at a time (singletonKey); a job that finds
 * new messages since it was scheduled puts itself back for the rest of the wait.
 */
export function scheduleConversationAnalysis(jobs: Jobs) {
  return async (workspaceId: string, conversationId: string) => {
    await jobs.send('conversation.analyze', { workspaceId, conversationId } satisfies AnalyzeJob, {
      startAfter: quietAfterSeconds,
      singletonKey: conversationId,
    });
  };
}

export async function registerConversationJobs(deps: { jobs: Jobs; prisma: PrismaClient; ai: AiEngine; log: Logger }) {
  const { jobs, prisma } = deps;
  await jobs.work<AnalyzeJob>('conversation.analyze', async (job) => {
    const conversation = await prisma.conversation.findFirst({
      where: { id: job.data.conversationId, workspaceId: job.data.workspaceId },
      select: { lastMessageAt: true },
    });
    if (!conversation) return;
    const quietForMs = Date.now() - conversation.lastMessageAt.getTime();
    if (quietForMs < quietAfterSeconds * 1000) {
      await jobs.send('conversation.analyze', job.data, {
        startAfter: Math.ceil((quietAfterSeconds * 1000 - quietForMs) / 1000),
        singletonKey: `${job.data.conversationId}:later`,
      });
      return;
    }
    await analyzeConversation({ prisma, ai: deps.ai }, job.data.workspaceId, job.data.conversationId);
  });

  await jobs.work('system.cleanup', async () => {
    const removed = await deleteExpiredRateLimits(prisma, new Date(Date.now() - 3_600_000));
    const idempotency = await deleteExpiredIdempotencyRecords(prisma, new Date(Date.now() - 24 * 3_600_000));
    deps.log.debug({ removed, idempotency }, 'expired rate-limit windows and idempotency records removed');
  });
  await jobs.boss.schedule('system.cleanup', '17 * * * *');
}
