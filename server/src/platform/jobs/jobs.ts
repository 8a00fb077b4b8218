import {
  fromPrisma,
  type Job,
  type JobInsert,
  type JobResult,
  PgBoss,
  type SendOptions,
  type WorkOptions,
} from 'pg-boss';
import type { Logger } from '../logger';
import { deadLetterQueueName, type QueueDefinition, queueDefinitions } from './queues';

/**
 * Background jobs on pg-boss, in the same PostgreSQL as everything else, so a
 * job can be enqueued in the same transaction as the write that causes it:
 * if the transaction rolls back, the job never existed.
 */
export interface Jobs {
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Enqueue inside a Prisma interactive transaction (`prisma.$transaction(async (tx) => …)`). */
  sendInTransaction(tx: PrismaTransaction, name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Many jobs in one statement, inside a Prisma interactive transaction (a 10,000-product content run). */
  insertInTransaction(tx: PrismaTransaction, name: string, jobs: JobInsert[]): Promise<void>;
  work<T extends object>(
    name: string,
    handler: (job: Job<T>) => Promise<unknown>,
    options?: WorkOptions,
  ): Promise<string>;
  isReady(): Promise<boolean>;
  /** Stops fetching, waits up to `timeoutMs` for running jobs; unfinished ones are retried by another node later. */
  stop(timeoutMs?: number): Promise<void>;
  boss: PgBoss;
}

export type PrismaTransaction = Parameters<typeof fromPrisma>[0];

export async function startJobs(options: {
  databaseUrl: string;
  log: Logger;
  queues?: QueueDefinition[];
}): Promise<Jobs> {
  // Supervision (expired jobs, missed heartbeats) every 10 s rather than pg-boss's 60, so work a
  // crashed node held is handed back soon; it is one cheap query per pass.
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'pgboss',
    max: 5,
    superviseIntervalSeconds: 10,
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job system error'));
  await boss.start();
  await declareQueues(boss, options.queues ?? queueDefinitions);

  return {
    boss,
    send: (name, data, sendOptions) => boss.send(name, data, sendOptions ?? {}),
    sendInTransaction: (tx, name, data, sendOptions) => boss.send(name, data, { ...sendOptions, db: fromPrisma(tx) }),
    async insertInTransaction(tx, name, jobs) {
      if (jobs.length > 0) await boss.insert(name, jobs, { db: fromPrisma(tx) });
    },
    work: (name, handler, workOptions) =>
      boss.work(
        name,
        { batchSize: 1, ...workOptions, perJobResults: true },
        async (jobs: Job<never>[]): Promise<JobResult[]> => {
          // One at a time, each settled on its own: a failing job is retried alone, not with its batch.
          const results: JobResult[] = [];
          for (const job of jobs) {
            try {
              await handler(job);
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              results.push({ id: job.id, status: 'failed', output: error });
            }
          }
          return results;
        },
      ),
    async isReady() {
      try {
        await boss.getQueue(queueDefinitions[0]?.name ?? 'system.cleanup');
        return true;
      } catch {
        return false;
      }
    },
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, timeout: timeoutMs, close: true }),
  };
}

async function declareQueues(boss: PgBoss, definitions: QueueDefinition[]): Promise<void> {
  for (const definition of definitions) {
    const deadLetter = deadLetterQueueName(definition.name);
    await createQueueIfMissing(boss, deadLetter, { retentionSeconds: 30 * 24 * 3600 });
    await createQueueIfMissing(boss, definition.name, { ...definition.options, deadLetter });
  }
}

/** Queues that exist already get the current options, so a changed retry or heartbeat policy reaches old data directories. */
async function createQueueIfMissing(boss: PgBoss, name: string, options: object): Promise<void> {
  if (await boss.getQueue(name)) {
    await boss.updateQueue(name, options);
    return;
  }
  await boss.createQueue(name, options);
}
