import { Prisma } from '@prisma/client';
import { shopifyGid } from './shopify-payload.mapper';

/**
 * Shopify's mandatory privacy webhooks. Whatever we hold about a customer is
 * found the same way for an export and for a redaction: their contacts (by
 * Shopify customer id or email), the orders of those contacts, of that email
 * or named in the request, and the conversations of those contacts or
 * attributed to those orders.
 */
type Tx = Prisma.TransactionClient;

export interface ShopifyCustomerRequest {
  customer?: { id?: number | string | null; email?: string | null; phone?: string | null } | null;
  orders_requested?: Array<number | string>;
  orders_to_redact?: Array<number | string>;
  data_request?: { id?: number | string } | null;
}

export const CUSTOMER_EXPORT_ACTION = 'shopify.customer_data_request';
const redactedText = '[redacted]';

interface CustomerRecords {
  customerExternalId: string | null;
  email: string | null;
  orderExternalIds: string[];
  contactIds: string[];
  orderIds: string[];
  conversationIds: string[];
}

async function findCustomerRecords(
  tx: Tx,
  workspaceId: string,
  request: ShopifyCustomerRequest,
): Promise<CustomerRecords> {
  const customerExternalId = shopifyGid('Customer', request.customer?.id);
  const email = request.customer?.email?.trim().toLowerCase() || null;
  const orderExternalIds = [...(request.orders_requested ?? []), ...(request.orders_to_redact ?? [])].map(
    (id) => shopifyGid('Order', id) as string,
  );
  const contactMatch: Prisma.ContactWhereInput[] = [
    ...(customerExternalId ? [{ externalId: customerExternalId }] : []),
    ...(email ? [{ email }] : []),
  ];
  const contacts = contactMatch.length
    ? await tx.contact.findMany({ where: { workspaceId, OR: contactMatch }, select: { id: true } })
    : [];
  const contactIds = contacts.map((contact) => contact.id);
  const orderMatch: Prisma.OrderWhereInput[] = [
    ...(contactIds.length ? [{ contactId: { in: contactIds } }] : []),
    ...(email ? [{ email }] : []),
    ...(orderExternalIds.length ? [{ externalId: { in: orderExternalIds } }] : []),
  ];
  const orders = orderMatch.length
    ? await tx.order.findMany({ where: { workspaceId, OR: orderMatch }, select: { id: true, conversationId: true } })
    : [];
  const attributed = orders.map((order) => order.conversationId).filter((id): id is string => id !== null);
  const conversationMatch: Prisma.ConversationWhereInput[] = [
    ...(contactIds.length ? [{ contactId: { in: contactIds } }] : []),
    ...(attributed.length ? [{ id: { in: attributed } }] : []),
  ];
  const conversations = conversationMatch.length
    ? await tx.conversation.findMany({ where: { workspaceId, OR: conversationMatch }, select: { id: true } })
    : [];
  return {
    customerExternalId,
    email,
    orderExternalIds,
    contactIds,
    orderIds: orders.map((order) => order.id),
    conversationIds: conversations.map((conversation) => conversation.id),
  };
}

/**
 * `customers/data_request`: everything we hold about the customer, stored as
 * the `data` of an AuditLog row (action `shopify.customer_data_request`,
 * target the Shopify customer GID) for the merchant to hand over.
 */
