import type { PrismaClient } from '@prisma/client';
import type { OrderCard } from '../conversations';
import {
  findOrderIdByNumberAndEmail,
  findOrderIdForCustomer,
  getOrdersWithLines,
  listOrderIdsByEmail,
} from './order.repo';
import { toOrderCard } from './order-card.mapper';
import { listOrderNumberSpellings, normaliseEmail } from './order-reference';
import { type OrderLookup, orderLimits, orderLookupSchema } from './orders.model';

/**
 * An order for a shopper who proves it with its number and the email it was
 * placed with. Anything else — a wrong email, an unknown number, another
 * workspace's order — is `null`, the same answer with the same work.
 */
export async function lookupOrder(
  prisma: PrismaClient,
  workspaceId: string,
  lookup: OrderLookup,
): Promise<OrderCard | null> {
  const parsed = orderLookupSchema.safeParse(lookup);
  if (!parsed.success) return null;
  const spellings = listOrderNumberSpellings(parsed.data.orderNumber);
  const email = normaliseEmail(parsed.data.email);
  if (spellings.length === 0 || !email) return null;
  const orderId = await findOrderIdByNumberAndEmail(prisma, workspaceId, spellings, email);
  if (!orderId) return null;
  const [order] = await getOrdersWithLines(prisma, workspaceId, [orderId]);
  return order ? toOrderCard(order) : null;
}

/**
 * An order of a customer the storefront signed in (a Shopify customer GID
 * proven by a customer token): the one with this number, or without a number
 * their most recent. Never another customer's: an order filed under someone
 * else, or under no customer, is `null` here and needs the number-and-email proof.
 */
export async function findCustomerOrder(
  prisma: PrismaClient,
  workspaceId: string,
  lookup: { shopifyCustomerId: string; orderNumber?: string },
): Promise<OrderCard | null> {
  if (!/^gid:\/\/shopify\/Customer\/\d+$/.test(lookup.shopifyCustomerId)) return null;
  const typed = lookup.orderNumber?.trim().slice(0, 64) ?? '';
  const spellings = typed ? listOrderNumberSpellings(typed) : null;
  if (spellings?.length === 0) return null;
  const orderId = await findOrderIdForCustomer(prisma, workspaceId, lookup.shopifyCustomerId, spellings);
  if (!orderId) return null;
  const [order] = await getOrdersWithLines(prisma, workspaceId, [orderId]);
  return order ? toOrderCard(order) : null;
}

/** The latest orders of a shopper whose email a platform already proved (a logged-in Shopify customer). */
export async function listOrdersForCustomer(
  prisma: PrismaClient,
  workspaceId: string,
  email: string,
  limit: number = orderLimits.defaultCustomerOrders,
): Promise<OrderCard[]> {
  const verified = normaliseEmail(email);
  if (!verified) return [];
  const capped = Math.min(Math.max(1, Math.trunc(limit)), orderLimits.maxCustomerOrders);
  const ids = await listOrderIdsByEmail(prisma, workspaceId, verified, capped);
  return (await getOrdersWithLines(prisma, workspaceId, ids)).map(toOrderCard);
}
