import { describe, expect, it } from 'vitest';
import { parseRangeDays } from './analytics.model';
import { addDays, currentWindow, listDays, localDate, previousWindow, usableTimeZone } from './date-range';

describe('local calendar windows', () => {
  it('takes today from the merchant’s zone, not UTC', () => {
    // 05:30 UTC on 1 March is still 28 February in Los Angeles (UTC-8) and already 1 March in Tokyo.
    const instant = new Date('2026-03-01T05:30:00Z');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-02-28');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-03-01');
  });

  it('covers exactly N days ending today, and the N days before them', () => {
    const window = currentWindow(new Date('2026-03-10T12:00:00Z'), 'UTC', 7);
    expect(window).toEqual({ timeZone: 'UTC', from: '2026-03-04', to: '2026-03-11' });
    expect(listDays(window)).toHaveLength(7);
    expect(previousWindow(window)).toEqual({ timeZone: 'UTC', from: '2026-02-25', to: '2026-03-04' });
  });

  it('steps over month ends, leap days and daylight-saving changes one calendar day at a time', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    // US clocks spring forward on 8 March 2026; the window still has 30 days.
    const window = currentWindow(new Date('2026-03-20T18:00:00Z'), 'America/New_York', 30);
    expect(listDays(window)).toHaveLength(30);
    expect(listDays(window)).toContain('2026-03-08');
  });

  it('falls back to UTC for a zone this runtime does not know', () => {
    expect(usableTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(usableTimeZone('Mars/Olympus_Mons')).toBe('UTC');
  });

  it('reads 7, 30 or 90 days from the URL and ignores anything else', () => {
    expect(parseRangeDays('7d')).toBe(7);
    expect(parseRangeDays('90')).toBe(90);
    expect(parseRangeDays('365d')).toBe(30);
    expect(parseRangeDays(null)).toBe(30);
  });
});
