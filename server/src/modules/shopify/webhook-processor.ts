import type { Prisma, PrismaClient, Workspace } from '@prisma/client';
import type { Logger } from '../../platform/logger';
import { ShopifyAdminAccessError, type ShopifyAdminApi } from './admin-graphql.client';
import { inventoryItemQuery } from './admin-graphql.queries';
import {
  mapOrder,
  mapProduct,
  type ShopifyOrderPayload,
  type ShopifyProductPayload,
  shopifyGid,
} from './shopify-payload.mapper';
import { exportCustomerData, redactCustomer, redactShop, type ShopifyCustomerRequest } from './shopify-privacy.service';
import {
  archiveShopifyProduct,
  setVariantInventory,
  upsertShopifyOrder,
  upsertShopifyProduct,
} from './shopify-sync.repo';

type Tx = Prisma.TransactionClient;

export class WebhookEventNotFoundError extends Error {}

/** A catalog or order webhook for a shop with no workspace: retrying will not create one. */
export class ShopNotInstalledError extends Error {
  constructor(readonly shopDomain: string) {
    super(`No workspace for shop ${shopDomain}`);
  }
}

export type WebhookOutcome = 'processed' | 'already_processed';

interface TopicContext {
  tx: Tx;
  eventId: string;
  shopDomain: string;
  workspace: Workspace | null;
  payload: Prisma.JsonValue;
  receivedAt: Date;
  /** Read from Shopify before the transaction (inventory_levels/update only): undefined when not read. */
  inventoryTotal?: InventoryTotal | null;
}

/** An inventory item's stock summed over every location, as Shopify reports it now. */
interface InventoryTotal {
  tracked: boolean;
  quantity: number;
}

/** What a handler returns: a note kept in WebhookEvent.error (why something was skipped), or nothing. */
type TopicHandler = (context: TopicContext) => Promise<string | undefined>;

function requireWorkspace(context: TopicContext): Workspace {
  if (!context.workspace) throw new ShopNotInstalledError(context.shopDomain);
  return context.workspace;
}

function audit(tx: Tx, workspaceId: string, action: string, data: Prisma.InputJsonValue) {
  return tx.auditLog.create({ data: { workspaceId, actorType: 'system', actorId: 'shopify', action, data } });
}

