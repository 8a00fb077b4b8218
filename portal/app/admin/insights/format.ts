/**
 * Numbers as the admin shows them. One fixed locale, so the server's HTML and
 * the browser's hydration agree character for character.
 */
const locale = 'en-US';

export function formatCount(value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Minor units (cents) in the workspace's currency. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** AI cost is kept in micro-dollars; sub-cent amounts keep four decimals so a month of cheap calls is not "$0.00". */
export function formatMicroUsd(microUsd: number): string {
  const dollars = microUsd / 1_000_000;
  const digits = microUsd > 0 && microUsd < 10_000 ? 4 : 2;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(dollars);
}

/** A share from 0 to 1; null (nothing to divide) shows as a dash. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toString()}%`;
}

export function formatTokens(value: number): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A local calendar day, `YYYY-MM-DD`, as "Nov 3". */
export function formatDay(day: string, options: { year?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: options.year ? 'numeric' : undefined,
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

export function formatPeriod(period: { firstDay: string; lastDay: string }): string {
  return `${formatDay(period.firstDay)} – ${formatDay(period.lastDay, { year: true })}`;
}

/** `none`: there is no earlier figure to compare with (no conversations then, so no rate). */
export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

export interface Change {
  direction: ChangeDirection;
  text: string;
}

/**
 * Against the previous period: counts and money by percent, shares by
 * percentage points (a rate going from 10 % to 12 % is "+2 pts", not "+20 %").
 */
export function describeChange(current: number | null, previous: number | null, kind: 'amount' | 'share'): Change {
  if (current === null || previous === null) return { direction: 'none', text: 'No earlier figure to compare with' };
  if (kind === 'share') {
    const points = Math.round((current - previous) * 1000) / 10;
    if (points === 0) return { direction: 'flat', text: 'no change' };
    return { direction: points > 0 ? 'up' : 'down', text: `${points > 0 ? '+' : '−'}${Math.abs(points)} pts` };
  }
  if (current === previous) return { direction: 'flat', text: 'no change' };
  if (previous === 0) return { direction: 'up', text: 'up from none' };
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent === 0) return { direction: current > previous ? 'up' : 'down', text: 'less than 1% change' };
  return { direction: percent > 0 ? 'up' : 'down', text: `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%` };
}
