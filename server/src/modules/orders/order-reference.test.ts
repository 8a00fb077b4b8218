import { describe, expect, it } from 'vitest';
import { listOrderNumberSpellings, normaliseEmail } from './order-reference';

describe('listOrderNumberSpellings', () => {
  it.each(['#1042', '1042', ' #1042 ', '# 1042', '##1042', '１０４２'])('reads %j as order 1042', (input) => {
    expect(listOrderNumberSpellings(input)).toEqual(['#1042', '1042']);
  });

  it('keeps letters, and also tries them upper-cased', () => {
    expect(listOrderNumberSpellings('#shop-1042')).toEqual(['#shop-1042', 'shop-1042', '#SHOP-1042', 'SHOP-1042']);
  });

  it('rejects what cannot be an order number', () => {
    for (const input of ['', '#', '   ', "1042' OR '1'='1", '%', '10_42%', 'a'.repeat(41), '1042;']) {
      expect(listOrderNumberSpellings(input)).toEqual([]);
    }
  });
});

describe('normaliseEmail', () => {
  it('trims and keeps the address; rejects non-addresses', () => {
    expect(normaliseEmail('  Ana@Example.COM ')).toBe('Ana@Example.COM');
    for (const input of ['', 'ana', '%', 'ana @example.com', '@example.com', `${'a'.repeat(250)}@x.io`]) {
      expect(normaliseEmail(input)).toBeNull();
    }
  });
});