export async function exportCustomerData(
  tx: Tx,
  workspaceId: string,
  request: ShopifyCustomerRequest,
): Promise<{ auditLogId: string; counts: Record<string, number> }> {
  const records = await findCustomerRecords(tx, workspaceId, request);
  const [contacts, orders, conversations] = await Promise.all([
    tx.contact.findMany({ where: { workspaceId, id: { in: records.contactIds } } }),
    tx.order.findMany({ where: { workspaceId, id: { in: records.orderIds } }, include: { lines: true } }),
    tx.conversation.findMany({
      where: { workspaceId, id: { in: records.conversationIds } },
      include: { messages: { where: { role: { not: 'note' } }, orderBy: { seq: 'asc' } } },
    }),
  ]);
  const exported = {
    dataRequestId: request.data_request?.id ?? null,
    customer: { shopifyId: records.customerExternalId, email: records.email },
    contacts,
    orders,
    conversations,
  };
  const counts = { contacts: contacts.length, orders: orders.length, conversations: conversations.length };
  const row = await tx.auditLog.create({
    data: {
      workspaceId,
      actorType: 'system',
      actorId: 'shopify',
      action: CUSTOMER_EXPORT_ACTION,
      targetType: 'shopify_customer',
      targetId: records.customerExternalId,
      // Through JSON so dates become ISO strings and the export reads the same everywhere.
      data: JSON.parse(JSON.stringify(exported)) as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { auditLogId: row.id, counts };
}

/**
 * `customers/redact`: contacts are deleted; conversations stay for the
 * shop's aggregate numbers (intent, rating, assisted revenue) but lose every
 * word and every link to the person; orders keep amounts, products and the
 * shipping city/region/country (forecasts need the place, not the person)
 * and lose email, contact and tracking. Earlier exports and raw webhook
 * payloads about the customer go too.
 */
export async function redactCustomer(
  tx: Tx,
  workspaceId: string,
  shopDomain: string,
  request: ShopifyCustomerRequest,
  currentEventId: string,
): Promise<Record<string, number>> {
  const records = await findCustomerRecords(tx, workspaceId, request);
  const messages = await tx.message.updateMany({
    where: { workspaceId, conversationId: { in: records.conversationIds } },
    data: { text: redactedText, parts: Prisma.DbNull, clientId: null },
  });
  // A new random visitor id cuts the link to the shopper's browser token.
  const conversations = records.conversationIds.length
    ? await tx.$executeRaw`
        UPDATE "Conversation"
        SET "contactId" = NULL, "visitorId" = 'redacted:' || gen_random_uuid()::text, "pageUrl" = NULL,
            "summary" = NULL, "ratingComment" = NULL, "updatedAt" = now()
        WHERE "workspaceId" = ${workspaceId}::uuid AND id = ANY(${records.conversationIds}::uuid[])`
    : 0;
  const orders = await tx.order.updateMany({
    where: { workspaceId, id: { in: records.orderIds } },
    data: { email: null, contactId: null, trackingNumber: null, trackingUrl: null },
  });
  const contacts = await tx.contact.deleteMany({ where: { workspaceId, id: { in: records.contactIds } } });
  const exports = records.customerExternalId
    ? await tx.auditLog.deleteMany({
        where: { workspaceId, action: CUSTOMER_EXPORT_ACTION, targetId: records.customerExternalId },
      })
    : { count: 0 };
  const customerNumericId = records.customerExternalId?.split('/').pop() ?? '';
  const numericOrderIds = records.orderExternalIds.map((id) => id.split('/').pop() as string);
  const payloads = await tx.$executeRaw`
    UPDATE "WebhookEvent" SET payload = '{"redacted": true}'::jsonb
    WHERE "shopDomain" = ${shopDomain} AND id <> ${currentEventId}::uuid AND (
      payload->'customer'->>'id' = ${customerNumericId}
      OR lower(payload->>'email') = ${records.email ?? ''}
      OR payload->>'admin_graphql_api_id' = ANY(${records.orderExternalIds}::text[])
      OR (topic LIKE 'orders/%' AND payload->>'id' = ANY(${numericOrderIds}::text[])))`;
  return {
    contacts: contacts.count,
    orders: orders.count,
    conversations,
    messages: messages.count,
    exports: exports.count,
    payloads,
  };
}

/**
 * `shop/redact` (48 hours after uninstall, unless reinstalled): the workspace
 * and everything in it (cascade), its Shopify sessions, and every raw webhook
 * payload from the shop except the redaction request itself.
 */
export async function redactShop(tx: Tx, shopDomain: string, currentEventId: string): Promise<Record<string, number>> {
  const events = await tx.webhookEvent.deleteMany({ where: { shopDomain, id: { not: currentEventId } } });
  const sessions = await tx.shopifySession.deleteMany({ where: { shop: shopDomain } });
  const workspaces = await tx.workspace.deleteMany({ where: { shopDomain } });
  return { workspaces: workspaces.count, sessions: sessions.count, events: events.count };
}
