import type { Prisma } from '@prisma/client';
import { type StoredOrder, writeOrder } from '../orders';
import type { MappedOrder, MappedProduct } from './shopify-payload.mapper';

/**
 * Writes Shopify's products and orders into a workspace, keyed by Shopify GID
 * (`externalId`). Every query names the workspace: the shop domain that the
 * HMAC vouched for picks it, never an id inside the payload.
 */
type Tx = Prisma.TransactionClient;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function upsertShopifyProduct(
  tx: Tx,
  workspace: { id: string; currency: string },
  product: MappedProduct,
): Promise<string> {
  const { variants, ...fields } = product;
  const data = { ...fields, currency: workspace.currency };
  const saved = await tx.product.upsert({
    where: { workspaceId_externalId: { workspaceId: workspace.id, externalId: product.externalId } },
    create: { ...data, workspaceId: workspace.id },
    update: data,
    select: { id: true },
  });
  for (const variant of variants) {
    await tx.variant.upsert({
      where: { workspaceId_externalId: { workspaceId: workspace.id, externalId: variant.externalId } },
      create: { ...variant, workspaceId: workspace.id, productId: saved.id },
      update: { ...variant, productId: saved.id },
    });
  }
  // A products/update payload lists every variant: the ones it leaves out were deleted in Shopify.
  await tx.variant.deleteMany({
    where: {
      workspaceId: workspace.id,
      productId: saved.id,
      externalId: { notIn: variants.map((variant) => variant.externalId) },
    },
  });
  return saved.id;
}

/**
 * Archived rather than deleted: order lines keep pointing at the product, so
 * its sales history still feeds the forecasts; the assistant only offers
 * active products.
 */
export async function archiveShopifyProduct(tx: Tx, workspaceId: string, externalId: string): Promise<boolean> {
  const { count } = await tx.product.updateMany({ where: { workspaceId, externalId }, data: { status: 'archived' } });
  return count > 0;
}

/** `stale`: the stored order was newer and was kept. */
export interface OrderWrite {
  id: string;
  stale: boolean;
}

/**
 * Writes an order unless the stored copy is newer: Shopify does not promise
 * to deliver `orders/updated` in order, and the import can read an order
 * just before a webhook changes it. The stored row is locked first, so two
 * deliveries of one order cannot both pass the check.
 */
export async function upsertShopifyOrder(tx: Tx, workspaceId: string, order: MappedOrder): Promise<OrderWrite> {
  const [current] = await tx.$queryRaw<Array<{ id: string; sourceUpdatedAt: Date | null }>>`
    SELECT id, "sourceUpdatedAt" FROM "Order"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "externalId" = ${order.externalId}
    FOR UPDATE`;
  if (current?.sourceUpdatedAt && order.sourceUpdatedAt && order.sourceUpdatedAt < current.sourceUpdatedAt) {
    return { id: current.id, stale: true };
  }
  const contactId = await resolveOrderContact(tx, workspaceId, order);
  const conversationId = await resolveAttributedConversation(tx, workspaceId, order.conversationAttribute);
  const productIds = await idsByExternalId(
    tx.product,
    workspaceId,
    order.lines.map((line) => line.productExternalId),
  );
  const variantIds = await idsByExternalId(
    tx.variant,
    workspaceId,
    order.lines.map((line) => line.variantExternalId),
  );
  const stored: StoredOrder = {
    externalId: order.externalId,
    number: order.number,
    email: order.email,
    contactId,
    status: order.status,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    totalCents: order.totalCents,
    shippingCity: order.shippingCity,
    shippingRegion: order.shippingRegion,
    shippingCountry: order.shippingCountry,
    trackingCompany: order.trackingCompany,
    trackingNumber: order.trackingNumber,
    trackingUrl: order.trackingUrl,
    placedAt: order.placedAt,
  };
  // An edit in Shopify drops the cart's note attributes less often than not, but never un-attribute an order.
  const saved = await writeOrder(
    tx,
    workspaceId,
    stored,
    order.lines.map((line) => ({
      productId: (line.productExternalId && productIds.get(line.productExternalId)) || null,
      variantId: (line.variantExternalId && variantIds.get(line.variantExternalId)) || null,
      title: line.title,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
    })),
    { conversationId },
  );
  if (order.sourceUpdatedAt) {
    await tx.order.update({
      where: { id: saved.id },
      data: { sourceUpdatedAt: order.sourceUpdatedAt },
      select: { id: true },
    });
  }
  return { id: saved.id, stale: false };
}

/**
 * Sets the stock of the variants that hold an inventory item. `quantity`
 * null means Shopify stopped tracking it ("always available"); `onlyTracked`
 * leaves untracked variants alone when the number is one location's.
 */
export async function setVariantInventory(
  tx: Tx,
  workspaceId: string,
  inventoryItemId: string,
  quantity: number | null,
  options: { onlyTracked: boolean },
): Promise<number> {
  const { count } = await tx.variant.updateMany({
    where: { workspaceId, inventoryItemId, ...(options.onlyTracked ? { inventory: { not: null } } : {}) },
    data: { inventory: quantity },
  });
  return count;
}

async function resolveOrderContact(tx: Tx, workspaceId: string, order: MappedOrder): Promise<string | null> {
  const byCustomer = order.customerExternalId
    ? await tx.contact.findUnique({
        where: { workspaceId_externalId: { workspaceId, externalId: order.customerExternalId } },
      })
    : null;
  const contact =
    byCustomer ??
    (order.email
      ? await tx.contact.findUnique({ where: { workspaceId_email: { workspaceId, email: order.email } } })
      : null);
  if (contact) {
    if (!contact.externalId && order.customerExternalId) {
      await tx.contact.update({ where: { id: contact.id }, data: { externalId: order.customerExternalId } });
    }
    return contact.id;
  }
  if (!order.email && !order.customerExternalId) return null;
  const created = await tx.contact.create({
    data: {
      workspaceId,
      email: order.email,
      externalId: order.customerExternalId,
      name: order.customerName,
      phone: order.customerPhone,
      source: 'shopify',
    },
    select: { id: true },
  });
  return created.id;
}

/** The cart attribute is shopper-controlled text: it counts only if it names a conversation of this shop. */
async function resolveAttributedConversation(
  tx: Tx,
  workspaceId: string,
  value: string | null,
): Promise<string | null> {
  if (!value || !uuidPattern.test(value)) return null;
  const conversation = await tx.conversation.findFirst({ where: { id: value, workspaceId }, select: { id: true } });
  return conversation?.id ?? null;
}

async function idsByExternalId(
  table: {
    findMany(args: {
      where: object;
      select: { id: true; externalId: true };
    }): Promise<Array<{ id: string; externalId: string | null }>>;
  },
  workspaceId: string,
  externalIds: Array<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(externalIds.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await table.findMany({
    where: { workspaceId, externalId: { in: wanted } },
    select: { id: true, externalId: true },
  });
  return new Map(rows.map((row) => [row.externalId as string, row.id]));
}
