import type { Prisma, PrismaClient, Workspace } from '@prisma/client';
import type { Logger } from '../../platform/logger';
import {
  mapOrder,
  mapProduct,
  type ShopifyOrderPayload,
  type ShopifyProductPayload,
  shopifyGid,
} from './shopify-payload.mapper';
import { exportCustomerData, redactCustomer, redactShop, type ShopifyCustomerRequest } from './shopify-privacy.service';
import { archiveShopifyProduct, upsertShopifyOrder, upsertShopifyProduct } from './shopify-sync.repo';

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
  async 'inventory_levels/update'(context) {
    requireWorkspace(context);
    // The payload names an inventory item and one location; Variant has no
    // inventoryItemId column and stock is not kept per location, so there is
    // nothing safe to update. products/update carries the variant's total.
    return 'unsupported: Variant has no inventoryItemId (schema change needed)';
  },
  async 'app/uninstalled'(context) {
    await context.tx.shopifySession.deleteMany({ where: { shop: context.shopDomain } });
    if (!context.workspace) return 'ignored: no workspace for shop';
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

async function orderUpsert(context: TopicContext): Promise<undefined> {
  const workspace = requireWorkspace(context);
  await upsertShopifyOrder(context.tx, workspace.id, mapOrder(context.payload as unknown as ShopifyOrderPayload));
  return undefined;
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
export async function processWebhookEvent(
  deps: { prisma: PrismaClient; log: Logger; clock?: () => Date },
  eventId: string,
): Promise<WebhookOutcome> {
  const now = () => deps.clock?.() ?? new Date();
  try {
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
          ? await handler({ tx, eventId, shopDomain, workspace, payload: event.payload })
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
