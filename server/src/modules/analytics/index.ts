/** Analytics: read-only figures per workspace and local-day period (home dashboard, AI usage). */
export { parseRangeDays, type RangeDays } from './analytics.model';
export { type AiUsageReport, getAiUsageReport } from './ai-usage-report.service';
export { type AnalyticsDeps, getHomeDashboard, type HomeDashboard } from './home-dashboard.service';
