import { ImportFileError } from './import.model';
import type { SourceRecord } from './import-unit';

/**
 * JSON product feeds: an array of products, or an object whose "products" is
 * one. The array is cut into one slice per element and each element is parsed
 * on its own, so a 100 MB feed never becomes one giant object graph and a
 * broken element is only that element's problem.
 */
export type JsonItem = SourceRecord<{ value: unknown } | { problem: string }>;

const notAFeed = 'A JSON feed is an array of products, or an object with a "products" array.';

export function* cutJsonElements(text: string): Generator<string> {
  let at = skipSpace(text, 0);
  if (text[at] === '{') at = findProductsArray(text, at);
  if (text[at] !== '[') throw new ImportFileError(notAFeed);
  at = skipSpace(text, at + 1);
  if (text[at] === ']') return;
  for (let count = 1; ; count++) {
    const end = findValueEnd(text, at);
    yield text.slice(at, end);
    at = skipSpace(text, end);
    if (text[at] === ']') return;
    if (text[at] !== ',') {
      throw new ImportFileError(
        at >= text.length
          ? `The file ends inside product ${count}; it looks cut off.`
          : `The JSON is malformed after product ${count} (expected "," or "]").`,
      );
    }
    at = skipSpace(text, at + 1);
  }
}

export function* readJsonItems(text: string): Generator<JsonItem> {
  let index = 0;
  for (const slice of cutJsonElements(text)) {
    const position = index++;
    let cells: JsonItem['cells'];
    try {
      cells = { value: JSON.parse(slice) };
    } catch (error) {
      cells = { problem: `This product is not valid JSON: ${(error as Error).message}` };
    }
    yield { index: position, row: position + 1, cells };
  }
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at] as string)) at++;
  return at;
}

/** The position just after the JSON value starting at `from` (strings, nesting and escapes respected). */
function findValueEnd(text: string, from: number): number {
  const first = text[from];
  if (first === '"') return findStringEnd(text, from);
  if (first !== '{' && first !== '[') {
    let at = from;
    while (at < text.length && !/[\s,\]}]/.test(text[at] as string)) at++;
    return at;
  }
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const character = text[at];
    if (character === '"') at = findStringEnd(text, at) - 1;
    else if (character === '{' || character === '[') depth++;
    else if (character === '}' || character === ']') {
      depth--;
      if (depth === 0) return at + 1;
    }
  }
  return text.length;
}

function findStringEnd(text: string, from: number): number {
  for (let at = from + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at + 1;
  }
  return text.length;
}

/** Inside the top-level object at `from`, the position of the "products" value. */
function findProductsArray(text: string, from: number): number {
  let at = skipSpace(text, from + 1);
  while (text[at] === '"') {
    const keyEnd = findStringEnd(text, at);
    const key = readKey(text.slice(at, keyEnd));
    at = skipSpace(text, keyEnd);
    if (text[at] !== ':') break;
    at = skipSpace(text, at + 1);
    if (key === 'products') return at;
    at = skipSpace(text, findValueEnd(text, at));
    if (text[at] !== ',') break;
    at = skipSpace(text, at + 1);
  }
  throw new ImportFileError(notAFeed);
}

function readKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    throw new ImportFileError(notAFeed);
  }
}
