import type { OrderStatus } from '@prisma/client';
import { z } from 'zod';
import { listOrders } from '../../modules/orders';
import type { AdminActor, AdminDeps } from './admin-deps';
import { formatMoney } from './admin-money';
import { createImportUploads } from './import-upload.admin';

/** The orders page: the workspace's orders newest first, filtered and paged, and orders imports. */
export interface OrderRow {
  id: string;
  number: string;
  placedAt: Date;
  email: string | null;
  status: OrderStatus;
  total: string;
  lineCount: number;
  unitCount: number;
  place: string | null;
  /** Attributed to a conversation with the assistant. */
  assisted: boolean;
}

export interface OrdersPage {
  orders: OrderRow[];
  page: number;
  hasNext: boolean;
}

const pageSize = 25;
const orderQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['pending', 'paid', 'fulfilled', 'refunded', 'cancelled']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export function createOrdersAdmin(deps: AdminDeps) {
  return {
    async listOrders(actor: AdminActor, query: z.input<typeof orderQuerySchema>): Promise<OrdersPage> {
      const { q, status, page } = orderQuerySchema.parse(query);
      const result = await listOrders(deps.prisma, actor.workspaceId, {
        query: q,
        status,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return {
        page,
        hasNext: result.hasMore,
        orders: result.items.map((order) => ({
          id: order.id,
          number: order.number,
          placedAt: order.placedAt,
          email: order.email,
          status: order.status,
          total: formatMoney(order.totalCents, order.currency),
          lineCount: order.lineCount,
          unitCount: order.unitCount,
          place: [order.shippingCity, order.shippingCountry].filter(Boolean).join(', ') || null,
          assisted: order.conversationId !== null,
        })),
      };
    },
    ...createImportUploads(deps, 'orders'),
  };
}
