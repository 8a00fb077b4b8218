/**
 * Turns what a shopper types ("a waterproof jacket under $150 in stock",
 * "Wanderschuhe unter 100 €", "moins de 100 €") into search filters plus the
 * keywords that are left. Used by the offline assistant and to pre-retrieve
 * products before the model is asked. Only numbers tied to a price word or a
 * currency count as prices, so "2 person tent" or "size 10 boots" keep theirs.
 */
export interface ShoppingQuery {
  query: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStockOnly?: boolean;
}

const currency = '(?:[$€£¥]|usd|eur|gbp|chf|cad|aud|dollars?|bucks|euros?)';
// "1,250" and "1.250" are thousands; "79,99" and "79.99" are decimals.
const amount = String.raw`(\d{1,3}(?:[.,\u00a0\u202f]\d{3})+|\d+(?:[.,]\d{1,2})?)`;
const price = String.raw`(?:${currency}\s?)?${amount}(?:\s?${currency})?`;
const pricedAmount = String.raw`(?:${currency}\s?${amount}|${amount}\s?${currency})`;

// "Strong" words make any number after them a price ("under 150"); "weak" ones
// also introduce counts and sizes ("up to 4 people", "from 2 years"), so they
// need a currency next to the number.
const maxStrong = [
  'under',
  'below',
  'less than',
  'cheaper than',
  'no more than',
  'not more than',
  'at most',
  'max(?:imum)?',
  'unter',
  'höchstens',
  'weniger als',
  'maximal',
  'moins de',
  'au plus',
  'menos de',
  'meno di',
  'onder',
  'minder dan',
];
const maxWeak = ['up to', 'within', 'bis(?: zu)?', "jusqu['’]?(?:à|a)", 'hasta', 'fino a', 'tot'];
const minStrong = [
  'over',
  'above',
  'more than',
  'at least',
  'min(?:imum)?',
  'über',
  'mehr als',
  'mindestens',
  'plus de',
  'au moins',
  'más de',
  'più di',
  'meer dan',
];
const minWeak = ['from', 'starting at', 'ab', 'à partir de', 'desde', 'da', 'vanaf'];
const rangeStrong = ['between', 'zwischen', 'entre', 'tra', 'fra', 'tussen'];
const rangeWeak = ['from', 'von', 'de', 'van', 'da'];
const rangeJoin = ['and', 'to', '-', '–', 'und', 'bis', 'et', 'à', 'a', 'y', 'e', 'en', 'tot'].join('|');

// Word boundaries are spelled out because \b does not understand "ü" or "à".
const before = String.raw`(?<![\p{L}\p{N}])`;
const after = String.raw`(?![\p{L}\p{N}])`;
const either = (words: string[]) => `(?:${words.join('|')})`;
const pattern = (source: string) => new RegExp(`${before}(?:${source})${after}`, 'iu');
const patterns = {
  range: pattern(
    [
      `${either(rangeStrong)}\\s+${price}\\s*(?:${rangeJoin})\\s*${price}`,
      `${either(rangeWeak)}\\s+${pricedAmount}\\s*(?:${rangeJoin})\\s*${price}`,
      `${either(rangeWeak)}\\s+${price}\\s*(?:${rangeJoin})\\s*${pricedAmount}`,
      `${pricedAmount}\\s*(?:-|–|to)\\s*${price}`,
    ].join('|'),
  ),
  max: pattern(
    [
      `${either(maxStrong)}\\s*:?\\s*${price}`,
      `${either(maxWeak)}\\s+${pricedAmount}`,
      // "<150", "≤ 150", "80€ max", "150 or less"
      `(?:<=?|≤)\\s*${price}`,
      `${price}\\s+(?:max|maximum|or less|tops)`,
    ].join('|'),
  ),
  min: pattern([`${either(minStrong)}\\s*:?\\s*${price}`, `${either(minWeak)}\\s+${pricedAmount}`].join('|')),
  inStock: pattern(
    'in stock|available(?: now)?|ready to ship|auf lager|vorrätig|lieferbar|en stock|disponibles?|en existencia|in magazzino|op voorraad',
  ),
};

const stopWords = new Set(
  (
    "a an the i i'm im me my we you your do does have has is are any some anything something want wants wanted " +
    'need needs looking look searching search find show please can could would like for to of in on with and or ' +
    'that this which what there one ones got get buy shop store hi hello hey thanks price priced cost costs ' +
    'am be it so at by as from up about ' +
    'ich suche möchte ein eine einen der die das für und mit je cherche un une le la les des pour et avec ' +
    'busco quiero unos unas el los las por con'
  ).split(' '),
);

export function parseShoppingQuery(text: string): ShoppingQuery {
  let rest = ` ${text.normalize('NFC')} `;
  const result: Omit<ShoppingQuery, 'query'> = {};
  const take = (pattern: RegExp, apply: (values: number[]) => void) => {
    const match = pattern.exec(rest);
    if (!match) return;
    const values = match
      .slice(1)
      .filter((group): group is string => group !== undefined)
      .map(toCents);
    apply(values);
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
  };

  take(patterns.range, ([low, high]) => assignRange(result, low, high));
  take(patterns.max, ([value]) => {
    result.maxPriceCents = value;
  });
  take(patterns.min, ([value]) => {
    result.minPriceCents = value;
  });
  if (patterns.inStock.test(rest)) {
    result.inStockOnly = true;
    rest = rest.replace(patterns.inStock, ' ');
  }
  return { query: extractKeywords(rest), ...result };
}

function assignRange(result: Omit<ShoppingQuery, 'query'>, low?: number, high?: number) {
  if (low === undefined || high === undefined) return;
  result.minPriceCents = Math.min(low, high);
  result.maxPriceCents = Math.max(low, high);
}

function toCents(raw: string): number {
  const compact = raw.replace(/\s/g, '');
  const thousands = /^\d{1,3}(?:[.,]\d{3})+$/.test(compact);
  const normalised = thousands ? compact.replace(/[.,]/g, '') : compact.replace(',', '.');
  return Math.round(Number.parseFloat(normalised) * 100);
}

function extractKeywords(text: string): string {
  const currencyWord = new RegExp(`^${currency}$`, 'iu');
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .map((word) => word.replace(/['’]s$/, "'s"))
    .filter((word) => !stopWords.has(word) && !currencyWord.test(word))
    .join(' ');
}
