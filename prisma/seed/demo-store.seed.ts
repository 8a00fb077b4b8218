import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { Logger } from '../../server/src/platform/logger';
import type { Progress } from '../../server/src/platform/progress';
import { generateDemoConversations } from './demo-conversations.data';
import { DEMO_DEFAULT_SEED, generateDemoStore } from './demo-store.data';
import type { DemoStore } from './demo-store.types';

/**
 * Writes the generated demo store ("Demo Outfitters") on first start. All of it
 * goes in one transaction: a start killed half-way leaves no half a store, and
 * the next start simply seeds again.
 */
export const demoCredentials = { email: 'demo@example.com', password: 'closer-demo' } as const;

export interface DemoAccess {
  email: string;
  password: string;
  widgetKey: string;
}

type Tx = Prisma.TransactionClient;

const batchSize = 500;

export async function seedDemoStore(
  prisma: PrismaClient,
  deps: { progress: Progress; log: Logger; store?: DemoStore },
): Promise<DemoAccess> {
  const existing = await findDemoAccess(prisma);
  if (existing) return existing;
  return deps.progress.step('Seeding the demo store (first start only)', async (update) => {
    const store = deps.store ?? generateDemoStore();
    const passwordHash = await hash(demoCredentials.password);
    const widgetKey = `pk_demo_${randomBytes(12).toString('base64url')}`;
    await prisma.$transaction(
      async (tx) => {
        const workspaceId = await createWorkspace(tx, store, passwordHash, widgetKey);
        const productIds = await insertCatalog(tx, workspaceId, store);
        const saved = await insertOrders(tx, workspaceId, store, productIds, update);
        await insertConversations(tx, workspaceId, store, saved);
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    deps.log.debug({ products: store.products.length, orders: store.orders.length }, 'demo store seeded');
    return { ...demoCredentials, widgetKey };
  });
}

export async function findDemoAccess(prisma: PrismaClient): Promise<DemoAccess | undefined> {
  const workspace = await prisma.workspace.findFirst({
    where: { isDemo: true },
    select: { widgetKeys: { where: { revokedAt: null }, take: 1, select: { publicKey: true } } },
  });
  const widgetKey = workspace?.widgetKeys[0]?.publicKey;
  return widgetKey ? { ...demoCredentials, widgetKey } : undefined;
}

async function createWorkspace(tx: Tx, store: DemoStore, passwordHash: string, widgetKey: string): Promise<string> {
  const workspace = await tx.workspace.create({
    data: {
      name: store.workspace.name,
      slug: 'demo-outfitters',
      currency: store.workspace.currency,
      timezone: store.workspace.timezone,
      isDemo: true,
      settings: {
        assistant: {
          name: 'Ava',
          greeting:
            'Hi! I can help you find the right gear, check an order or answer questions about shipping and returns.',
          tone: 'friendly',
        },
        branding: { primaryColor: '#1f4e79', position: 'bottom-right' },
      },
      widgetKeys: { create: { publicKey: widgetKey, allowedOrigins: [] } },
    },
  });
  const user = await tx.user.upsert({
    where: { email: demoCredentials.email },
    create: { email: demoCredentials.email, name: 'Demo Owner', passwordHash },
    update: {},
  });
  await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'owner' } });
  await tx.knowledgeArticle.createMany({
    data: [
      ...store.workspace.policies.map((policy) => ({
        workspaceId: workspace.id,
        kind: 'policy' as const,
        topic: policy.kind,
        title: policy.title,
        body: policy.body,
      })),
      ...store.workspace.faq.map((entry) => ({
        workspaceId: workspace.id,
        kind: 'faq' as const,
        title: entry.question,
        body: entry.answer,
      })),
    ],
  });
  return workspace.id;
}

/** Returns the database ids of products and variants, keyed by their external ids. */
async function insertCatalog(tx: Tx, workspaceId: string, store: DemoStore) {
  const products = await tx.product.createManyAndReturn({
    select: { id: true, externalId: true },
    data: store.products.map((product) => ({
      workspaceId,
      externalId: product.externalId,
      handle: product.handle,
      title: product.title,
      description: product.description,
      category: product.category,
      vendor: product.vendor,
      tags: product.tags,
      imageUrl: product.imageUrl,
      url: `/demo/products/${product.handle}`,
      status: product.status,
      currency: store.workspace.currency,
      minPriceCents: Math.min(...product.variants.map((variant) => variant.priceCents)),
      sourceCreatedAt: product.createdAt,
    })),
  });
  const productIds = new Map(products.map((product) => [product.externalId as string, product.id]));
  const variants = await tx.variant.createManyAndReturn({
    select: { id: true, externalId: true },
    data: store.products.flatMap((product) =>
      product.variants.map((variant, position) => ({
        workspaceId,
        productId: productIds.get(product.externalId) as string,
        externalId: variant.externalId,
        sku: variant.sku,
        title: variant.title,
        options: variant.options,
        priceCents: variant.priceCents,
        compareAtPriceCents: variant.compareAtPriceCents,
        inventory: variant.inventory,
        position,
      })),
    ),
  });
  const variantIds = new Map(variants.map((variant) => [variant.externalId as string, variant.id]));
  return { productIds, variantIds };
}

