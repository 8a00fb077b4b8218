import { describe, expect, it } from 'vitest';
import { parseShoppingQuery } from './shopping-query.parser';

describe('parseShoppingQuery', () => {
  it.each([
    ['waterproof jacket under $150', { query: 'waterproof jacket', maxPriceCents: 15000 }],
    ['hiking boots below 150', { query: 'hiking boots', maxPriceCents: 15000 }],
    ['a tent for less than 150 dollars', { query: 'tent', maxPriceCents: 15000 }],
    ['backpack between 50 and 100', { query: 'backpack', minPriceCents: 5000, maxPriceCents: 10000 }],
    ['scarf max 80€', { query: 'scarf', maxPriceCents: 8000 }],
    ['Wanderschuhe unter 100 €', { query: 'wanderschuhe', maxPriceCents: 10000 }],
    ['une veste moins de 100 €', { query: 'veste', maxPriceCents: 10000 }],
    ['sweater over $60', { query: 'sweater', minPriceCents: 6000 }],
    ['gloves from $20 to $45.50', { query: 'gloves', minPriceCents: 2000, maxPriceCents: 4550 }],
    ['sneakers $80-$120', { query: 'sneakers', minPriceCents: 8000, maxPriceCents: 12000 }],
    ['parka zwischen 100 und 250 euro', { query: 'parka', minPriceCents: 10000, maxPriceCents: 25000 }],
    ['mochila entre 30 y 60 €', { query: 'mochila', minPriceCents: 3000, maxPriceCents: 6000 }],
    ['jacke bis 79,99 €', { query: 'jacke', maxPriceCents: 7999 }],
    ['sofa under 1,250 dollars', { query: 'sofa', maxPriceCents: 125000 }],
    ['lamp <= 40', { query: 'lamp', maxPriceCents: 4000 }],
    ['mug 25€ max', { query: 'mug', maxPriceCents: 2500 }],
    ['a tent under 150 in stock', { query: 'tent', maxPriceCents: 15000, inStockOnly: true }],
  ])('%s', (text, expected) => {
    expect(parseShoppingQuery(text)).toEqual(expected);
  });

  it('drops filler words and keeps the keywords', () => {
    expect(parseShoppingQuery('Hi! I want a warm waterproof jacket for hiking')).toEqual({
      query: 'warm waterproof jacket hiking',
    });
    expect(parseShoppingQuery("Do you have any men's merino socks?")).toEqual({ query: "men's merino socks" });
    expect(parseShoppingQuery('I am looking for the red T-shirt')).toEqual({ query: 'red t-shirt' });
  });

  it('understands stock wishes in several languages', () => {
    for (const text of [
      'boots in stock',
      'boots available now',
      'Stiefel auf Lager',
      'bottes en stock',
      'botas disponibles',
    ]) {
      expect(parseShoppingQuery(text).inStockOnly).toBe(true);
    }
    expect(parseShoppingQuery('boots').inStockOnly).toBeUndefined();
  });

  it('leaves numbers that are not prices alone', () => {
    expect(parseShoppingQuery('2 person tent')).toEqual({ query: '2 person tent' });
    expect(parseShoppingQuery('size 10 running shoes')).toEqual({ query: 'size 10 running shoes' });
    expect(parseShoppingQuery('a tent for up to 4 people')).toEqual({ query: 'tent 4 people' });
    expect(parseShoppingQuery('backpack from 2020')).toEqual({ query: 'backpack 2020' });
  });

  it('orders a reversed range and returns an empty query for price-only text', () => {
    expect(parseShoppingQuery('between 100 and 50')).toEqual({ query: '', minPriceCents: 5000, maxPriceCents: 10000 });
  });
});
