import type { Order, OrderStatus, Prisma, PrismaClient } from '@prisma/client';
import { listOrderNumberSpellings } from './order-reference';

/**
 * The admin's order list: newest first, a page at a time, narrowed by status
 * and by a search that matches an order number in any spelling ("1042",
 * "#1042") or part of the buyer's email. Scoped to one workspace.
 */
export interface OrderListing {
  query?: string;
  status?: OrderStatus;
  offset: number;
  limit: number;
}

export type ListedOrder = Order & { lineCount: number; unitCount: number };

export async function listOrders(
  prisma: PrismaClient,
  workspaceId: string,
  listing: OrderListing,
): Promise<{ items: ListedOrder[]; hasMore: boolean }> {
  const query = listing.query?.trim();
  const where: Prisma.OrderWhereInput = {
    workspaceId,
    ...(listing.status ? { status: listing.status } : {}),
    ...(query
      ? {
          OR: [
            { number: { in: listOrderNumberSpellings(query) } },
            { email: { contains: query.toLowerCase(), mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const orders = await prisma.order.findMany({
    where,
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    skip: listing.offset,
    take: listing.limit + 1,
    include: { lines: { where: { workspaceId }, select: { quantity: true } } },
  });
  return {
    items: orders.slice(0, listing.limit).map(({ lines, ...order }) => ({
      ...order,
      lineCount: lines.length,
      unitCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    })),
    hasMore: orders.length > listing.limit,
  };
}
