// Fake shoppers. Names follow the city's language so a Lyon order doesn't come from "Brittany
// Johnson", emails use reserved example domains (RFC 2606) so nothing can ever be mailed, and a
// share of orders reuses existing customers — with a few loyal regulars — so repeat-purchase
// questions have real answers.

import type { DemoCity, NameLocale } from './demo-cities.data';
import type { Random } from './random';

export interface DemoCustomer {
  email: string;
  name: string;
  cityIndex: number;
  orderCount: number;
}

export interface CustomerBook {
  byCity: DemoCustomer[][];
  loyalByCity: DemoCustomer[][];
  usedEmails: Set<string>;
}

const FIRST_NAMES: Record<NameLocale, readonly string[]> = {
  en: [
    'James',
    'Olivia',
    'Liam',
    'Emma',
    'Noah',
    'Ava',
    'Ethan',
    'Sophia',
    'Mason',
    'Isabella',
    'Lucas',
    'Mia',
    'Henry',
    'Charlotte',
    'Owen',
    'Amelia',
    'Jack',
    'Harper',
    'Leo',
    'Evelyn',
    'Daniel',
    'Grace',
    'Samuel',
    'Chloe',
    'David',
    'Zoe',
    'Matthew',
    'Hannah',
    'Ryan',
    'Nora',
    'Aiden',
    'Priya',
    'Wei',
    'Aisha',
    'Carlos',
    'Sofia',
    'Mateo',
    'Yuki',
    'Omar',
    'Fatima',
  ],
  de: [
    'Lukas',
    'Anna',
    'Felix',
    'Lena',
    'Jonas',
    'Marie',
    'Maximilian',
    'Laura',
    'Paul',
    'Sophie',
    'Leon',
    'Hannah',
    'Tim',
    'Julia',
    'Niklas',
    'Katharina',
    'Moritz',
    'Lea',
    'Emre',
    'Ayla',
  ],
  fr: [
    'Louis',
    'Camille',
    'Gabriel',
    'Léa',
    'Hugo',
    'Manon',
    'Arthur',
    'Chloé',
    'Jules',
    'Inès',
    'Raphaël',
    'Juliette',
    'Théo',
    'Zoé',
    'Nathan',
    'Clémence',
    'Antoine',
    'Élodie',
    'Karim',
    'Yasmine',
  ],
  nl: [
    'Daan',
    'Emma',
    'Sem',
    'Julia',
    'Lucas',
    'Mila',
    'Levi',
    'Tess',
    'Finn',
    'Sophie',
    'Bram',
    'Fleur',
    'Thijs',
    'Sanne',
    'Ruben',
    'Lotte',
    'Jesse',
    'Noor',
    'Mohamed',
    'Iris',
  ],
};

const LAST_NAMES: Record<NameLocale, readonly string[]> = {
  en: [
    'Smith',
    'Johnson',
    'Williams',
    'Brown',
    'Jones',
    'Miller',
    'Davis',
    'Wilson',
    'Anderson',
    'Taylor',
    'Thomas',
    'Moore',
    'Martin',
    'Thompson',
    'White',
    'Harris',
    'Clark',
    'Lewis',
    'Walker',
    'Hall',
    'Young',
    'King',
    'Wright',
    'Scott',
    'Green',
    'Baker',
    'Nguyen',
    'Patel',
    'Chen',
    'Kim',
    'Garcia',
    'Rodriguez',
    'Murphy',
    "O'Brien",
    'Campbell',
    'Stewart',
    'Robinson',
    'Singh',
    'Tanaka',
    'Cohen',
  ],
  de: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Schulz',
    'Hoffmann',
    'Koch',
    'Richter',
    'Klein',
    'Wolf',
    'Neumann',
    'Schwarz',
    'Zimmermann',
    'Braun',
    'Yılmaz',
    'Krüger',
  ],
  fr: [
    'Martin',
    'Bernard',
    'Dubois',
    'Thomas',
    'Robert',
    'Richard',
    'Petit',
    'Durand',
    'Leroy',
    'Moreau',
    'Simon',
    'Laurent',
    'Lefèvre',
    'Michel',
    'Garcia',
    'David',
    'Bertrand',
    'Roux',
    'Fontaine',
    'Benali',
  ],
  nl: [
    'de Jong',
    'Jansen',
    'de Vries',
    'van den Berg',
    'van Dijk',
    'Bakker',
    'Janssen',
    'Visser',
    'Smit',
    'Meijer',
    'de Boer',
    'Mulder',
    'de Groot',
    'Bos',
    'Vos',
    'Peters',
    'Hendriks',
    'van Leeuwen',
    'Dekker',
    'Brouwer',
  ],
};

const EMAIL_DOMAINS = ['example.com', 'example.com', 'example.net', 'example.org'] as const;

// Roughly a fifth of orders come from returning customers; loyal regulars get a quarter of those.
const REPEAT_CHANCE = 0.2;
const LOYAL_SHARE = 0.25;
const LOYAL_CHANCE = 0.03;

export function createCustomerBook(cityCount: number): CustomerBook {
  return {
    byCity: Array.from({ length: cityCount }, () => []),
    loyalByCity: Array.from({ length: cityCount }, () => []),
    usedEmails: new Set(),
  };
}

/** Picks a returning customer from the city, or registers a new one. */
export function findOrCreateCustomer(
  random: Random,
  book: CustomerBook,
  cities: readonly DemoCity[],
  cityIndex: number,
): DemoCustomer {
  const known = book.byCity[cityIndex] ?? [];
  const loyal = book.loyalByCity[cityIndex] ?? [];
  if (known.length > 0 && random.chance(REPEAT_CHANCE)) {
    const customer = loyal.length > 0 && random.chance(LOYAL_SHARE) ? random.pick(loyal) : random.pick(known);
    customer.orderCount++;
    return customer;
  }
  const city = cities[cityIndex];
  if (!city) throw new Error(`Unknown city index ${cityIndex}`);
  const first = random.pick(FIRST_NAMES[city.locale]);
  const last = random.pick(LAST_NAMES[city.locale]);
  const customer: DemoCustomer = {
    email: inventEmail(random, book.usedEmails, first, last),
    name: `${first} ${last}`,
    cityIndex,
    orderCount: 1,
  };
  known.push(customer);
  if (random.chance(LOYAL_CHANCE)) loyal.push(customer);
  return customer;
}

function inventEmail(random: Random, usedEmails: Set<string>, first: string, last: string): string {
  const firstPart = toAsciiLocalPart(first);
  const lastPart = toAsciiLocalPart(last);
  const pattern = random.pick([
    `${firstPart}.${lastPart}`,
    `${firstPart}${lastPart}`,
    `${firstPart.charAt(0)}${lastPart}`,
    `${firstPart}_${lastPart}`,
    `${firstPart}.${lastPart}${random.int(1, 99)}`,
  ]);
  const domain = random.pick(EMAIL_DOMAINS);
  for (let suffix = 1; ; suffix++) {
    const email = `${pattern}${suffix === 1 ? '' : suffix}@${domain}`;
    if (!usedEmails.has(email)) {
      usedEmails.add(email);
      return email;
    }
  }
}

function toAsciiLocalPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