const handlers: Record<string, TopicHandler> = {
  'products/create': productUpsert,
  'products/update': productUpsert,
  async 'products/delete'(context) {
    const workspace = requireWorkspace(context);
    const externalId = shopifyGid('Product', (context.payload as { id?: unknown }).id);
    if (!externalId || !(await archiveShopifyProduct(context.tx, workspace.id, externalId)))
      return 'ignored: unknown product';
    return undefined;
  },
  'orders/create': orderUpsert,
  'orders/updated': orderUpsert,
  /**
   * The payload names one inventory item at one location; a variant's stock
   * is its total over all locations, which no single payload carries. So the
   * total is read from Shopify when we can (it is also current, so deliveries
   * out of order do not matter), and otherwise the location's `available` is
   * taken, which is exact for a shop with one location.
   */
  async 'inventory_levels/update'(context) {
    const workspace = requireWorkspace(context);
    const payload = (context.payload ?? {}) as { inventory_item_id?: unknown; available?: unknown };
    const inventoryItemId = shopifyGid('InventoryItem', payload.inventory_item_id);
    if (!inventoryItemId) return 'ignored: no inventory item in the payload';
    if (context.inventoryTotal === null) return 'ignored: Shopify no longer knows this inventory item';
    if (context.inventoryTotal) {
      const { tracked, quantity } = context.inventoryTotal;
      const count = await setVariantInventory(context.tx, workspace.id, inventoryItemId, tracked ? quantity : null, {
        onlyTracked: false,
      });
      return count > 0 ? undefined : 'ignored: no variant holds this inventory item';
    }
    const available = Number(payload.available);
    if (payload.available === null || !Number.isInteger(available)) return 'ignored: no available quantity';
    const count = await setVariantInventory(context.tx, workspace.id, inventoryItemId, available, {
      onlyTracked: true,
    });
    return count > 0
      ? 'applied the location’s available quantity (the total over locations could not be read)'
      : 'ignored: no tracked variant holds this inventory item';
  },
  /**
   * The shop's tokens are gone with the uninstall, so its sessions go too;
   * its data stays until `shop/redact` (48 hours later, unless the merchant
   * reinstalls). Shopify removes the app embed from the theme itself, so the
   * widget stops loading on the storefront. A late delivery that arrives
   * after a reinstall must not undo it.
   */
  async 'app/uninstalled'(context) {
    const installedAt = context.workspace?.shopifyInstalledAt;
    if (installedAt && installedAt > context.receivedAt) return 'ignored: the app was installed again since';
    await context.tx.shopifySession.deleteMany({ where: { shop: context.shopDomain } });
    if (!context.workspace) return 'ignored: no workspace for shop';
    await context.tx.workspace.update({
      where: { id: context.workspace.id },
      data: { shopifyUninstalledAt: context.receivedAt },
      select: { id: true },
    });
    await audit(context.tx, context.workspace.id, 'shopify.app_uninstalled', { shop: context.shopDomain });
    return undefined;
  },
  async 'app/scopes_update'(context) {
    const { previous = [], current = [] } = context.payload as { previous?: string[]; current?: string[] };
    await context.tx.shopifySession.updateMany({
      where: { shop: context.shopDomain },
      data: { scope: current.join(',') },
    });
    if (!context.workspace) return 'ignored: no workspace for shop';
    await context.tx.workspace.update({
      where: { id: context.workspace.id },
      data: { shopifyScopes: current.join(',') },
      select: { id: true },
    });
    await audit(context.tx, context.workspace.id, 'shopify.scopes_updated', { previous, current });
    return undefined;
  },
  async 'customers/data_request'(context) {
    if (!context.workspace) return 'nothing stored: no workspace for shop';
    const { auditLogId } = await exportCustomerData(
      context.tx,
      context.workspace.id,
      context.payload as ShopifyCustomerRequest,
    );
    return `export stored in AuditLog ${auditLogId}`;
  },
  async 'customers/redact'(context) {
    if (!context.workspace) return 'nothing stored: no workspace for shop';
    await redactCustomer(
      context.tx,
      context.workspace.id,
      context.shopDomain,
      context.payload as ShopifyCustomerRequest,
      context.eventId,
    );
    return undefined;
  },
  async 'shop/redact'(context) {
    await redactShop(context.tx, context.shopDomain, context.eventId);
    return undefined;
  },
};

async function productUpsert(context: TopicContext): Promise<undefined> {
  const workspace = requireWorkspace(context);
  await upsertShopifyProduct(
    context.tx,
    workspace,
    mapProduct(context.payload as unknown as ShopifyProductPayload, context.shopDomain),
  );
  return undefined;
}

async function orderUpsert(context: TopicContext): Promise<string | undefined> {
  const workspace = requireWorkspace(context);
  const order = mapOrder(context.payload as unknown as ShopifyOrderPayload);
  const { stale } = await upsertShopifyOrder(context.tx, workspace.id, order);
  return stale
    ? `ignored: the stored order is newer than this one (updated ${order.sourceUpdatedAt?.toISOString()})`
    : undefined;
}

// What we keep of a privacy request once it is carried out: enough to prove we did, no personal data.
function minimisedPayload(topic: string, payload: Prisma.JsonValue): Prisma.InputJsonValue | undefined {
  const body = (payload ?? {}) as ShopifyCustomerRequest & { shop_domain?: string; shop_id?: number };
  if (topic === 'customers/redact' || topic === 'customers/data_request') {
    return {
      shop_domain: body.shop_domain ?? null,
      customer: { id: body.customer?.id ?? null },
      orders_to_redact: body.orders_to_redact ?? [],
      orders_requested: body.orders_requested ?? [],
      data_request: body.data_request ?? null,
    } as Prisma.InputJsonValue;
  }
  if (topic === 'shop/redact') return { shop_domain: body.shop_domain ?? null, shop_id: body.shop_id ?? null };
  return undefined;
}

