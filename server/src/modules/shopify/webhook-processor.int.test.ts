import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { processWebhookEvent } from './webhook-processor';
import { recordWebhookDelivery } from './webhook-receipt.service';

const log = createLogger({ level: 'silent' });
let database: TestDatabase;
const queued: object[] = [];
const jobs = {
  async sendInTransaction(_tx: unknown, _name: string, data: object) {
    queued.push(data);
    return 'job';
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.workspace.create({ data: { name: 'A', slug: 'a', shopDomain: 'shop-a.myshopify.com' } });
});

afterAll(async () => {
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
    const before = queued.length;
    expect((await record('d-3', { id: 3 }, 'products/delete')).duplicate).toBe(false);
    expect((await record('d-3', { id: 3 }, 'products/delete')).duplicate).toBe(true);
    expect(queued.length).toBe(before + 1);
  });
});
