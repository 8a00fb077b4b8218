/** Analytics: read-only figures per workspace and local-day period (home dashboard, AI usage). */

export type { UsageFigures } from './ai-usage-report.repo';
export { type AiUsageReport, getAiUsageReport } from './ai-usage-report.service';
export {
  defaultRangeDays,
  type PeriodLabel,
  parseRangeDays,
  type RangeDays,
  rangeDayOptions,
  type SentimentCounts,
  sentimentBands,
  WorkspaceNotFoundError,
} from './analytics.model';
export {
  type AnalyticsDeps,
  getHomeDashboard,
  type HomeDashboard,
  type HomeDay,
  type HomeTotals,
} from './home-dashboard.service';
