/**
 * Calendar dates for weekly series. A date is a `Date` at UTC midnight that
 * stands for a day on the workspace's local calendar (what PostgreSQL's
 * `date` type round-trips as), so arithmetic never meets a DST change.
 * Weeks start on Monday, as PostgreSQL's `date_trunc('week', …)` does.
 */
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** The workspace's calendar day of an instant. Unknown time zones count as UTC. */
export function toLocalDate(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: validTimeZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

export function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export function startOfWeek(date: Date): Date {
  const mondayOffset = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - mondayOffset * DAY_MS);
}

/** The first Monday on or after `date`: a history starting mid-week would open with a partial week. */
export function nextWeekStart(date: Date): Date {
  const start = startOfWeek(date);
  return start.getTime() === date.getTime() ? start : addDays(start, 7);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addWeeks(date: Date, weeks: number): Date {
  return addDays(date, 7 * weeks);
}

export function weeksBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / WEEK_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseIsoDate(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}

/** Week of the year, 0 … 51, by the Thursday of the week (so a week belongs to the year most of it is in). */
export function weekOfYear(weekStart: Date): number {
  const thursday = addDays(weekStart, 3);
  const dayOfYear = daysBetween(new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1)), thursday);
  return Math.min(51, Math.floor(dayOfYear / 7));
}
