/**
 * The action plan may cite only numbers the engine produced. Every number
 * written in a step's output — in its text or as a numeric field — must match
 * a number in the facts it was given, allowing what a careful writer does
 * with a number: round it (to its decimals, or to two or more significant
 * digits: 1,234 → 1,200 or 1.2k), drop its sign ("down 15 %"), or write a
 * share as a percentage (0.234 → 23.4 %). Sums, differences and ratios the
 * model works out itself are not facts and are caught, like made-up ones.
 * Identifiers (keys ending in `Id`, UUIDs) are neither checked nor harvested.
 */
export interface NumberToken {
  text: string;
  value: number;
  /** Precision the writer claims: 1,200 → 100; 12.5 → 0.1. */
  unit: number;
}

export type FactNumbers = readonly number[];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A number not glued to a word (P1, H2O) or to a decimal point; thousands separators; optional k/m and %.
const numberPattern = /(?<![\p{L}\p{N}_.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?([kKmM])(?![\p{L}]))?(\s?%)?/gu;

export function extractNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(numberPattern)) {
    const [whole, integerPart = '', decimals = '', suffix] = match;
    const digits = integerPart.replace(/,/g, '');
    const multiplier = suffix ? (suffix.toLowerCase() === 'k' ? 1_000 : 1_000_000) : 1;
    const value = Number(`${digits}${decimals ? `.${decimals}` : ''}`) * multiplier;
    let unit: number;
    if (decimals) unit = 10 ** -decimals.length * multiplier;
    else if (multiplier > 1) unit = multiplier;
    else {
      const trailingZeros = /0*$/.exec(digits)?.[0].length ?? 0;
      unit = trailingZeros >= digits.length ? 1 : 10 ** trailingZeros;
      // Two significant digits at least: "1000" claims ±50, not ±500.
      while (unit > 1 && value / unit < 10) unit /= 10;
    }
    tokens.push({ text: whole.trim(), value, unit });
  }
  return tokens;
}

/** Every number in the facts, plus each fraction as a percentage and the numbers inside its texts (dates, titles). */
export function collectFactNumbers(facts: unknown): FactNumbers {
  const numbers = new Set<number>([0]);
  walk(facts, (value) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return;
      numbers.add(Math.abs(value));
      if (Math.abs(value) <= 1) numbers.add(Math.abs(value) * 100);
    } else {
      for (const token of extractNumbers(value)) numbers.add(token.value);
    }
  });
  return [...numbers].sort((a, b) => a - b);
}

export function isCited(token: Pick<NumberToken, 'value' | 'unit'>, facts: FactNumbers): boolean {
  const tolerance = token.unit / 2 + 1e-9 * Math.max(1, token.value);
  // Binary search for the first fact ≥ value − tolerance, then check it.
  let low = 0;
  let high = facts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((facts[middle] as number) < token.value - tolerance) low = middle + 1;
    else high = middle;
  }
  const candidate = facts[low];
  return candidate !== undefined && candidate <= token.value + tolerance;
}

/** The numbers in `output` that the facts do not support. */
export function findUncitedNumbers(output: unknown, facts: FactNumbers): string[] {
  const uncited: string[] = [];
  walk(output, (value) => {
    for (const token of tokensOf(value)) if (!isCited(token, facts)) uncited.push(token.text);
  });
  return uncited;
}

/** A copy of `output` with every unsupported number replaced: "[unverified]" in text, null in numeric fields. */
export function removeUncitedNumbers(output: unknown, facts: FactNumbers): unknown {
  return map(output, (value) => {
    if (typeof value === 'number') {
      const [token] = tokensOf(value);
      return token && !isCited(token, facts) ? null : value;
    }
    return value.replace(numberPattern, (whole) => {
      const [token] = extractNumbers(whole);
      return token && !isCited(token, facts) ? '[unverified]' : whole;
    });
  });
}

function tokensOf(value: string | number): NumberToken[] {
  if (typeof value === 'string') return extractNumbers(value);
  if (!Number.isFinite(value)) return [];
  const text = String(Math.abs(value));
  const decimals = text.includes('.') ? (text.split('.')[1] as string).length : 0;
  return [{ text: String(value), value: Math.abs(value), unit: decimals > 0 ? 10 ** -decimals : 1 }];
}

const isIdentifierKey = (key: string | undefined) => key !== undefined && /(?:^id|Id|Ids)$/.test(key);

function walk(value: unknown, visit: (leaf: string | number) => void, key?: string): void {
  if (isIdentifierKey(key)) return;
  if (typeof value === 'number') visit(value);
  else if (typeof value === 'string') {
    if (!uuidPattern.test(value)) visit(value);
  } else if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, key);
  } else if (value && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) walk(item, visit, name);
  }
}

function map(value: unknown, replace: (leaf: string | number) => unknown, key?: string): unknown {
  if (isIdentifierKey(key)) return value;
  if (typeof value === 'number') return replace(value);
  if (typeof value === 'string') return uuidPattern.test(value) ? value : replace(value);
  if (Array.isArray(value)) return value.map((item) => map(item, replace, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, map(item, replace, name)]));
  }
  return value;
}
