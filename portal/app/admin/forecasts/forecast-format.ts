/** Numbers the forecasts page shows beyond the shared insights formats. */
const locale = 'en-US';

/** Forecast units are expectations, not counts: one decimal at most. */
export function formatUnits(value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Bias is over- (+) or under- (−) forecasting as a share of what sold. */
export function formatBias(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const percent = Math.round(value * 1000) / 10;
  return `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${Math.abs(percent)}%`;
}

/** A calendar date (a Date from the loader or `YYYY-MM-DD`) as `YYYY-MM-DD`, for the insights formatters. */
export function isoDay(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
