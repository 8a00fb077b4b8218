import type { PrismaClient } from '@prisma/client';
import type { OrderWithLines } from './orders.model';

/**
 * Orders of one workspace, found only by number *and* email together. Emails
 * are compared with lower(btrim()) on both sides in SQL — not with Prisma's
 * `mode: 'insensitive'`, which becomes ILIKE and would let "%" match anyone.
 */
export async function findOrderIdByNumberAndEmail(
  prisma: PrismaClient,
  workspaceId: string,
  numberSpellings: string[],
  email: string,
): Promise<string | null> {
  // One indexed query whose shape does not depend on whether the number
  // exists: a wrong email and a missing order cost the same and look the same.
  const [row] = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT o.id FROM "Order" o
    WHERE o."workspaceId" = ${workspaceId}::uuid AND o.number = ANY(${numberSpellings}::text[])
      AND o.email IS NOT NULL AND lower(btrim(o.email)) = lower(${email})
    ORDER BY o."placedAt" DESC, o.id LIMIT 1`;
  return row?.id ?? null;
}

export async function listOrderIdsByEmail(
  prisma: PrismaClient,
  workspaceId: string,
  email: string,
  limit: number,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT o.id FROM "Order" o
    WHERE o."workspaceId" = ${workspaceId}::uuid AND o.email IS NOT NULL AND lower(btrim(o.email)) = lower(${email})
    ORDER BY o."placedAt" DESC, o.id LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/**
 * The newest order filed under a Shopify customer's contact (order sync files
 * each order under the contact carrying its customer GID), optionally only
 * one with these number spellings.
 */
export async function findOrderIdForCustomer(
  prisma: PrismaClient,
  workspaceId: string,
  customerExternalId: string,
  numberSpellings: string[] | null,
): Promise<string | null> {
  const order = await prisma.order.findFirst({
    where: {
      workspaceId,
      contact: { workspaceId, externalId: customerExternalId },
      ...(numberSpellings ? { number: { in: numberSpellings } } : {}),
    },
    orderBy: [{ placedAt: 'desc' }, { id: 'asc' }],
    select: { id: true },
  });
  return order?.id ?? null;
}

/** The orders with their lines (in the order they were stored), newest first. */
export async function getOrdersWithLines(
  prisma: PrismaClient,
  workspaceId: string,
  orderIds: string[],
): Promise<OrderWithLines[]> {
  if (orderIds.length === 0) return [];
  return prisma.order.findMany({
    where: { workspaceId, id: { in: orderIds } },
    include: { lines: { where: { workspaceId }, orderBy: { id: 'asc' } } },
    orderBy: [{ placedAt: 'desc' }, { id: 'asc' }],
  });
}