async function insertOrders(
  tx: Tx,
  workspaceId: string,
  store: DemoStore,
  ids: { productIds: Map<string, string>; variantIds: Map<string, string> },
  update: (done: number, total: number) => void,
): Promise<SavedOrders> {
  const contactIds = await insertContacts(tx, workspaceId, store);
  const allOrderIds = new Map<string, string>();
  const total = store.orders.length;
  for (let start = 0; start < total; start += batchSize) {
    const batch = store.orders.slice(start, start + batchSize);
    const orders = await tx.order.createManyAndReturn({
      select: { id: true, externalId: true },
      data: batch.map((order) => {
        const subtotalCents = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
        return {
          workspaceId,
          externalId: order.externalId,
          number: order.number,
          contactId: contactIds.get(order.email) ?? null,
          email: order.email,
          status: order.status,
          currency: order.currency,
          subtotalCents,
          discountCents: order.discountCents,
          totalCents: order.totalCents,
          shippingCity: order.shippingCity,
          shippingRegion: order.shippingRegion,
          shippingCountry: order.shippingCountry,
          placedAt: order.createdAt,
        };
      }),
    });
    const orderIds = new Map(orders.map((order) => [order.externalId as string, order.id]));
    for (const [externalId, id] of orderIds) allOrderIds.set(externalId, id);
    await tx.orderLine.createMany({
      data: batch.flatMap((order) =>
        order.lines.map((line) => ({
          workspaceId,
          orderId: orderIds.get(order.externalId) as string,
          productId: ids.productIds.get(line.productExternalId) ?? null,
          variantId: ids.variantIds.get(line.variantExternalId) ?? null,
          title: line.title,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
        })),
      ),
    });
    update(Math.min(start + batchSize, total), total);
  }
  return { orderIds: allOrderIds, contactIds };
}

interface SavedOrders {
  /** By external id. */
  orderIds: Map<string, string>;
  /** By email. */
  contactIds: Map<string, string>;
}

/** Conversations with their messages, summaries and the orders they led to (see demo-conversations.data.ts). */
async function insertConversations(tx: Tx, workspaceId: string, store: DemoStore, saved: SavedOrders) {
  const latestOrder = Math.max(...store.orders.map((order) => order.createdAt.getTime()));
  const conversations = generateDemoConversations(store, { seed: DEMO_DEFAULT_SEED, endDate: new Date(latestOrder) });
  for (let start = 0; start < conversations.length; start += batchSize) {
    const batch = conversations.slice(start, start + batchSize);
    const rows = await tx.conversation.createManyAndReturn({
      select: { id: true, visitorId: true },
      data: batch.map((conversation) => {
        const last = conversation.messages.at(-1)?.after ?? 0;
        const lastMessageAt = new Date(conversation.startedAt.getTime() + last * 1000);
        return {
          workspaceId,
          visitorId: conversation.visitorId,
          contactId: conversation.contactEmail ? (saved.contactIds.get(conversation.contactEmail) ?? null) : null,
          status: conversation.status,
          lastSeq: conversation.messages.length,
          locale: 'en',
          summary: conversation.status === 'closed' ? conversation.summary : null,
          intent: conversation.status === 'closed' ? conversation.intent : null,
          sentiment: conversation.status === 'closed' ? conversation.sentiment : null,
          analyzedAt: conversation.status === 'closed' ? lastMessageAt : null,
          lastMessageAt,
          closedAt: conversation.status === 'closed' ? lastMessageAt : null,
          createdAt: conversation.startedAt,
        };
      }),
    });
    const idOf = new Map(rows.map((row) => [row.visitorId, row.id]));
    await tx.message.createMany({
      data: batch.flatMap((conversation) =>
        conversation.messages.map((message, position) => ({
          workspaceId,
          conversationId: idOf.get(conversation.visitorId) as string,
          seq: position + 1,
          role: message.role,
          text: message.text,
          createdAt: new Date(conversation.startedAt.getTime() + message.after * 1000),
        })),
      ),
    });
    for (const conversation of batch) {
      const orderId = conversation.orderExternalId ? saved.orderIds.get(conversation.orderExternalId) : undefined;
      if (orderId) {
        await tx.order.update({ where: { id: orderId }, data: { conversationId: idOf.get(conversation.visitorId) } });
      }
    }
  }
}

async function insertContacts(tx: Tx, workspaceId: string, store: DemoStore): Promise<Map<string, string>> {
  const byEmail = new Map<string, string>();
  for (const order of store.orders) if (!byEmail.has(order.email)) byEmail.set(order.email, order.customerName);
  const ids = new Map<string, string>();
  const entries = [...byEmail.entries()];
  for (let start = 0; start < entries.length; start += batchSize) {
    const contacts = await tx.contact.createManyAndReturn({
      select: { id: true, email: true },
      data: entries.slice(start, start + batchSize).map(([email, name]) => ({
        workspaceId,
        email,
        name,
        source: 'order_import',
      })),
    });
    for (const contact of contacts) ids.set(contact.email as string, contact.id);
  }
  return ids;
}
