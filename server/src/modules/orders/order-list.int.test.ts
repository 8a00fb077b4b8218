import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { listOrders } from './order-list.repo';

/** The admin's order list: newest first, filters, pages, one workspace only. */
let database: TestDatabase;
let shop: string;
let other: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  shop = (await prisma.workspace.create({ data: { name: 'Shop', slug: 'list-shop' } })).id;
  other = (await prisma.workspace.create({ data: { name: 'Other', slug: 'list-other' } })).id;
  const ann = await prisma.contact.create({
    data: { workspaceId: shop, email: 'ann@example.com', name: 'Ann Lee', source: 'api' },
  });
  await prisma.contact.create({ data: { workspaceId: shop, email: 'bob@example.org', source: 'widget_lead' } });
  await prisma.contact.create({
    data: { workspaceId: other, email: 'ann@other.example', name: 'Ann Other', source: 'api' },
  });
  for (const [index, status] of (['paid', 'refunded', 'paid', 'pending'] as const).entries()) {
    await prisma.order.create({
      data: {
        workspaceId: shop,
        number: `#${1001 + index}`,
        email: index % 2 ? 'bob@example.org' : 'ann@example.com',
        contactId: index % 2 ? null : ann.id,
        status,
        currency: 'USD',
        subtotalCents: 1000,
        totalCents: 1000,
        placedAt: new Date(Date.UTC(2024, 0, 1 + index)),
        lines: { create: [{ workspaceId: shop, title: 'Mug', quantity: index + 1, unitPriceCents: 500 }] },
      },
    });
  }
  await prisma.order.create({
    data: {
      workspaceId: other,
      number: '#1001',
      email: 'ann@example.com',
      status: 'paid',
      currency: 'USD',
      subtotalCents: 1,
      totalCents: 1,
      placedAt: new Date(),
    },
  });
}, 60_000);
afterAll(async () => database.drop());

describe('listOrders', () => {
  it('lists a workspace’s orders newest first, a page at a time, with line and unit counts', async () => {
    const first = await listOrders(database.prisma, shop, { offset: 0, limit: 3 });
    expect(first.items.map((order) => [order.number, order.lineCount, order.unitCount])).toEqual([
      ['#1004', 1, 4],
      ['#1003', 1, 3],
      ['#1002', 1, 2],
    ]);
    expect(first.hasMore).toBe(true);
    const second = await listOrders(database.prisma, shop, { offset: 3, limit: 3 });
    expect(second.items.map((order) => order.number)).toEqual(['#1001']);
    expect(second.hasMore).toBe(false);
  });

  it('filters by status, by any spelling of a number, or by part of an email', async () => {
    const numbers = async (listing: { query?: string; status?: 'paid' | 'refunded' }) =>
      (await listOrders(database.prisma, shop, { offset: 0, limit: 10, ...listing })).items.map(
        (order) => order.number,
      );
    expect(await numbers({ status: 'paid' })).toEqual(['#1003', '#1001']);
    expect(await numbers({ query: '1002' })).toEqual(['#1002']);
    expect(await numbers({ query: 'BOB@' })).toEqual(['#1004', '#1002']);
    expect(await numbers({ query: 'example.com', status: 'paid' })).toEqual(['#1003', '#1001']);
    expect(await listOrders(database.prisma, other, { offset: 0, limit: 10, query: 'bob' })).toEqual({
      items: [],
      hasMore: false,
    });
  });
});
