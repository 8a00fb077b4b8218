import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/platform/logger';
import { createProgress } from '../../server/src/platform/progress';
import { createTestDatabase, type TestDatabase } from '../../server/src/testing/test-database';
import { generateDemoStore } from './demo-store.data';
import { demoCredentials, seedDemoStore } from './demo-store.seed';

const deps = { log: createLogger({ level: 'silent' }), progress: createProgress(process.stdout, false) };
const store = generateDemoStore({ productCount: 40 });
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

describe('seedDemoStore', () => {
  it('writes the whole demo store with working credentials and search', async () => {
    const access = await seedDemoStore(database.prisma, { ...deps, store });
    expect(access.widgetKey).toMatch(/^pk_demo_[A-Za-z0-9_-]{16}$/);
    expect(access.email).toBe(demoCredentials.email);

    const prisma = database.prisma;
    const workspace = await prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
    expect(workspace.name).toBe('Demo Outfitters');
    expect(await prisma.product.count({ where: { workspaceId: workspace.id } })).toBe(store.products.length);
    expect(await prisma.variant.count()).toBe(
      store.products.reduce((sum, product) => sum + product.variants.length, 0),
    );
    expect(await prisma.order.count()).toBe(store.orders.length);
    expect(await prisma.orderLine.count()).toBe(store.orders.reduce((sum, order) => sum + order.lines.length, 0));
    expect(await prisma.knowledgeArticle.count()).toBe(store.workspace.policies.length + store.workspace.faq.length);
    const revenue = await prisma.order.aggregate({ _sum: { totalCents: true } });
    expect(revenue._sum.totalCents).toBe(store.orders.reduce((sum, order) => sum + order.totalCents, 0));
    const linesWithoutProduct = await prisma.orderLine.count({
      where: { OR: [{ productId: null }, { variantId: null }] },
    });
    expect(linesWithoutProduct).toBe(0);

    const owner = await prisma.user.findUniqueOrThrow({
      where: { email: demoCredentials.email },
      include: { memberships: true },
    });
    expect(owner.memberships).toEqual([expect.objectContaining({ workspaceId: workspace.id, role: 'owner' })]);
    expect(await verify(owner.passwordHash as string, demoCredentials.password)).toBe(true);

    // The trigger keeps the search document current, so stemmed full-text search works at once.
    const jacket = store.products.find((product) => /jacket/i.test(product.title));
    expect(jacket).toBeDefined();
    const found = await prisma.$queryRaw<{ title: string }[]>`
      SELECT title FROM "Product"
      WHERE "workspaceId" = ${workspace.id}::uuid AND "searchVector" @@ websearch_to_tsquery('english', 'jackets')`;
    expect(found.map((row) => row.title)).toContain(jacket?.title);
    const policies = await prisma.$queryRaw<{ topic: string }[]>`
      SELECT topic FROM "KnowledgeArticle" WHERE "searchVector" @@ websearch_to_tsquery('english', 'refund return')`;
    expect(policies.map((row) => row.topic)).toContain('returns');

    // Conversations for the admin's first look: messages numbered from 1, some orders attributed.
    const conversations = await prisma.conversation.count({ where: { workspaceId: workspace.id } });
    expect(conversations).toBeGreaterThan(100);
    const gaps = await prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "Conversation" c
      WHERE c."lastSeq" <> (SELECT count(*) FROM "Message" m WHERE m."conversationId" = c.id)`;
    expect(Number(gaps[0]?.count)).toBe(0);
    expect(await prisma.order.count({ where: { conversationId: { not: null } } })).toBeGreaterThan(0);
    expect(await prisma.conversation.count({ where: { status: 'waiting' } })).toBe(2);
  });

  it('does nothing the second time', async () => {
    const before = await database.prisma.order.count();
    const first = await database.prisma.widgetKey.findFirstOrThrow();
    const again = await seedDemoStore(database.prisma, { ...deps, store });
    expect(again.widgetKey).toBe(first.publicKey);
    expect(await database.prisma.order.count()).toBe(before);
    expect(await database.prisma.workspace.count()).toBe(1);
  });
});
