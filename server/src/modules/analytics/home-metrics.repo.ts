import { Prisma, type PrismaClient } from '@prisma/client';
import type { LocalWindow } from './analytics.model';
import { inWindow, localDay, localMidnightUtc, toNumber } from './analytics.sql';

/**
 * Per-day figures for the home page, one grouped query per source table, each
 * scoped to one workspace and served by its `(workspaceId, time)` index.
 */

export interface ConversationDay {
  day: string;
  conversations: number;
  /** The assistant replied and no person ever joined (see `reachedPerson`). */
  answeredByAi: number;
  /** Asked for a person or got one. */
  handedOff: number;
}

/**
 * A conversation reached a person when it is waiting for or held by one, was
 * ever assigned to someone (taking over assigns, handing back keeps it), or
 * holds an agent's message. A handoff request that was closed before anybody
 * took it leaves no trace in these columns and counts as not handed off.
 *
 * Messages are read once, grouped per conversation, from this workspace's rows
 * since the window opened (a conversation's messages never predate it), so
 * the work is bounded by the tenant and the period rather than the table.
 */
export async function loadConversationDays(
  prisma: PrismaClient,
  workspaceId: string,
  window: LocalWindow,
): Promise<ConversationDay[]> {
  const rows = await prisma.$queryRaw<{ day: string; conversations: bigint; answered: bigint; handed: bigint }[]>`
    WITH replies AS (
      SELECT m."conversationId", bool_or(m.role = 'agent') AS agent, bool_or(m.role = 'assistant') AS assistant
      FROM "Message" m
      WHERE m."workspaceId" = ${workspaceId}::uuid AND m.role IN ('agent', 'assistant')
        AND m."createdAt" >= ${localMidnightUtc(window.from, window.timeZone)}
      GROUP BY 1
    ), c AS (
      SELECT ${localDay(Prisma.sql`c."createdAt"`, window.timeZone)} AS day,
        (c.status IN ('waiting', 'human') OR c."assignedUserId" IS NOT NULL OR COALESCE(r.agent, false)) AS reached_person,
        COALESCE(r.assistant, false) AS answered
      FROM "Conversation" c
      LEFT JOIN replies r ON r."conversationId" = c.id
      WHERE c."workspaceId" = ${workspaceId}::uuid AND ${inWindow(Prisma.sql`c."createdAt"`, window)}
    )
    SELECT day, count(*) AS conversations,
      count(*) FILTER (WHERE answered AND NOT reached_person) AS answered,
      count(*) FILTER (WHERE reached_person) AS handed
    FROM c GROUP BY day`;
  return rows.map((row) => ({
    day: row.day,
    conversations: toNumber(row.conversations),
    answeredByAi: toNumber(row.answered),
    handedOff: toNumber(row.handed),
  }));
}

export interface OrderDay {
  day: string;
  assistedOrders: number;
  /** In the workspace's currency, minor units. */
  assistedRevenueCents: number;
  storeRevenueCents: number;
  /** Assisted orders in another currency: counted, but not added to the revenue. */
  assistedOtherCurrency: number;
}

/** Orders placed on each local day; cancelled and refunded orders earned nothing. */
export async function loadOrderDays(
  prisma: PrismaClient,
  workspaceId: string,
  window: LocalWindow,
  currency: string,
): Promise<OrderDay[]> {
  const rows = await prisma.$queryRaw<
    { day: string; assisted: bigint; assisted_revenue: bigint; store_revenue: bigint; other_currency: bigint }[]
  >`
    SELECT ${localDay(Prisma.sql`o."placedAt"`, window.timeZone)} AS day,
      count(*) FILTER (WHERE o."conversationId" IS NOT NULL) AS assisted,
      COALESCE(sum(o."totalCents") FILTER (WHERE o."conversationId" IS NOT NULL AND o.currency = ${currency}), 0)::bigint AS assisted_revenue,
      COALESCE(sum(o."totalCents") FILTER (WHERE o.currency = ${currency}), 0)::bigint AS store_revenue,
      count(*) FILTER (WHERE o."conversationId" IS NOT NULL AND o.currency <> ${currency}) AS other_currency
    FROM "Order" o
    WHERE o."workspaceId" = ${workspaceId}::uuid AND ${inWindow(Prisma.sql`o."placedAt"`, window)}
      AND o.status NOT IN ('cancelled', 'refunded')
    GROUP BY 1`;
  return rows.map((row) => ({
    day: row.day,
    assistedOrders: toNumber(row.assisted),
    assistedRevenueCents: toNumber(row.assisted_revenue),
    storeRevenueCents: toNumber(row.store_revenue),
    assistedOtherCurrency: toNumber(row.other_currency),
  }));
}

export interface AiCostDay {
  day: string;
  costMicroUsd: number;
}

export async function loadAiCostDays(
  prisma: PrismaClient,
  workspaceId: string,
  window: LocalWindow,
): Promise<AiCostDay[]> {
  const rows = await prisma.$queryRaw<{ day: string; cost: bigint }[]>`
    SELECT ${localDay(Prisma.sql`u."createdAt"`, window.timeZone)} AS day, sum(u."costMicroUsd")::bigint AS cost
    FROM "AiUsage" u
    WHERE u."workspaceId" = ${workspaceId}::uuid AND ${inWindow(Prisma.sql`u."createdAt"`, window)}
    GROUP BY 1`;
  return rows.map((row) => ({ day: row.day, costMicroUsd: toNumber(row.cost) }));
}

export async function findWorkspaceCalendar(
  prisma: PrismaClient,
  workspaceId: string,
): Promise<{ timeZone: string; currency: string } | null> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { timezone: true, currency: true },
  });
  return workspace ? { timeZone: workspace.timezone, currency: workspace.currency.trim() } : null;
}
