import type { Prisma } from '@prisma/client';
import { findOrCreateContactId } from '../contacts';
import { type StoredOrderLine, toStoredOrder, writeOrder } from '../orders';
import { type CatalogNames, findCatalogNames } from './catalog-names.repo';
import type { RowProblem } from './import-unit';
import type { OrderDraft, OrderLineDraft } from './orders-csv.mapper';

/**
 * Writes a batch of orders through the orders module's writer, in the
 * caller's transaction. Lines name products by SKU or handle, looked up for
 * the whole batch at once. A line naming something the catalog does not have
 * fails its order — the orders module's rule: a line forecasts cannot place
 * is better refused than stored (import the products first).
 */
type Tx = Prisma.TransactionClient;

export type OrderOutcome = null | (RowProblem & { row?: number });

export async function writeOrderBatch(
  tx: Tx,
  workspaceId: string,
  drafts: OrderDraft[],
  defaults: { currency: string },
): Promise<OrderOutcome[]> {
  const names = await findCatalogNames(
    tx,
    workspaceId,
    drafts.flatMap((draft) => draft.lines),
  );
  const outcomes: OrderOutcome[] = [];
  for (const draft of drafts) {
    const lines = resolveLines(draft.lines, names);
    if ('problem' in lines) {
      outcomes.push({ ...lines.problem, row: lines.row });
      continue;
    }
    const { order } = draft;
    const email = order.email ?? null;
    const contactId = email ? await findOrCreateContactId(tx, workspaceId, email, 'order_import') : null;
    const stored = toStoredOrder(order, lines.value, { contactId, defaultCurrency: defaults.currency });
    await writeOrder(tx, workspaceId, stored, lines.value);
    outcomes.push(null);
  }
  return outcomes;
}

/** Every line of an order as the writer stores it, or the first line that names nothing we have. */
export function resolveLines(
  drafts: OrderLineDraft[],
  names: CatalogNames,
): { value: StoredOrderLine[] } | { problem: RowProblem; row: number } {
  const lines: StoredOrderLine[] = [];
  for (const draft of drafts) {
    const product = draft.handle ? names.productsByHandle.get(draft.handle) : undefined;
    if (draft.handle && !product) {
      return {
        row: draft.row,
        problem: {
          field: 'product handle',
          message: `No product has handle "${draft.handle}"; import the products first.`,
        },
      };
    }
    let variant: { id: string; productId: string; productTitle: string } | undefined;
    if (draft.sku) {
      const candidates = (names.variantsBySku.get(draft.sku) ?? []).filter(
        (candidate) => !product || candidate.productId === product.id,
      );
      if (candidates.length !== 1) {
        return {
          row: draft.row,
          problem: {
            field: 'line sku',
            message:
              candidates.length === 0
                ? `No variant${product ? ' of this product' : ''} has SKU "${draft.sku}"; import the products first.`
                : `SKU "${draft.sku}" belongs to ${candidates.length} variants; add the product handle.`,
          },
        };
      }
      variant = candidates[0];
    }
    lines.push({
      productId: variant?.productId ?? product?.id ?? null,
      variantId: variant?.id ?? null,
      title: draft.title ?? variant?.productTitle ?? product?.title ?? draft.sku ?? '',
      sku: draft.sku ?? null,
      quantity: draft.quantity,
      unitPriceCents: draft.unitPriceCents,
    });
  }
  return { value: lines };
}
