import { loadUsageGroups, type UsageFigures, type UsageGroup } from './ai-usage-report.repo';
import { type PeriodLabel, type RangeDays, WorkspaceNotFoundError } from './analytics.model';
import { currentWindow, describeWindow, listDays, usableTimeZone } from './date-range';
import type { AnalyticsDeps } from './home-dashboard.service';
import { findWorkspaceCalendar } from './home-metrics.repo';

export interface AiUsageReport {
  period: PeriodLabel;
  totals: UsageFigures;
  /** Every local day of the period, zeros included. */
  days: (UsageFigures & { day: string })[];
  /** Most expensive first, then busiest. */
  byTask: (UsageFigures & { task: string })[];
  byProvider: (UsageFigures & { provider: string })[];
  byModel: (UsageFigures & { provider: string; model: string })[];
}

const noUsage: UsageFigures = {
  calls: 0,
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  costMicroUsd: 0,
  errors: 0,
  cached: 0,
  budgetBlocked: 0,
  averageLatencyMs: 0,
};

function figuresOf(group: UsageGroup): UsageFigures {
  const { dimension: _dimension, key: _key, provider: _provider, ...figures } = group;
  return figures;
}

const byCostThenCalls = (a: UsageFigures, b: UsageFigures) => b.costMicroUsd - a.costMicroUsd || b.calls - a.calls;

export async function getAiUsageReport(
  deps: AnalyticsDeps,
  workspaceId: string,
  days: RangeDays,
): Promise<AiUsageReport> {
  const calendar = await findWorkspaceCalendar(deps.prisma, workspaceId);
  if (!calendar) throw new WorkspaceNotFoundError();
  const window = currentWindow(deps.now(), usableTimeZone(calendar.timeZone), days);
  const groups = await loadUsageGroups(deps.prisma, workspaceId, window);
  const of = (dimension: UsageGroup['dimension']) => groups.filter((group) => group.dimension === dimension);

  const perDay = new Map(of('day').map((group) => [group.key, figuresOf(group)]));
  const byProvider = of('provider')
    .map((group) => ({ provider: group.key, ...figuresOf(group) }))
    .sort(byCostThenCalls);
  return {
    period: describeWindow(window, days),
    totals: byProvider.reduce(addFigures, { ...noUsage }),
    days: listDays(window).map((day) => ({ day, ...(perDay.get(day) ?? noUsage) })),
    byTask: of('task')
      .map((group) => ({ task: group.key, ...figuresOf(group) }))
      .sort(byCostThenCalls),
    byProvider,
    byModel: of('model')
      .map((group) => ({ provider: group.provider ?? '', model: group.key, ...figuresOf(group) }))
      .sort(byCostThenCalls),
  };
}

/** Sums two groups; the average latency is weighted by their calls. */
function addFigures(total: UsageFigures, next: UsageFigures): UsageFigures {
  const calls = total.calls + next.calls;
  return {
    calls,
    inputTokens: total.inputTokens + next.inputTokens,
    outputTokens: total.outputTokens + next.outputTokens,
    cachedInputTokens: total.cachedInputTokens + next.cachedInputTokens,
    costMicroUsd: total.costMicroUsd + next.costMicroUsd,
    errors: total.errors + next.errors,
    cached: total.cached + next.cached,
    budgetBlocked: total.budgetBlocked + next.budgetBlocked,
    averageLatencyMs:
      calls > 0 ? Math.round((total.averageLatencyMs * total.calls + next.averageLatencyMs * next.calls) / calls) : 0,
  };
}
