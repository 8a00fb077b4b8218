import { z } from 'zod';
import { bulkUpsertOrders, orderUpsertSchema, orderWriteLimits } from '../../../modules/orders';
import { defineRoute } from './api-route';
import { bulkResultSchema, rowsOf, toBulkResult } from './common.wire';

export const orderBulkBodySchema = z.strictObject({
  orders: rowsOf(orderUpsertSchema, orderWriteLimits.bulkRows),
});

export const orderRoutes = [
  defineRoute({
    operationId: 'bulkUpsertOrders',
    method: 'post',
    path: '/api/v1/orders/bulk',
    tag: 'Orders',
    summary: 'Create or update orders in bulk',
    description: `Up to ${orderWriteLimits.bulkRows} orders, each matched by externalId and replaced whole, lines included. Lines name products by \`productExternalId\` and variants by \`variantExternalId\` or \`sku\`; a name your catalog does not have fails that row (send the products first). Orders with an email are linked to that contact, created if new. Rows are independent: good rows are kept, each bad row is reported with its index and the reason; the response is 200 either way.`,
    scope: 'orders:write',
    body: orderBulkBodySchema,
    bodyLimit: '5mb',
    idempotent: true,
    responses: { 200: { description: 'One result per row.', schema: bulkResultSchema } },
    async handle({ prisma, principal, body }) {
      const results = await bulkUpsertOrders(prisma, principal.workspaceId, body.orders);
      return { status: 200, body: toBulkResult(results) };
    },
  }),
];
