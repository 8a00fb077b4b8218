import { describe, expect, it } from 'vitest';
import { describeChange, formatDay, formatMicroUsd, formatMoney, formatPeriod, formatShare } from './format';

describe('admin number formats', () => {
  it('keeps sub-cent AI costs visible and rounds larger ones to cents', () => {
    expect(formatMicroUsd(0)).toBe('$0.00');
    expect(formatMicroUsd(1_234)).toBe('$0.0012');
    expect(formatMicroUsd(10_000)).toBe('$0.01');
    expect(formatMicroUsd(12_345_678)).toBe('$12.35');
  });

  it('formats minor units in the workspace currency, shares and local days', () => {
    expect(formatMoney(123_456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(5_000, 'EUR')).toBe('€50.00');
    expect(formatShare(2 / 3)).toBe('66.7%');
    expect(formatShare(null)).toBe('—');
    // A plain calendar day: the same label whatever zone the browser is in.
    expect(formatDay('2026-03-08')).toBe('Mar 8');
    expect(formatPeriod({ firstDay: '2026-02-20', lastDay: '2026-03-21' })).toBe('Feb 20 – Mar 21, 2026');
  });

  it('compares amounts by percent and shares by percentage points', () => {
    expect(describeChange(120, 100, 'amount')).toEqual({ direction: 'up', text: '+20%' });
    expect(describeChange(50, 100, 'amount')).toEqual({ direction: 'down', text: '−50%' });
    expect(describeChange(3, 0, 'amount')).toEqual({ direction: 'up', text: 'up from none' });
    expect(describeChange(0, 0, 'amount')).toEqual({ direction: 'flat', text: 'no change' });
    expect(describeChange(1001, 1000, 'amount')).toEqual({ direction: 'up', text: 'less than 1% change' });
    expect(describeChange(0.12, 0.1, 'share')).toEqual({ direction: 'up', text: '+2 pts' });
    expect(describeChange(0.5, null, 'share')).toEqual({
      direction: 'none',
      text: 'No earlier figure to compare with',
    });
  });
});
