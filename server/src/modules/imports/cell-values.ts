/**
 * Turning the text of one cell into a value. Spreadsheets and feeds write
 * numbers the way their locale does ("1,299.00", "12,90", "15.00 USD"), so
 * money is read as text into integer hundredths without floating point. Each
 * reader returns `{ error }` with a sentence the person can act on.
 */
export type CellResult<T> = { value: T } | { error: string };

const moneyPattern = /^[+]?(\d{1,3}(?:[ ,'\u00a0\u202f]\d{3})+|\d+)?(?:\.(\d+))?$/;

/** "1,299.95" → 129995, "12,9" → 1290, "$15" → 1500, "15.00 USD" → 1500 (hundredths of the major unit). */
export function readMoneyCents(text: string): CellResult<number> {
  const cleaned = text
    .trim()
    .replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '')
    .replace(/^[^\d+\-.,]+|[^\d]+$/g, '')
    .trim();
  if (cleaned.startsWith('-')) return { error: `"${text}" is negative; prices cannot be` };
  const normalised = normaliseDecimalSeparators(cleaned);
  const match = moneyPattern.exec(normalised);
  if (!cleaned || !match || (match[1] === undefined && match[2] === undefined)) {
    return { error: `"${clip(text)}" is not an amount of money` };
  }
  const whole = (match[1] ?? '0').replace(/\D/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) {
    return { error: `"${clip(text)}" has more than two decimals` };
  }
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > 2_000_000_000) return { error: `"${clip(text)}" is too large` };
  return { value: cents };
}

/**
 * Decides which of "," and "." is the decimal mark: the last one when both
 * appear; a lone "," is decimal unless exactly three digits follow it
 * ("1,299" is a thousand). The decimal mark becomes ".", grouping marks stay.
 */
function normaliseDecimalSeparators(text: string): string {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma === -1) return /^\d{1,3}(\.\d{3}){2,}$/.test(text) ? text.replaceAll('.', ',') : text;
  if (lastDot > lastComma) return text;
  if (lastDot === -1 && /^\d{1,3}(,\d{3})+$/.test(text)) return text;
  return `${text.slice(0, lastComma).replaceAll('.', ',')}.${text.slice(lastComma + 1)}`;
}

/** A whole number such as an inventory count: "12", "-3", "1,200", "5.0". */
export function readInteger(text: string, { min = -1_000_000_000, max = 1_000_000_000 } = {}): CellResult<number> {
  const cleaned = text.trim().replace(/[,\s'\u00a0]/g, '');
  const match = /^([+-]?\d+)(?:\.0+)?$/.exec(cleaned);
  if (!match?.[1]) return { error: `"${clip(text)}" is not a whole number` };
  const value = Number(match[1]);
  if (value < min || value > max) return { error: `${value} is outside ${min}…${max}` };
  return { value };
}

const truthy = new Set(['yes', 'y', 'true', '1', 'subscribed', 'opted_in', 'opted-in', 'x']);
const falsy = new Set(['no', 'n', 'false', '0', 'unsubscribed', 'not_subscribed', 'opted_out', 'opted-out', '']);

export function readBoolean(text: string): CellResult<boolean> {
  const word = text.trim().toLowerCase();
  if (truthy.has(word)) return { value: true };
  if (falsy.has(word)) return { value: false };
  return { error: `"${clip(text)}" is not yes or no` };
}

/**
 * A date and time as ISO 8601 with an offset: "2024-03-05T14:22:10Z",
 * Shopify's "2024-03-05 14:22:10 +0100", or a bare "2024-03-05" / "2024-03-05
 * 14:22" (read as UTC, since the file does not say).
 */
export function readDateTime(text: string): CellResult<string> {
  const value = text.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(
      value,
    );
  if (!match) return { error: `"${clip(text)}" is not a date like 2024-03-05 or 2024-03-05T14:22:10Z` };
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', zone = 'Z'] = match;
  const offset = /^(Z|UTC)$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`;
  const date = new Date(iso);
  // "2024-02-30" parses as 1 March; the calendar day must survive the round trip.
  const local = new Date(date.getTime() + offsetMinutes(offset) * 60_000).toISOString().slice(0, 10);
  if (Number.isNaN(date.getTime()) || local !== `${year}-${month}-${day}`) {
    return { error: `"${clip(text)}" is not a real date` };
  }
  return { value: iso };
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** "a, b;c" → ["a", "b", "c"], blanks and repeats dropped. */
export function readList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;|]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Product descriptions arrive as HTML (Shopify's "Body (HTML)"); the catalog
 * keeps text, which is what search indexes and the assistant quotes.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<\/?(a|b|strong|em|i|u|span|small|sup|sub|mark|abbr|code)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function clip(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
