import { describe, expect, it } from 'vitest';
import { createFacts, createGroundedStream, findClaims, parseAmountToCents } from './grounding';

function factsWith(amounts: number[], stock: number[] = []) {
  const facts = createFacts();
  for (const cents of amounts) facts.amountsInCents.add(cents);
  for (const count of stock) facts.stockCounts.add(count);
  return facts;
}

function streamThrough(facts: ReturnType<typeof createFacts>, pieces: string[]) {
  const stream = createGroundedStream(facts);
  const shownAlong = pieces.map((piece) => stream.push(piece));
  const last = stream.flush();
  return { shownAlong, last, text: stream.text, withheld: stream.withheld };
}

describe('grounding', () => {
  it.each([
    ['129', 12900],
    ['1,299.00', 129900],
    ['1.299,00', 129900],
    ['89.5', 8950],
    ['45', 4500],
  ])('parses %s as %i cents', (text, cents) => {
    expect(parseAmountToCents(text)).toBe(cents);
  });

  it('finds prices in several notations and stock counts', () => {
    expect(findClaims('It costs $129.00, or 99 EUR, and 45 dollars. Only 3 left!')).toEqual({
      amounts: [12900, 9900, 4500],
      stock: [3],
    });
    expect(findClaims('Order #1042 shipped in 2 boxes.')).toEqual({ amounts: [], stock: [] });
  });

  it('streams sentences without numbers at once', () => {
    const result = streamThrough(factsWith([]), ['Hello ', 'there! ', 'How can ', 'I help?']);
    expect(result.shownAlong).toEqual(['Hello ', 'there! ', 'How can ', 'I help?']);
    expect(result.text).toBe('Hello there! How can I help?');
  });

  it('holds a sentence with a price until it ends, then shows it when retrieval returned the price', () => {
    const result = streamThrough(factsWith([12900]), [
      'Good choice. The Alpine jacket is $',
      '129',
      '.00. It is ',
      'warm.',
    ]);
    expect(result.shownAlong[0]).toBe('Good choice. ');
    expect(result.shownAlong[1]).toBe('');
    expect(result.shownAlong[2]).toBe('The Alpine jacket is $129.00. It is ');
    expect(result.text).toBe('Good choice. The Alpine jacket is $129.00. It is warm.');
    expect(result.withheld).toBe(0);
  });

  it('takes back the streamed start of a sentence whose price turns out to be invented', () => {
    const result = streamThrough(factsWith([12900]), [
      'Good news! The jacket ',
      'is on sale for $',
      '99. ',
      'It is warm.',
    ]);
    expect(result.shownAlong.join('')).not.toContain('99');
    expect(result.text).toBe('Good news! It is warm.');
    expect(result.withheld).toBe(1);
  });

  it('drops a sentence that invents a price or a stock level', () => {
    const result = streamThrough(factsWith([12900], [7]), [
      'The Alpine jacket is $129.00. ',
      'Today only it is $99! ',
      'Only 2 left. ',
      'We have 7 in stock.',
    ]);
    expect(result.text).toBe('The Alpine jacket is $129.00. We have 7 in stock.');
    expect(result.withheld).toBe(2);
  });
});
