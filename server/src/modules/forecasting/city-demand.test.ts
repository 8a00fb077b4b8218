import { describe, expect, it } from 'vitest';
import { rankPlaces } from './city-demand';
import type { PlaceUnitsRow } from './sales-history.repo';

const row = (
  productId: string,
  city: string,
  region: string,
  recent: number,
  prior: number,
  year: number,
): PlaceUnitsRow => ({
  productId,
  country: 'US',
  region,
  city,
  recent,
  prior,
  year,
  revenueYearCents: 0,
});

// The mug sells in Denver and Boulder; a similar mug (same category) also sells in Austin, where ours never has.
const rows = [
  row('mug', 'Denver', 'CO', 30, 20, 120),
  row('mug', 'Boulder', 'CO', 10, 10, 30),
  row('other-mug', 'Denver', 'CO', 5, 5, 50),
  row('other-mug', 'Austin', 'TX', 20, 20, 200),
  row('poster', 'Miami', 'FL', 50, 50, 200),
];
const categories = new Map([
  ['mug', 'Mugs'],
  ['other-mug', 'Mugs'],
  ['poster', 'Prints'],
]);
const forecast = new Array<number>(26).fill(10);

describe('rankPlaces', () => {
  const places = rankPlaces([{ id: 'mug', category: 'Mugs', forecast, unitPriceCents: 1500 }], rows, categories);
  const cities = places.filter((place) => place.scope === 'city');

  it("splits the product's forecast by its own trailing-year shares", () => {
    const denver = cities.find((place) => place.city === 'Denver');
    expect(denver).toMatchObject({ source: 'product', rank: 1, unitsRecent: 30, unitsPrior: 20, unitsYear: 120 });
    expect(denver?.shareYear).toBeCloseTo(0.8, 12);
    expect(denver?.shareRecent).toBeCloseTo(0.75, 12);
    expect(denver?.growth).toBeCloseTo(0.5, 12);
    expect(denver?.units13).toBeCloseTo(0.8 * 130, 9);
    expect(denver?.revenue13Cents).toBe(Math.round(0.8 * 130 * 1500));
    expect(cities.find((place) => place.city === 'Boulder')?.units4).toBeCloseTo(0.2 * 40, 9);
  });

  it('ranks a city where only similar products sell, at the category share of the forecast', () => {
    const austin = cities.find((place) => place.city === 'Austin');
    // Mugs sold 120 + 30 + 50 + 200 = 400 units; Austin had 200 of them.
    expect(austin).toMatchObject({ source: 'category', unitsYear: 0, shareYear: 0, growth: null });
    expect(austin?.categoryShare).toBeCloseTo(0.5, 12);
    expect(austin?.units26).toBeCloseTo(0.5 * 260, 9);
    expect(cities.map((place) => [place.city, place.rank])).toEqual([
      ['Denver', 1],
      ['Austin', 2],
      ['Boulder', 3],
    ]);
    // Another category's city is not "similar".
    expect(cities.some((place) => place.city === 'Miami')).toBe(false);
  });

  it('ranks regions the same way', () => {
    const regions = places.filter((place) => place.scope === 'region');
    expect(regions.map((place) => [place.region, place.source, place.city])).toEqual([
      ['CO', 'product', ''],
      ['TX', 'category', ''],
    ]);
    expect(regions[0]?.shareYear).toBe(1);
  });

  it('gives a product without sales the category map as a whole', () => {
    const fresh = rankPlaces([{ id: 'new-mug', category: 'Mugs', forecast, unitPriceCents: null }], rows, categories);
    const shares = fresh.filter((place) => place.scope === 'city').map((place) => [place.city, place.expectedShare]);
    expect(shares).toEqual([
      ['Austin', 0.5],
      ['Denver', 0.425],
      ['Boulder', 0.075],
    ]);
    expect(fresh.every((place) => place.source === 'category' && place.revenue13Cents === 0)).toBe(true);
  });

  it('keeps at most the configured number of places of each kind', () => {
    const limited = rankPlaces([{ id: 'mug', category: 'Mugs', forecast, unitPriceCents: 1 }], rows, categories, {
      product: 1,
      category: 0,
    });
    expect(limited.filter((place) => place.scope === 'city').map((place) => place.city)).toEqual(['Denver']);
  });
});
