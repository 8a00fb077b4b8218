import type { PrismaClient } from '@prisma/client';
import type { z } from 'zod';
import { findOrCreateContactId } from '../contacts';
import {
  type OrderBulkRowResult,
  type OrderLineInput,
  OrderLineReferenceError,
  type OrderUpsert,
  orderUpsertSchema,
} from './order-write.model';
import {
  type CatalogRefs,
  findCatalogRefs,
  type StoredOrder,
  type StoredOrderLine,
  saveOrder,
} from './order-write.repo';

/**
 * Bulk upsert of orders from a team's own system. Each row is validated and
 * written on its own: a bad row is reported with its index and why, the good
 * rows around it are kept. Lines name products by externalId, variants by
 * externalId or SKU; a name this workspace does not know fails its row (send
 * the products first) rather than storing a line that forecasts cannot use.
 */
export async function bulkUpsertOrders(
  prisma: PrismaClient,
  workspaceId: string,
  rows: unknown[],
): Promise<OrderBulkRowResult[]> {
  const parsed = rows.map((row) => orderUpsertSchema.safeParse(row));
  const valid = parsed.flatMap((result) => (result.success ? [result.data] : []));
  const [refs, workspace] = await Promise.all([
    findCatalogRefs(prisma, workspaceId, collectNames(valid.flatMap((order) => order.lines))),
    prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { currency: true } }),
  ]);
  const results: OrderBulkRowResult[] = [];
  for (const [index, result] of parsed.entries()) {
    if (!result.success) {
      results.push({ index, status: 'failed', error: describeInvalidRow(result.error) });
      continue;
    }
    try {
      const saved = await upsertOrder(prisma, workspaceId, result.data, refs, workspace.currency);
      results.push({ index, status: saved.created ? 'created' : 'updated', id: saved.id });
    } catch (error) {
      if (!(error instanceof OrderLineReferenceError)) throw error;
      const details = [{ path: error.path, message: error.message }];
      results.push({ index, status: 'failed', error: { code: 'unknown_reference', message: error.message, details } });
    }
  }
  return results;
}

async function upsertOrder(
  prisma: PrismaClient,
  workspaceId: string,
  order: OrderUpsert,
  refs: CatalogRefs,
  defaultCurrency: string,
): Promise<{ id: string; created: boolean }> {
  const lines = order.lines.map((line, index) => resolveLine(line, refs, `lines.${index}`));
  const email = order.email ?? null;
  const contactId = email ? await findOrCreateContactId(prisma, workspaceId, email, 'api') : null;
  return saveOrder(prisma, workspaceId, toStoredOrder(order, lines, { contactId, defaultCurrency }), lines);
}

/**
 * An order as the writer stores it, from its validated input and resolved
 * lines: subtotal and total derived when the sender left them out. Every
 * source of orders (REST API, imports) goes through here.
 */
export function toStoredOrder(
  order: Omit<OrderUpsert, 'lines'>,
  lines: StoredOrderLine[],
  context: { contactId: string | null; defaultCurrency: string },
): StoredOrder {
  const subtotalCents =
    order.subtotalCents ?? lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  return {
    externalId: order.externalId,
    number: order.number,
    email: order.email ?? null,
    contactId: context.contactId,
    status: order.status,
    currency: order.currency ?? context.defaultCurrency,
    subtotalCents,
    discountCents: order.discountCents,
    totalCents: order.totalCents ?? Math.max(0, subtotalCents - order.discountCents),
    shippingCity: order.shipping?.city ?? null,
    shippingRegion: order.shipping?.region ?? null,
    shippingCountry: order.shipping?.country ?? null,
    trackingCompany: order.tracking?.company ?? null,
    trackingNumber: order.tracking?.number ?? null,
    trackingUrl: order.tracking?.url ?? null,
    placedAt: new Date(order.placedAt),
  };
}

/** The variant a line names (variant externalId, else SKU), checked against the product it names, if any. */
function resolveLine(line: OrderLineInput, refs: CatalogRefs, path: string): StoredOrderLine {
  const product = line.productExternalId ? refs.productsByExternalId.get(line.productExternalId) : undefined;
  if (line.productExternalId && !product) {
    throw new OrderLineReferenceError(
      `No product has externalId "${line.productExternalId}".`,
      `${path}.productExternalId`,
    );
  }
  let variant = line.variantExternalId ? refs.variantsByExternalId.get(line.variantExternalId) : undefined;
  if (line.variantExternalId && !variant) {
    throw new OrderLineReferenceError(
      `No variant has externalId "${line.variantExternalId}".`,
      `${path}.variantExternalId`,
    );
  }
  if (!variant && line.sku) {
    const candidates = (refs.variantsBySku.get(line.sku) ?? []).filter(
      (candidate) => !product || candidate.productId === product.id,
    );
    if (candidates.length !== 1) {
      throw new OrderLineReferenceError(
        candidates.length === 0
          ? `No variant${product ? ' of this product' : ''} has SKU "${line.sku}".`
          : `SKU "${line.sku}" names ${candidates.length} variants; name the product or variant by externalId.`,
        `${path}.sku`,
      );
    }
    variant = candidates[0];
  }
  if (variant && product && variant.productId !== product.id) {
    throw new OrderLineReferenceError('The variant named is not a variant of the product named.', path);
  }
  const title = line.title ?? variant?.productTitle ?? product?.title;
  if (!title) throw new OrderLineReferenceError('A line that names no product needs a title.', `${path}.title`);
  return {
    productId: variant?.productId ?? product?.id ?? null,
    variantId: variant?.id ?? null,
    title,
    sku: line.sku ?? variant?.sku ?? null,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
  };
}

function collectNames(lines: OrderLineInput[]) {
  const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((value) => value !== undefined))];
  return {
    productExternalIds: distinct(lines.map((line) => line.productExternalId)),
    variantExternalIds: distinct(lines.map((line) => line.variantExternalId)),
    skus: distinct(lines.map((line) => line.sku)),
  };
}

function describeInvalidRow(error: z.ZodError): NonNullable<OrderBulkRowResult['error']> {
  const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid row';
  return { code: 'invalid_row', message, details };
}
