import type { PrismaClient } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { listOrdersForCustomer, lookupOrder } from './index';

let database: TestDatabase;
let shopA: string;
let shopB: string;

interface SeedOrder {
  number: string;
  email: string | null;
  placedAt: string;
  lines?: Array<{ title: string; quantity: number }>;
  tracking?: boolean;
}

async function seedOrders(prisma: PrismaClient, slug: string, orders: SeedOrder[]): Promise<string> {
  const workspace = await prisma.workspace.create({ data: { name: slug, slug } });
  for (const order of orders) {
    await prisma.order.create({
      data: {
        workspaceId: workspace.id,
        number: order.number,
        email: order.email,
        status: order.tracking ? 'fulfilled' : 'paid',
        currency: 'USD',
        subtotalCents: 15800,
        totalCents: 16495,
        shippingCity: 'Portland',
        shippingRegion: 'OR',
        shippingCountry: 'US',
        placedAt: new Date(order.placedAt),
        ...(order.tracking
          ? { trackingCompany: 'UPS', trackingNumber: '1Z999AA1', trackingUrl: 'https://ups.example/1Z999AA1' }
          : {}),
        lines: {
          create: (order.lines ?? [{ title: 'Gift Card', quantity: 1 }]).map((line) => ({
            ...line,
            workspaceId: workspace.id,
            unitPriceCents: 1000,
          })),
        },
      },
    });
  }
  return workspace.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  shopA = await seedOrders(database.prisma, 'shop-a', [
    {
      number: '#1042',
      email: 'Ana.Lopez@Example.com',
      placedAt: '2026-03-01T10:00:00Z',
      tracking: true,
      lines: [
        { title: 'Alpine Rain Jacket — M', quantity: 1 },
        { title: 'Merino Socks', quantity: 3 },
      ],
    },
    { number: '#1043', email: 'bob@example.com', placedAt: '2026-03-02T10:00:00Z' },
    { number: '1044', email: ' ana.lopez@example.com ', placedAt: '2026-03-05T10:00:00Z' },
    { number: '#1045', email: null, placedAt: '2026-03-06T10:00:00Z' },
  ]);
  // Shop B reuses the number #1042 (another customer) and has an order of Ana's.
  shopB = await seedOrders(database.prisma, 'shop-b', [
    { number: '#1042', email: 'eve@example.com', placedAt: '2026-03-01T10:00:00Z' },
    { number: '#2001', email: 'ana.lopez@example.com', placedAt: '2026-03-03T10:00:00Z' },
  ]);
});
afterAll(async () => {
  await database.drop();
});

const lookup = (workspaceId: string, orderNumber: string, email: string) =>
  lookupOrder(database.prisma, workspaceId, { orderNumber, email });

describe('lookupOrder', () => {
  it('reveals an order to its email, in any case or spacing, by any spelling of its number', async () => {
    for (const [number, email] of [
      ['#1042', 'ana.lopez@example.com'],
      ['1042', 'ANA.LOPEZ@EXAMPLE.COM'],
      [' #1042 ', '  Ana.Lopez@example.com '],
    ] as const) {
      expect(await lookup(shopA, number, email)).toEqual({
        number: '#1042',
        status: 'fulfilled',
        placedAt: '2026-03-01T10:00:00.000Z',
        total: '164.95',
        currency: 'USD',
        items: [
          { title: 'Alpine Rain Jacket — M', quantity: 1 },
          { title: 'Merino Socks', quantity: 3 },
        ],
        tracking: { carrier: 'UPS', number: '1Z999AA1', url: 'https://ups.example/1Z999AA1' },
      });
    }
    // Stored without "#", asked with it.
    expect(await lookup(shopA, '#1044', 'ana.lopez@example.com')).toMatchObject({ number: '1044', tracking: null });
  });

  it('reveals nothing for a wrong email, a wrong number or a wildcard', async () => {
    expect(await lookup(shopA, '#1042', 'bob@example.com')).toBeNull();
    expect(await lookup(shopA, '#1043', 'ana.lopez@example.com')).toBeNull();
    expect(await lookup(shopA, '#9999', 'ana.lopez@example.com')).toBeNull();
    expect(await lookup(shopA, '#1042', '%')).toBeNull();
    expect(await lookup(shopA, '#1042', '%@example.com')).toBeNull();
    expect(await lookup(shopA, '#1042', 'ana.lopez@example.co_')).toBeNull();
    expect(await lookup(shopA, '#1045', '')).toBeNull();
    expect(await lookup(shopA, '', 'ana.lopez@example.com')).toBeNull();
  });

  it('answers a wrong email exactly like a missing order: same result, same queries', async () => {
    const calls: string[] = [];
    const counting = new Proxy(database.prisma, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property === '$queryRaw') {
          return (...args: unknown[]) => {
            calls.push('$queryRaw');
            return (value as (...inner: unknown[]) => unknown).apply(target, args);
          };
        }
        if (property === 'order') calls.push('order');
        return value;
      },
    }) as PrismaClient;
    const wrongEmail = await lookupOrder(counting, shopA, { orderNumber: '#1042', email: 'eve@example.com' });
    const wrongEmailCalls = calls.splice(0);
    const missing = await lookupOrder(counting, shopA, { orderNumber: '#7777', email: 'eve@example.com' });
    expect(wrongEmail).toBeNull();
    expect(missing).toBeNull();
    expect(calls).toEqual(wrongEmailCalls);
    expect(calls).toEqual(['$queryRaw']);
  });

  it('never reveals another workspace’s order', async () => {
    // B's #1042 with B's customer's email, and Ana's order in B, asked of shop A.
    expect(await lookup(shopA, '#1042', 'eve@example.com')).toBeNull();
    expect(await lookup(shopA, '#2001', 'ana.lopez@example.com')).toBeNull();
    // And the other way round.
    expect(await lookup(shopB, '#1042', 'ana.lopez@example.com')).toBeNull();
    expect(await lookup(shopB, '#1042', 'eve@example.com')).toMatchObject({ number: '#1042', tracking: null });
  });
});

describe('listOrdersForCustomer', () => {
  it('lists a verified customer’s orders in this workspace, newest first', async () => {
    const orders = await listOrdersForCustomer(database.prisma, shopA, ' ANA.LOPEZ@example.com');
    expect(orders.map((order) => order.number)).toEqual(['1044', '#1042']);
    expect(
      (await listOrdersForCustomer(database.prisma, shopA, 'ana.lopez@example.com', 1)).map((o) => o.number),
    ).toEqual(['1044']);
    expect((await listOrdersForCustomer(database.prisma, shopB, 'ana.lopez@example.com')).map((o) => o.number)).toEqual(
      ['#2001'],
    );
  });

  it('lists nothing for wildcards or addresses without orders', async () => {
    expect(await listOrdersForCustomer(database.prisma, shopA, '%')).toEqual([]);
    expect(await listOrdersForCustomer(database.prisma, shopA, '%@example.com')).toEqual([]);
    expect(await listOrdersForCustomer(database.prisma, shopA, 'nobody@example.com')).toEqual([]);
  });
});
