import { describe, expect, it } from 'vitest';
import { collectFactNumbers, extractNumbers, findUncitedNumbers, removeUncitedNumbers } from './number-check';

const facts = collectFactNumbers({
  store: { forecastStarts: '2026-11-02', horizonsWeeks: [4, 13, 26], serviceLevelPercent: 95 },
  products: [
    {
      productId: '0197a6b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b',
      title: 'Trail Runner 21',
      forecastUnits: { next13Weeks: 1234.6 },
      expectedRevenueNext13Weeks: 45210,
      share: 0.234,
      growth: -0.153,
      stock: { expectedStockoutDate: '2026-12-03', reorderQuantity: 48 },
    },
  ],
});

describe('extractNumbers', () => {
  it('reads separators, decimals, k/m suffixes and percentages, and skips glued identifiers', () => {
    const tokens = extractNumbers('Sell 1,234.5 units ($45.2k) in Q4, up 23% on 2026-12-03 for P1.');
    expect(tokens.map(({ text, value }) => [text, value])).toEqual([
      ['1,234.5', 1234.5],
      ['45.2k', 45200],
      ['23%', 23],
      ['2026', 2026],
      ['12', 12],
      ['03', 3],
    ]);
    expect(extractNumbers('about 1,200 units')[0]?.unit).toBe(100);
    expect(extractNumbers('1000 units')[0]?.unit).toBe(100);
    expect(extractNumbers('50 units')[0]?.unit).toBe(1);
  });
});

describe('findUncitedNumbers', () => {
  it('accepts the facts, roundings of them, shares as percentages and numbers inside fact texts', () => {
    const output = {
      productId: '0197a6b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b',
      analysis:
        'Trail Runner 21 should sell 1,234.6 units (about 1,235, or 1.2k) over the next 13 weeks, ' +
        'earning $45,210; a 23.4% share, down 15% (−15.3 %). Stock runs out on 2026-12-03 (December 3, 2026): ' +
        'reorder 48 units to reach the 95 % service level.',
      reorderUnits: 48,
    };
    expect(findUncitedNumbers(output, facts)).toEqual([]);
  });

  it('catches invented numbers, sums and too-coarse roundings', () => {
    const output = {
      analysis: 'Expect 4,750 units; with the 48 reordered that is 1,282.6 in all, roughly 1,000.',
      budget: [{ city: 'Denver', sharePercent: 37 }],
    };
    expect(findUncitedNumbers(output, facts)).toEqual(['4,750', '1,282.6', '1,000', '37']);
  });

  it('removes only the uncited numbers, from text and numeric fields', () => {
    const output = {
      analysis: 'Sell 4,750 or 1,235 units.',
      budget: [{ city: 'Denver', sharePercent: 37 }],
      weeks: 13,
    };
    expect(removeUncitedNumbers(output, facts)).toEqual({
      analysis: 'Sell [unverified] or 1,235 units.',
      budget: [{ city: 'Denver', sharePercent: null }],
      weeks: 13,
    });
  });

  it('neither checks nor harvests identifiers', () => {
    // The UUID's digit groups (0197, 7e4f…) are not facts a text could cite.
    expect(findUncitedNumbers({ text: 'We expect 197 units.' }, facts)).toEqual(['197']);
    expect(findUncitedNumbers({ productIds: ['123', '0197a6b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b'] }, facts)).toEqual([]);
  });
});
