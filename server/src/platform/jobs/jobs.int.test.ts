import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createLogger } from '../logger';
import { type Jobs, startJobs } from './jobs';
import { queueDefinitions } from './queues';

let database: TestDatabase;
let jobs: Jobs;
const queue = 'test.transactional';

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({
    databaseUrl: database.url,
    log: createLogger({ level: 'silent' }),
    queues: [...queueDefinitions, { name: queue, options: { retryLimit: 0 } }],
  });
});

afterAll(async () => {
  await jobs.stop(1_000);
  await database.drop();
});

async function jobsIn(name: string): Promise<number> {
  const { rows } = await database.pool.query('SELECT count(*)::int AS count FROM pgboss.job WHERE name = $1', [name]);
  return rows[0].count;
}

describe('jobs', () => {
  it('declares every queue with a dead-letter queue', async () => {
    const declared = await jobs.boss.getQueues();
    const names = declared.map((entry) => entry.name);
    for (const definition of queueDefinitions) {
      expect(names).toContain(definition.name);
      expect(names).toContain(`${definition.name}.dead`);
      expect(declared.find((entry) => entry.name === definition.name)?.deadLetter).toBe(`${definition.name}.dead`);
    }
  });

  it('never runs a job enqueued in a transaction that rolls back, and runs a committed one once', async () => {
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.workspace.create({ data: { name: 'Rolled back', slug: 'rolled-back' } });
        await jobs.sendInTransaction(tx, queue, { attempt: 'rolled-back' });
        throw new Error('the write failed after the job was enqueued');
      }),
    ).rejects.toThrow('the write failed');
    expect(await jobsIn(queue)).toBe(0);
    expect(await database.prisma.workspace.count({ where: { slug: 'rolled-back' } })).toBe(0);

    await database.prisma.$transaction(async (tx) => {
      await tx.workspace.create({ data: { name: 'Committed', slug: 'committed' } });
      await jobs.sendInTransaction(tx, queue, { attempt: 'committed' });
    });
    expect(await jobsIn(queue)).toBe(1);

    const seen: string[] = [];
    await jobs.work<{ attempt: string }>(
      queue,
      async (job) => {
        seen.push(job.data.attempt);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await expect.poll(() => seen, { timeout: 10_000, interval: 100 }).toEqual(['committed']);
    // Give a duplicate delivery the chance to show up before concluding it ran once.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(seen).toEqual(['committed']);
    const { rows } = await database.pool.query('SELECT state FROM pgboss.job WHERE name = $1', [queue]);
    expect(rows).toEqual([{ state: 'completed' }]);
  });
});
