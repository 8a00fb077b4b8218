import type { LocalWindow, PeriodLabel, RangeDays } from './analytics.model';

/**
 * Calendar arithmetic on local dates (`YYYY-MM-DD`). Only "which day is it
 * now in the merchant's zone" needs the zone; stepping days on plain dates is
 * exact in UTC, where no day is 23 or 25 hours long.
 */

/** The zone if this runtime knows it, else UTC (a workspace saved with a typo still gets a dashboard). */
export function usableTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** Every day of the window, in order. */
export function listDays(window: Pick<LocalWindow, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = window.from; day < window.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The last `days` local days, today included. */
export function currentWindow(now: Date, timeZone: string, days: RangeDays): LocalWindow {
  const to = addDays(localDate(now, timeZone), 1);
  return { timeZone, from: addDays(to, -days), to };
}

/** The same number of days just before `window`, for "change vs previous period". */
export function previousWindow(window: LocalWindow): LocalWindow {
  const length = listDays(window).length;
  return { timeZone: window.timeZone, from: addDays(window.from, -length), to: window.from };
}

export function describeWindow(window: LocalWindow, days: RangeDays): PeriodLabel {
  return { days, firstDay: window.from, lastDay: addDays(window.to, -1), timeZone: window.timeZone };
}
