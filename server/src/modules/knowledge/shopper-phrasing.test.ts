import { describe, expect, it } from 'vitest';
import { expandShopperPhrasing } from './shopper-phrasing';

describe('expandShopperPhrasing', () => {
  it.each([
    ['Can I send it back?', ['return', 'refund', 'exchange']],
    ['I want my money back', ['return', 'refund', 'exchange']],
    ['the shoes are too small', ['exchange', 'return', 'size', 'fit']],
    ['when will it arrive', ['shipping', 'delivery']],
    ["where's my parcel", ['shipping', 'tracking']],
    ['can I pay with klarna', ['payment']],
    ['the zip is broken', ['warranty', 'repair', 'damage']],
  ])('%s', (text, expected) => {
    expect(expandShopperPhrasing(text).sort()).toEqual([...expected].sort());
  });

  it('adds nothing to text it does not recognise', () => {
    expect(expandShopperPhrasing('merino socks')).toEqual([]);
  });
});
