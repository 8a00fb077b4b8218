import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { findCustomerOrder } from './index';

/** A signed-in customer's own orders: found through the contact carrying their Shopify customer GID, nothing else. */
let database: TestDatabase;
let shopA: string;
let shopB: string;
const ana = 'gid://shopify/Customer/501';
const ben = 'gid://shopify/Customer/502';

async function seedShop(slug: string, orders: Array<{ number: string; placedAt: string; customer: string | null }>) {
  const prisma = database.prisma;
  const workspace = await prisma.workspace.create({ data: { name: slug, slug } });
  for (const order of orders) {
    const contact = order.customer
      ? await prisma.contact.upsert({
          where: { workspaceId_externalId: { workspaceId: workspace.id, externalId: order.customer } },
          create: { workspaceId: workspace.id, externalId: order.customer, source: 'shopify' },
          update: {},
        })
      : null;
    await prisma.order.create({
      data: {
        workspaceId: workspace.id,
        number: order.number,
        contactId: contact?.id ?? null,
        email: 'same.person@example.com',
        status: 'paid',
        currency: 'EUR',
        subtotalCents: 5_000,
        totalCents: 5_000,
        placedAt: new Date(order.placedAt),
        lines: { create: { workspaceId: workspace.id, title: 'Wool Beanie', quantity: 2, unitPriceCents: 2_500 } },
      },
    });
  }
  return workspace.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  shopA = await seedShop('customers-a', [
    { number: '#2001', placedAt: '2026-01-01T00:00:00Z', customer: ana },
    { number: '#2002', placedAt: '2026-02-01T00:00:00Z', customer: ana },
    { number: '#2003', placedAt: '2026-03-01T00:00:00Z', customer: ben },
    // A guest checkout with Ana's email but no customer: her sign-in does not reach it.
    { number: '#2004', placedAt: '2026-04-01T00:00:00Z', customer: null },
  ]);
  // The same GID in another shop is another person's account there.
  shopB = await seedShop('customers-b', [{ number: '#2005', placedAt: '2026-05-01T00:00:00Z', customer: ana }]);
});
afterAll(async () => database.drop());

const find = (workspaceId: string, shopifyCustomerId: string, orderNumber?: string) =>
  findCustomerOrder(database.prisma, workspaceId, { shopifyCustomerId, orderNumber });

describe('findCustomerOrder', () => {
  it("returns the customer's latest order, or the one they name however they type it", async () => {
    expect(await find(shopA, ana)).toMatchObject({ number: '#2002', items: [{ title: 'Wool Beanie', quantity: 2 }] });
    expect((await find(shopA, ana, ' # 2001 '))?.number).toBe('#2001');
    expect((await find(shopA, ana, '2001'))?.number).toBe('#2001');
    expect((await find(shopB, ana))?.number).toBe('#2005');
  });

  it("never returns another customer's, a guest's or another shop's order", async () => {
    expect(await find(shopA, ana, '#2003')).toBeNull();
    expect(await find(shopA, ana, '#2004')).toBeNull();
    expect(await find(shopA, ana, '#2005')).toBeNull();
    expect(await find(shopB, ana, '#2002')).toBeNull();
    expect(await find(shopA, 'gid://shopify/Customer/999')).toBeNull();
  });

  it('asks the database nothing for input that is no customer or no order number', async () => {
    expect(await find(shopA, '501')).toBeNull();
    expect(await find(shopA, 'gid://shopify/Customer/%')).toBeNull();
    expect(await find(shopA, ana, '%')).toBeNull();
    expect(await find(shopA, ana, "#2001' OR '1'='1")).toBeNull();
  });
});
