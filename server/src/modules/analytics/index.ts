/** Analytics: read-only figures per workspace and local-day period (home dashboard, AI usage). */

export { type AiUsageReport, getAiUsageReport } from './ai-usage-report.service';
export { parseRangeDays, type RangeDays } from './analytics.model';
export { type AnalyticsDeps, getHomeDashboard, type HomeDashboard } from './home-dashboard.service';