/**
 * Processes one recorded delivery, exactly once in effect: the event row is
 * locked for the whole transaction, so a second worker running the same job
 * (pg-boss delivers at least once) waits and then sees `processed`. The
 * topic's writes and the `processed` mark commit together; on error they
 * roll back, the row says `failed` with the reason, and the caller rethrows
 * so pg-boss retries (then dead-letters).
 */
export interface WebhookProcessorDeps {
  prisma: PrismaClient;
  log: Logger;
  clock?: () => Date;
  /** Reads what a payload leaves out (an inventory item's total over locations); without it, payloads alone count. */
  adminApi?: ShopifyAdminApi;
}

export async function processWebhookEvent(deps: WebhookProcessorDeps, eventId: string): Promise<WebhookOutcome> {
  const now = () => deps.clock?.() ?? new Date();
  try {
    const inventoryTotal = await readInventoryTotal(deps, eventId);
    return await deps.prisma.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<Array<{ status: string }>>`
          SELECT status::text AS status FROM "WebhookEvent" WHERE id = ${eventId}::uuid FOR UPDATE`;
        if (locked.length === 0) throw new WebhookEventNotFoundError(`Webhook event ${eventId} not found`);
        if (locked[0]?.status === 'processed') return 'already_processed' as const;
        const event = await tx.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
        const shopDomain = event.shopDomain ?? '';
        const workspace = shopDomain ? await tx.workspace.findUnique({ where: { shopDomain } }) : null;
        const handler = handlers[event.topic];
        const note = handler
          ? await handler({
              tx,
              eventId,
              shopDomain,
              workspace,
              payload: event.payload,
              receivedAt: event.receivedAt,
              inventoryTotal,
            })
          : 'ignored: unhandled topic';
        const minimised = minimisedPayload(event.topic, event.payload);
        const workspaceStillExists = event.topic !== 'shop/redact' && workspace !== null;
        await tx.webhookEvent.update({
          where: { id: eventId },
          data: {
            status: 'processed',
            processedAt: now(),
            error: note ?? null,
            workspaceId: workspaceStillExists ? workspace.id : null,
            ...(minimised ? { payload: minimised } : {}),
          },
        });
        return 'processed' as const;
      },
      // A shop redaction deletes a whole workspace in this transaction.
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (!(error instanceof WebhookEventNotFoundError)) {
      const message = error instanceof Error ? error.message : String(error);
      await deps.prisma.webhookEvent
        .update({ where: { id: eventId }, data: { status: 'failed', error: message.slice(0, 2000) } })
        .catch((updateError: unknown) =>
          deps.log.error({ err: updateError, eventId }, 'could not mark webhook failed'),
        );
    }
    throw error;
  }
}

/**
 * Asks Shopify, outside the transaction (no row lock held across the
 * network), for the total stock of the item an inventory_levels/update names.
 * An uninstalled shop cannot be asked; its payload alone is used.
 */
async function readInventoryTotal(
  deps: WebhookProcessorDeps,
  eventId: string,
): Promise<InventoryTotal | null | undefined> {
  if (!deps.adminApi) return undefined;
  const event = await deps.prisma.webhookEvent.findUnique({
    where: { id: eventId },
    select: { topic: true, status: true, shopDomain: true, payload: true },
  });
  if (event?.topic !== 'inventory_levels/update' || event.status === 'processed' || !event.shopDomain) return undefined;
  const id = shopifyGid('InventoryItem', (event.payload as { inventory_item_id?: unknown } | null)?.inventory_item_id);
  if (!id) return undefined;
  try {
    const data = await deps.adminApi.request<{
      inventoryItem: { tracked: boolean; variant: { inventoryQuantity: number | null } | null } | null;
    }>(event.shopDomain, inventoryItemQuery, { id });
    if (!data.inventoryItem?.variant) return null;
    return { tracked: data.inventoryItem.tracked, quantity: data.inventoryItem.variant.inventoryQuantity ?? 0 };
  } catch (error) {
    if (error instanceof ShopifyAdminAccessError) return undefined;
    throw error;
  }
}
