import type { PrismaClient } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { listPolicies, searchKnowledge } from './index';

let database: TestDatabase;
let shopA: string;
let shopB: string;

const articles = [
  {
    kind: 'policy' as const,
    topic: 'shipping',
    title: 'Shipping Policy',
    body: 'Orders ship within one business day. Standard delivery takes 3–5 business days and is free over $75. Express delivery costs $14.95. You get a tracking link by email.',
  },
  {
    kind: 'policy' as const,
    topic: 'returns',
    title: 'Returns & Exchanges',
    body: 'Unworn items can be returned within 30 days of delivery for a full refund. Exchanges for another size are free. Start a return on our website and we email you a prepaid label.',
  },
  {
    kind: 'policy' as const,
    topic: 'warranty',
    title: 'Warranty & Repairs',
    body: 'Jackets and bags are covered for 2 years against defects. Our repair service fixes zips and seams.',
  },
  {
    kind: 'faq' as const,
    topic: null,
    title: 'Do you ship internationally?',
    body: 'Yes, we ship to 40 countries. Duties are calculated at checkout.',
  },
  {
    kind: 'faq' as const,
    topic: null,
    title: 'How do I track my order?',
    body: 'Use the tracking link in your shipping confirmation email.',
  },
  {
    kind: 'page' as const,
    topic: null,
    title: 'About us',
    body: 'A family business from Portland, making outdoor gear since 1998.',
  },
];

async function seedKnowledge(prisma: PrismaClient, slug: string, extra: typeof articles = []): Promise<string> {
  const workspace = await prisma.workspace.create({ data: { name: slug, slug } });
  await prisma.knowledgeArticle.createMany({
    data: [...articles, ...extra].map((article) => ({ ...article, workspaceId: workspace.id })),
  });
  return workspace.id;
}

const titles = (hits: Array<{ title: string }>) => hits.map((hit) => hit.title);

beforeAll(async () => {
  database = await createTestDatabase();
  shopA = await seedKnowledge(database.prisma, 'shop-a');
  shopB = await seedKnowledge(database.prisma, 'shop-b', [
    {
      kind: 'policy',
      topic: 'wholesale',
      title: 'Wholesale Terms',
      body: 'Resellers get 40 % off orders over 50 units.',
    },
  ]);
});
afterAll(async () => {
  await database.drop();
});

describe('searchKnowledge', () => {
  it('finds the returns policy for the way shoppers ask', async () => {
    for (const question of ['can I send it back', 'Can I get my money back?', 'I want to return my jacket', 'refund']) {
      expect(titles(await searchKnowledge(database.prisma, shopA, question))[0]).toBe('Returns & Exchanges');
    }
  });

  it('finds shipping answers for delivery questions', async () => {
    expect(titles(await searchKnowledge(database.prisma, shopA, 'how long does delivery take?'))[0]).toBe(
      'Shipping Policy',
    );
    expect(titles(await searchKnowledge(database.prisma, shopA, 'where is my package'))).toContain(
      'How do I track my order?',
    );
  });

  it('puts articles with all the words first', async () => {
    const hits = await searchKnowledge(database.prisma, shopA, 'ship internationally');
    expect(hits[0]?.title).toBe('Do you ship internationally?');
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('survives typos', async () => {
    expect(titles(await searchKnowledge(database.prisma, shopA, 'refnud'))[0]).toBe('Returns & Exchanges');
    expect(titles(await searchKnowledge(database.prisma, shopA, 'warrenty'))[0]).toBe('Warranty & Repairs');
  });

  it('filters by kind and honours the limit', async () => {
    const faq = await searchKnowledge(database.prisma, shopA, 'shipping tracking delivery', { kind: 'faq', limit: 10 });
    expect(faq.length).toBeGreaterThan(0);
    expect(faq.every((hit) => hit.kind === 'faq')).toBe(true);
    expect(
      await searchKnowledge(database.prisma, shopA, 'shipping delivery returns refund repairs tracking'),
    ).toHaveLength(3);
    expect(
      await searchKnowledge(database.prisma, shopA, 'shipping delivery returns refund', { limit: 1 }),
    ).toHaveLength(1);
  });

  it('returns nothing for text without words and treats operators as text', async () => {
    expect(await searchKnowledge(database.prisma, shopA, '  ?! ')).toEqual([]);
    for (const query of ['\'; DELETE FROM "KnowledgeArticle"; --', 'return & | ! (', '"unclosed']) {
      await expect(searchKnowledge(database.prisma, shopA, query)).resolves.toBeInstanceOf(Array);
    }
    expect(await database.prisma.knowledgeArticle.count({ where: { workspaceId: shopA } })).toBe(articles.length);
  });

  it('never returns another workspace’s articles', async () => {
    expect(await searchKnowledge(database.prisma, shopA, 'wholesale terms resellers')).toEqual([]);
    expect(titles(await searchKnowledge(database.prisma, shopB, 'wholesale terms'))).toEqual(['Wholesale Terms']);
    const ownIds = new Set(
      (await database.prisma.knowledgeArticle.findMany({ where: { workspaceId: shopA } })).map((article) => article.id),
    );
    for (const question of ['can I send it back', 'shipping', 'warranty repairs', 'about']) {
      for (const hit of await searchKnowledge(database.prisma, shopA, question, { limit: 10 })) {
        expect(ownIds.has(hit.id)).toBe(true);
      }
    }
  });
});

describe('listPolicies', () => {
  it('lists the workspace’s policies by topic', async () => {
    expect(titles(await listPolicies(database.prisma, shopA))).toEqual([
      'Returns & Exchanges',
      'Shipping Policy',
      'Warranty & Repairs',
    ]);
    expect(titles(await listPolicies(database.prisma, shopB))).toContain('Wholesale Terms');
  });
});
