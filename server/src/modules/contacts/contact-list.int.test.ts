import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { searchContacts } from './contact-list.repo';

/** The admin's contact list: newest first, searched by part of an email or name, one workspace only. */
let database: TestDatabase;
let shop: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  shop = (await prisma.workspace.create({ data: { name: 'Shop', slug: 'contacts-shop' } })).id;
  const other = (await prisma.workspace.create({ data: { name: 'Other', slug: 'contacts-other' } })).id;
  const ann = await prisma.contact.create({
    data: {
      workspaceId: shop,
      email: 'ann@example.com',
      name: 'Ann Lee',
      source: 'api',
      createdAt: new Date(2024, 0, 1),
    },
  });
  await prisma.contact.create({ data: { workspaceId: shop, email: 'bob@example.org', source: 'widget_lead' } });
  await prisma.contact.create({ data: { workspaceId: other, email: 'ann@other.example', name: 'Ann', source: 'api' } });
  for (const number of ['#1', '#2']) {
    await prisma.order.create({
      data: {
        workspaceId: shop,
        number,
        contactId: ann.id,
        status: 'paid',
        currency: 'USD',
        subtotalCents: 1,
        totalCents: 1,
        placedAt: new Date(),
      },
    });
  }
}, 60_000);
afterAll(async () => database.drop());

describe('searchContacts', () => {
  it('finds contacts by part of an email or name, with their order counts', async () => {
    const byName = await searchContacts(database.prisma, shop, { query: 'LEE', offset: 0, limit: 10 });
    expect(byName.items.map((contact) => [contact.email, contact.orderCount])).toEqual([['ann@example.com', 2]]);
    const byEmail = await searchContacts(database.prisma, shop, { query: 'ann@', offset: 0, limit: 10 });
    expect(byEmail.items.map((contact) => contact.email)).toEqual(['ann@example.com']);
  });

  it('pages newest first', async () => {
    const first = await searchContacts(database.prisma, shop, { offset: 0, limit: 1 });
    expect(first).toMatchObject({ items: [{ email: 'bob@example.org', orderCount: 0 }], hasMore: true });
    const second = await searchContacts(database.prisma, shop, { offset: 1, limit: 1 });
    expect(second).toMatchObject({ items: [{ email: 'ann@example.com' }], hasMore: false });
  });
});
