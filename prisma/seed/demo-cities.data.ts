// Where demo orders ship to. Each city carries a size weight, a hemisphere and climate (which
// bend product seasonality), a UTC offset (so orders arrive in local daytime) and category
// affinities, so per-city forecasts differ by product instead of being scaled copies of each other.

import type { Climate, Hemisphere } from './demo-calendar.data';

export type NameLocale = 'en' | 'de' | 'fr' | 'nl';

export interface DemoCity {
  name: string;
  region: string;
  country: string;
  weight: number;
  hemisphere: Hemisphere;
  climate: Climate;
  utcOffset: number;
  locale: NameLocale;
  affinity: Readonly<Record<string, number>>;
}

// Cold places buy coats and sweaters; warm places buy tees and sandals.
const CLIMATE_AFFINITY: Record<Climate, Readonly<Record<string, number>>> = {
  cold: { Jackets: 1.45, Knitwear: 1.4, Tees: 0.8, Footwear: 1.05, Bags: 0.95, Accessories: 1.1, 'Outdoor Gear': 1.0 },
  mild: { Jackets: 1.05, Knitwear: 1.0, Tees: 1.0, Footwear: 1.0, Bags: 1.0, Accessories: 1.0, 'Outdoor Gear': 1.0 },
  warm: { Jackets: 0.55, Knitwear: 0.5, Tees: 1.3, Footwear: 1.05, Bags: 1.1, Accessories: 0.95, 'Outdoor Gear': 1.1 },
};

// City quirks on top of climate: mountain towns buy gear, big dense cities buy bags.
const OUTDOORSY = { 'Outdoor Gear': 1.6, Footwear: 1.15 };
const RAINY = { Jackets: 1.3, 'Outdoor Gear': 1.3 };
const METROPOLITAN = { Bags: 1.35, Accessories: 1.2, 'Outdoor Gear': 0.6 };

type CityRow = [string, string, string, number, Climate, number, NameLocale, Readonly<Record<string, number>>?];

const CITY_ROWS: readonly CityRow[] = [
  ['New York', 'NY', 'US', 10, 'mild', -5, 'en', METROPOLITAN],
  ['Los Angeles', 'CA', 'US', 7, 'warm', -8, 'en'],
  ['Chicago', 'IL', 'US', 6, 'cold', -6, 'en'],
  ['Houston', 'TX', 'US', 4, 'warm', -6, 'en'],
  ['Phoenix', 'AZ', 'US', 3, 'warm', -7, 'en'],
  ['Philadelphia', 'PA', 'US', 3, 'mild', -5, 'en'],
  ['San Francisco', 'CA', 'US', 5, 'mild', -8, 'en', METROPOLITAN],
  ['Seattle', 'WA', 'US', 5, 'mild', -8, 'en', RAINY],
  ['Denver', 'CO', 'US', 4, 'cold', -7, 'en', OUTDOORSY],
  ['Boston', 'MA', 'US', 4, 'cold', -5, 'en'],
  ['Portland', 'OR', 'US', 4, 'mild', -8, 'en', RAINY],
  ['Minneapolis', 'MN', 'US', 3, 'cold', -6, 'en'],
  ['Miami', 'FL', 'US', 3, 'warm', -5, 'en'],
  ['Austin', 'TX', 'US', 3, 'warm', -6, 'en'],
  ['Atlanta', 'GA', 'US', 3, 'warm', -5, 'en'],
  ['Salt Lake City', 'UT', 'US', 2, 'cold', -7, 'en', OUTDOORSY],
  ['Toronto', 'ON', 'CA', 5, 'cold', -5, 'en'],
  ['Vancouver', 'BC', 'CA', 4, 'mild', -8, 'en', RAINY],
  ['Montreal', 'QC', 'CA', 3, 'cold', -5, 'fr'],
  ['Calgary', 'AB', 'CA', 2, 'cold', -7, 'en', OUTDOORSY],
  ['London', 'ENG', 'GB', 6, 'mild', 0, 'en', METROPOLITAN],
  ['Manchester', 'ENG', 'GB', 2, 'mild', 0, 'en', RAINY],
  ['Edinburgh', 'SCT', 'GB', 1.5, 'cold', 0, 'en'],
  ['Berlin', 'BE', 'DE', 3, 'cold', 1, 'de'],
  ['Munich', 'BY', 'DE', 2, 'cold', 1, 'de', OUTDOORSY],
  ['Hamburg', 'HH', 'DE', 1.5, 'mild', 1, 'de', RAINY],
  ['Paris', 'IDF', 'FR', 3, 'mild', 1, 'fr', METROPOLITAN],
  ['Lyon', 'ARA', 'FR', 1.2, 'mild', 1, 'fr'],
  ['Amsterdam', 'NH', 'NL', 2, 'mild', 1, 'nl', { Bags: 1.3, Jackets: 1.15 }],
  ['Utrecht', 'UT', 'NL', 0.8, 'mild', 1, 'nl'],
  ['Sydney', 'NSW', 'AU', 3, 'mild', 10, 'en'],
  ['Melbourne', 'VIC', 'AU', 2.5, 'mild', 10, 'en', { Jackets: 1.2, Knitwear: 1.2 }],
  ['Brisbane', 'QLD', 'AU', 1.2, 'warm', 10, 'en'],
];

export const DEMO_CITIES: readonly DemoCity[] = CITY_ROWS.map(toCity);

function toCity([name, region, country, weight, climate, utcOffset, locale, quirks]: CityRow): DemoCity {
  const affinity: Record<string, number> = { ...CLIMATE_AFFINITY[climate] };
  for (const [category, factor] of Object.entries(quirks ?? {}))
    affinity[category] = (affinity[category] ?? 1) * factor;
  return {
    name,
    region,
    country,
    weight,
    hemisphere: country === 'AU' ? 'south' : 'north',
    climate,
    utcOffset,
    locale,
    affinity,
  };
}
