import { XMLParser } from 'fast-xml-parser';
import { ImportFileError } from './import.model';
import type { SourceRecord } from './import-unit';

/**
 * Google Merchant feeds (RSS 2.0 `<item>` or Atom `<entry>`, attributes in the
 * `g:` namespace). The text is cut into one slice per item and each slice is
 * parsed on its own, so memory follows one item, not the whole feed, and a
 * malformed item is that item's problem rather than the file's. Comments and
 * CDATA sections are skipped while cutting, so an "</item>" inside a
 * description does not end the item.
 */
export type FeedFields = Record<string, string>;
export type FeedItem = SourceRecord<FeedFields | { problem: string }>;

const tokens = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)(item|entry)(?=[\s/>])[^>]*>/g;

export function* cutXmlItems(text: string): Generator<string> {
  if (!/^\s*</.test(text)) throw new ImportFileError('This is not an XML file.');
  let start = -1;
  let found = false;
  for (const match of text.matchAll(tokens)) {
    const [tag, closing, name] = match;
    if (!name) continue;
    const selfClosing = tag.endsWith('/>');
    if (!closing && start === -1) {
      found = true;
      if (selfClosing) yield tag;
      else start = match.index;
    } else if (closing && start !== -1) {
      yield text.slice(start, match.index + tag.length);
      start = -1;
    }
  }
  // An item opened and never closed: the file was cut off. Its slice fails to parse, and says so.
  if (start !== -1) yield text.slice(start);
  if (!found) throw new ImportFileError('The feed has no <item> or <entry> elements. Is it a Google Merchant feed?');
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
});

export function* readXmlItems(text: string): Generator<FeedItem> {
  let index = 0;
  for (const slice of cutXmlItems(text)) {
    const position = index++;
    yield { index: position, row: position + 1, cells: parseItem(slice) };
  }
}

function parseItem(slice: string): FeedFields | { problem: string } {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(slice, true) as Record<string, unknown>;
  } catch (error) {
    return { problem: `This item is not well-formed XML: ${firstLine((error as Error).message)}` };
  }
  const element = parsed.item ?? parsed.entry;
  if (typeof element !== 'object' || element === null) return {};
  const fields: FeedFields = {};
  for (const [name, value] of Object.entries(element)) {
    const text = textOf(value);
    if (text !== undefined && !name.startsWith('@')) fields[name.toLowerCase()] = text;
  }
  return fields;
}

/** An element's text: repeated elements give their first, Atom's `<link href>` its address. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    if (typeof node['#text'] === 'string') return node['#text'];
    if (typeof node['@href'] === 'string') return node['@href'];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
