import type { OrderStatus, Prisma, PrismaClient } from '@prisma/client';

/**
 * Order rows from a team's own system. An order is matched by its externalId
 * and replaced whole, lines included, in one transaction, so a reader never
 * sees an order with half its lines. The conversation an order is attributed
 * to is kept: it is ours, not the sender's.
 */
export interface StoredOrder {
  externalId: string;
  number: string;
  email: string | null;
  contactId: string | null;
  status: OrderStatus;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  shippingCity: string | null;
  shippingRegion: string | null;
  shippingCountry: string | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  placedAt: Date;
}

export interface StoredOrderLine {
  productId: string | null;
  variantId: string | null;
  title: string;
  sku: string | null;
  quantity: number;
  unitPriceCents: number;
}

/**
 * Writes one order and replaces its lines inside the caller's transaction (the
 * REST API's own, or a webhook's). `conversationId` attributes the order when
 * given; an attribution already stored is never removed.
 */
export async function writeOrder(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  order: StoredOrder,
  lines: StoredOrderLine[],
  attribution: { conversationId: string | null } = { conversationId: null },
): Promise<{ id: string; created: boolean }> {
  const existing = await tx.order.findUnique({
    where: { workspaceId_externalId: { workspaceId, externalId: order.externalId } },
    select: { id: true },
  });
  const data = attribution.conversationId ? { ...order, conversationId: attribution.conversationId } : order;
  const saved = existing
    ? await tx.order.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.order.create({ data: { ...data, workspaceId }, select: { id: true } });
  if (existing) await tx.orderLine.deleteMany({ where: { workspaceId, orderId: saved.id } });
  await tx.orderLine.createMany({ data: lines.map((line) => ({ ...line, workspaceId, orderId: saved.id })) });
  return { id: saved.id, created: !existing };
}

/** `writeOrder` in a transaction of its own. */
export async function saveOrder(
  prisma: PrismaClient,
  workspaceId: string,
  order: StoredOrder,
  lines: StoredOrderLine[],
): Promise<{ id: string; created: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => writeOrder(tx, workspaceId, order, lines));
    } catch (error) {
      // A concurrent writer created the same externalId between our read and insert: update it instead.
      if ((error as { code?: string }).code !== 'P2002' || attempt >= 2) throw error;
    }
  }
}

export interface CatalogVariantRef {
  id: string;
  productId: string;
  title: string;
  sku: string | null;
  productTitle: string;
}

export interface CatalogRefs {
  productsByExternalId: Map<string, { id: string; title: string }>;
  variantsByExternalId: Map<string, CatalogVariantRef>;
  variantsBySku: Map<string, CatalogVariantRef[]>;
}

/** Every product and variant a batch of lines names, in three queries however many lines there are. */
export async function findCatalogRefs(
  prisma: PrismaClient,
  workspaceId: string,
  names: { productExternalIds: string[]; variantExternalIds: string[]; skus: string[] },
): Promise<CatalogRefs> {
  const variantSelect = {
    id: true,
    productId: true,
    title: true,
    sku: true,
    externalId: true,
    product: { select: { title: true } },
  } as const;
  const [products, variantsByExternalId, variantsBySku] = await Promise.all([
    names.productExternalIds.length === 0
      ? []
      : prisma.product.findMany({
          where: { workspaceId, externalId: { in: names.productExternalIds } },
          select: { id: true, title: true, externalId: true },
        }),
    names.variantExternalIds.length === 0
      ? []
      : prisma.variant.findMany({
          where: { workspaceId, externalId: { in: names.variantExternalIds } },
          select: variantSelect,
        }),
    names.skus.length === 0
      ? []
      : prisma.variant.findMany({ where: { workspaceId, sku: { in: names.skus } }, select: variantSelect }),
  ]);
  const toRef = (variant: (typeof variantsBySku)[number]): CatalogVariantRef => ({
    id: variant.id,
    productId: variant.productId,
    title: variant.title,
    sku: variant.sku,
    productTitle: variant.product.title,
  });
  const bySku = new Map<string, CatalogVariantRef[]>();
  for (const variant of variantsBySku) {
    const sku = variant.sku as string;
    bySku.set(sku, [...(bySku.get(sku) ?? []), toRef(variant)]);
  }
  return {
    productsByExternalId: new Map(products.map((product) => [product.externalId as string, product])),
    variantsByExternalId: new Map(
      variantsByExternalId.map((variant) => [variant.externalId as string, toRef(variant)]),
    ),
    variantsBySku: bySku,
  };
}
