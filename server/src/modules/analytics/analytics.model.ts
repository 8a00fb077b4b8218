/** The periods the admin offers; anything else in a URL falls back to the default. */
export const rangeDayOptions = [7, 30, 90] as const;
export type RangeDays = (typeof rangeDayOptions)[number];
export const defaultRangeDays: RangeDays = 30;

/** `?range=7d` (or `7`) → 7; missing or unknown → the default, so a stale link still opens the page. */
export function parseRangeDays(value: string | null | undefined): RangeDays {
  const days = Number(value?.replace(/d$/, ''));
  return (rangeDayOptions as readonly number[]).includes(days) ? (days as RangeDays) : defaultRangeDays;
}

/**
 * Local calendar days in the workspace's time zone, `YYYY-MM-DD`, `to`
 * exclusive. Every query turns them into UTC instants in SQL, so a day is the
 * merchant's day, daylight-saving changes included.
 */
export interface LocalWindow {
  timeZone: string;
  from: string;
  to: string;
}

/** How the admin labels a period: its first and last day (inclusive) and its length. */
export interface PeriodLabel {
  days: RangeDays;
  firstDay: string;
  lastDay: string;
  timeZone: string;
}

/**
 * Sentiment is stored from -1 (angry) to 1 (delighted); the bands around 0 are
 * wide enough that "fine, thanks" does not count as delight.
 */
export const sentimentBands = { negativeBelow: -0.25, positiveAbove: 0.25 } as const;

export interface SentimentCounts {
  negative: number;
  neutral: number;
  positive: number;
  /** Conversations not analysed yet (the analysis runs once a conversation goes quiet). */
  unrated: number;
}

export class WorkspaceNotFoundError extends Error {
  readonly status = 404;
  constructor() {
    super('This workspace does not exist.');
    this.name = 'WorkspaceNotFoundError';
  }
}
