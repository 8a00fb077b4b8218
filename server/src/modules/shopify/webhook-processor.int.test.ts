import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { processWebhookEvent } from './webhook-processor';
import { recordWebhookDelivery } from './webhook-receipt.service';

const log = createLogger({ level: 'silent' });
let database: TestDatabase;
let jobs: Jobs;

/** Jobs waiting in the real pg-boss queue (no worker runs in this file). */
async function queuedJobs(): Promise<number> {
  const { rows } = await database.pool.query(
    "SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'shopify.webhook'",
  );
  return rows[0].count;
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ databaseUrl: database.url, log });
  await database.prisma.workspace.create({ data: { name: 'A', slug: 'a', shopDomain: 'shop-a.myshopify.com' } });
});

afterAll(async () => {
  await jobs.stop(1_000);
  await database.drop();
});

function record(deliveryId: string, payload: object, topic = 'orders/create') {
  return recordWebhookDelivery(
    { prisma: database.prisma, jobs },
    { topic, shopDomain: 'shop-a.myshopify.com', deliveryId, payload },
  );
}

describe('processWebhookEvent', () => {
  it('applies an event once when two workers run the same job at the same moment', async () => {
    const receipt = await record('d-1', { id: 1, name: '#1', total_price: '5.00', email: 'x@example.com' });
    if (receipt.duplicate) throw new Error('unexpected duplicate');
    const deps = { prisma: database.prisma, log };
    const outcomes = await Promise.all([
      processWebhookEvent(deps, receipt.eventId),
      processWebhookEvent(deps, receipt.eventId),
    ]);
    expect(outcomes.sort()).toEqual(['already_processed', 'processed']);
    expect(await database.prisma.order.count()).toBe(1);
    expect(await database.prisma.contact.count()).toBe(1);
  });

  it('rolls back a failing event, marks it failed with the reason, and rethrows for a retry', async () => {
    // A currency longer than CHAR(3) makes the order insert fail after the contact was written.
    const receipt = await record('d-2', { id: 2, name: '#2', currency: 'EURO', email: 'y@example.com' });
    if (receipt.duplicate) throw new Error('unexpected duplicate');
    await expect(processWebhookEvent({ prisma: database.prisma, log }, receipt.eventId)).rejects.toThrow();
    const event = await database.prisma.webhookEvent.findUniqueOrThrow({ where: { id: receipt.eventId } });
    expect(event.status).toBe('failed');
    expect(event.error).toBeTruthy();
    expect(await database.prisma.contact.count({ where: { email: 'y@example.com' } })).toBe(0);
  });

  it('enqueues one job per delivery and none for a redelivery', async () => {
    const before = await queuedJobs();
    expect((await record('d-3', { id: 3 }, 'products/delete')).duplicate).toBe(false);
    expect((await record('d-3', { id: 3 }, 'products/delete')).duplicate).toBe(true);
    expect(await queuedJobs()).toBe(before + 1);
  });
});
