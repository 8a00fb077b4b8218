import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, readBoolean, readDateTime, readInteger, readList, readMoneyCents } from './cell-values';

describe('readMoneyCents', () => {
  it.each([
    ['12.90', 1290],
    ['12,90', 1290],
    ['12,9', 1290],
    ['1,299.00', 129900],
    ['1.299,00', 129900],
    ['1 299,50', 129950],
    ['1,299', 129900],
    ['1.000.000', 100000000],
    ['$15', 1500],
    ['€ 7,50', 750],
    ['15.00 USD', 1500],
    ['USD 15.00', 1500],
    ['0.5', 50],
    ['.5', 50],
    ['12.340', 1234],
    ['  42  ', 4200],
  ])('reads %s as %i', (text, cents) => {
    expect(readMoneyCents(text)).toEqual({ value: cents });
  });

  it.each(['abc', '', '-5', '12.345', '1.2.3,4,5', '$', '99999999999'])('refuses %j with a reason', (text) => {
    const result = readMoneyCents(text);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(/money|negative|decimals|too large/);
  });

  it('reads back any amount however a spreadsheet groups and separates it', () => {
    const styles = [
      { group: ',', decimal: '.' },
      { group: '.', decimal: ',' },
      { group: ' ', decimal: ',' },
      { group: '', decimal: '.' },
      { group: '', decimal: ',' },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(...styles), (cents, style) => {
        const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
        const text = `${whole}${style.decimal}${String(cents % 100).padStart(2, '0')}`;
        expect(readMoneyCents(text)).toEqual({ value: cents });
      }),
    );
  });
});

describe('readInteger', () => {
  it('reads whole numbers as spreadsheets write them', () => {
    expect(readInteger('12')).toEqual({ value: 12 });
    expect(readInteger('-3')).toEqual({ value: -3 });
    expect(readInteger('1,200')).toEqual({ value: 1200 });
    expect(readInteger('5.0')).toEqual({ value: 5 });
  });

  it('refuses fractions, words and numbers out of range', () => {
    expect(readInteger('2.5')).toHaveProperty('error');
    expect(readInteger('many')).toHaveProperty('error');
    expect(readInteger('0', { min: 1 })).toEqual({ error: '0 is outside 1…1000000000' });
  });
});

describe('readDateTime', () => {
  it.each([
    ['2024-03-05T14:22:10Z', '2024-03-05T14:22:10.000Z'],
    ['2024-03-05 14:22:10 +0100', '2024-03-05T14:22:10.000+01:00'],
    ['2024-03-05 14:22:10 -05:00', '2024-03-05T14:22:10.000-05:00'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05 09:30', '2024-03-05T09:30:00.000Z'],
    ['2024-03-05T14:22:10.123456Z', '2024-03-05T14:22:10.123Z'],
  ])('reads %s', (text, iso) => {
    expect(readDateTime(text)).toEqual({ value: iso });
  });

  it('refuses dates that do not exist and other spellings', () => {
    expect(readDateTime('2024-02-30')).toEqual({ error: '"2024-02-30" is not a real date' });
    expect(readDateTime('05/03/2024')).toHaveProperty('error');
    expect(readDateTime('')).toHaveProperty('error');
  });
});

describe('other cells', () => {
  it('reads yes/no in the spellings exports use', () => {
    expect(readBoolean('Yes')).toEqual({ value: true });
    expect(readBoolean('subscribed')).toEqual({ value: true });
    expect(readBoolean('FALSE')).toEqual({ value: false });
    expect(readBoolean('maybe')).toHaveProperty('error');
  });

  it('splits lists on commas, semicolons and bars', () => {
    expect(readList('rain, jacket;outdoor | rain')).toEqual(['rain', 'jacket', 'outdoor']);
    expect(readList('')).toEqual([]);
  });

  it('turns description HTML into text', () => {
    expect(htmlToText('<p>Warm &amp; dry.</p><p>Packs&nbsp;small<br/>weighs 300&#8239;g</p><script>x()</script>')).toBe(
      'Warm & dry.\nPacks small\nweighs 300\u202fg',
    );
  });
});
