import type { PrismaClient } from '@prisma/client';
import { type PeriodLabel, type RangeDays, type SentimentCounts, WorkspaceNotFoundError } from './analytics.model';
import { loadSentiment, loadTopIntents, loadTopOpenings } from './conversation-insights.repo';
import { currentWindow, describeWindow, listDays, previousWindow, usableTimeZone } from './date-range';
import { findWorkspaceCalendar, loadAiCostDays, loadConversationDays, loadOrderDays } from './home-metrics.repo';

export interface AnalyticsDeps {
  prisma: PrismaClient;
  now: () => Date;
}

export interface HomeDay {
  day: string;
  conversations: number;
  answeredByAi: number;
  handedOff: number;
  assistedOrders: number;
  assistedRevenueCents: number;
  aiCostMicroUsd: number;
}

export interface HomeTotals extends Omit<HomeDay, 'day'> {
  /** Shares of `conversations`, 0–1; null when there were none (no rate to speak of). */
  answeredByAiShare: number | null;
  handoffRate: number | null;
  storeRevenueCents: number;
  assistedOtherCurrency: number;
}

export interface HomeDashboard {
  period: PeriodLabel;
  currency: string;
  /** One entry per local day of the period, zeros included, so charts have no gaps. */
  days: HomeDay[];
  totals: HomeTotals;
  /** The same number of days just before, for "change vs previous period". */
  previousTotals: HomeTotals;
  topIntents: { intent: string; conversations: number }[];
  topQuestions: { question: string; conversations: number }[];
  sentiment: SentimentCounts;
}

const topListLength = 8;

type Window = { from: string; to: string };

function sumDays<Row>(window: Window, rows: Map<string, Row>, pick: (row: Row) => number): number {
  let total = 0;
  for (const day of listDays(window)) {
    const row = rows.get(day);
    if (row) total += pick(row);
  }
  return total;
}

export async function getHomeDashboard(
  deps: AnalyticsDeps,
  workspaceId: string,
  days: RangeDays,
): Promise<HomeDashboard> {
  const calendar = await findWorkspaceCalendar(deps.prisma, workspaceId);
  if (!calendar) throw new WorkspaceNotFoundError();
  const current = currentWindow(deps.now(), usableTimeZone(calendar.timeZone), days);
  const previous = previousWindow(current);
  // One read covers both periods; the split happens here.
  const both = { ...current, from: previous.from };
  const [conversationDays, orderDays, costDays, topIntents, topQuestions, sentiment] = await Promise.all([
    loadConversationDays(deps.prisma, workspaceId, both),
    loadOrderDays(deps.prisma, workspaceId, both, calendar.currency),
    loadAiCostDays(deps.prisma, workspaceId, both),
    loadTopIntents(deps.prisma, workspaceId, current, topListLength),
    loadTopOpenings(deps.prisma, workspaceId, current, topListLength),
    loadSentiment(deps.prisma, workspaceId, current),
  ]);
  const conversationsByDay = new Map(conversationDays.map((row) => [row.day, row]));
  const ordersByDay = new Map(orderDays.map((row) => [row.day, row]));
  const costByDay = new Map(costDays.map((row) => [row.day, row]));

  const daysOf = (window: Window): HomeDay[] =>
    listDays(window).map((day) => ({
      day,
      conversations: conversationsByDay.get(day)?.conversations ?? 0,
      answeredByAi: conversationsByDay.get(day)?.answeredByAi ?? 0,
      handedOff: conversationsByDay.get(day)?.handedOff ?? 0,
      assistedOrders: ordersByDay.get(day)?.assistedOrders ?? 0,
      assistedRevenueCents: ordersByDay.get(day)?.assistedRevenueCents ?? 0,
      aiCostMicroUsd: costByDay.get(day)?.costMicroUsd ?? 0,
    }));
  const totalsOf = (window: Window): HomeTotals => {
    const conversations = sumDays(window, conversationsByDay, (row) => row.conversations);
    const answeredByAi = sumDays(window, conversationsByDay, (row) => row.answeredByAi);
    const handedOff = sumDays(window, conversationsByDay, (row) => row.handedOff);
    return {
      conversations,
      answeredByAi,
      handedOff,
      answeredByAiShare: conversations > 0 ? answeredByAi / conversations : null,
      handoffRate: conversations > 0 ? handedOff / conversations : null,
      assistedOrders: sumDays(window, ordersByDay, (row) => row.assistedOrders),
      assistedRevenueCents: sumDays(window, ordersByDay, (row) => row.assistedRevenueCents),
      storeRevenueCents: sumDays(window, ordersByDay, (row) => row.storeRevenueCents),
      assistedOtherCurrency: sumDays(window, ordersByDay, (row) => row.assistedOtherCurrency),
      aiCostMicroUsd: sumDays(window, costByDay, (row) => row.costMicroUsd),
    };
  };

  return {
    period: describeWindow(current, days),
    currency: calendar.currency,
    days: daysOf(current),
    totals: totalsOf(current),
    previousTotals: totalsOf(previous),
    topIntents,
    topQuestions,
    sentiment,
  };
}
