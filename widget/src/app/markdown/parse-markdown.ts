/**
 * The small markdown subset assistants write: paragraphs and line breaks,
 * `-`/`*`/`1.` lists, `#` headings (shown as bold lines), **bold**, *italic*,
 * `code`, [links](https://…) and bare https:// links. It produces a tree of
 * plain strings; the renderer turns it into DOM nodes, so no input can become
 * markup, and link targets are checked there.
 */
export type Inline =
  | string
  | { type: 'strong' | 'em' | 'code'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

export type Block =
  | { type: 'p' | 'heading'; children: Inline[] }
  | { type: 'ul' | 'ol'; start: number; items: Inline[][] };

const bullet = /^\s{0,3}[-*+]\s+(.*)$/;
const numbered = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*$/;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list = null as { type: 'ul' | 'ol'; start: number; items: string[] } | null;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'p', children: joinLines(paragraph) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ type: list.type, start: list.start, items: list.items.map(parseInline) });
    list = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const item = bullet.exec(line) ?? numbered.exec(line);
    const title = heading.exec(line);
    if (!line.trim()) {
      endParagraph();
      endList();
    } else if (item) {
      const type = item.length === 3 ? 'ol' : 'ul';
      endParagraph();
      if (list?.type !== type) {
        endList();
        list = { type, start: type === 'ol' ? Number(item[1]) : 1, items: [] };
      }
      list.items.push(item[item.length - 1] ?? '');
    } else if (title) {
      endParagraph();
      endList();
      blocks.push({ type: 'heading', children: parseInline(title[1] ?? '') });
    } else if (list && /^\s/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks;
}

function joinLines(lines: string[]): Inline[] {
  return lines.flatMap((line, index) => (index ? [{ type: 'br' } as const, ...parseInline(line)] : parseInline(line)));
}

// Sticky patterns, tried only where their first character stands.
const code = /`([^`\n]+)`/y;
// A target may hold one level of parentheses (Wikipedia-style URLs, and `javascript:alert(1)`, dropped later).
const link = /\[([^\]\n]+)\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))+)>?(?:\s+"[^"]*")?\s*\)/y;
const strong = /(\*\*|__)(?=\S)([^\n]*?\S)\1(?![*_])/y;
const emphasis = /([*_])(?=[^\s*_])([^\n]*?[^\s*_])\1(?![*_\w])/y;
const bareUrl = /https?:\/\/[^\s<>()]+[^\s<>().,:;!?'"]/y;

/** The inline node starting at `index`, with the length of its source, or null for plain text. */
function inlineAt(text: string, index: number): [Inline, number] | null {
  const char = text[index];
  const before = text[index - 1] ?? ' ';
  const at = (pattern: RegExp) => {
    pattern.lastIndex = index;
    return pattern.exec(text);
  };
  if (char === '`') {
    const match = at(code);
    if (match) return [{ type: 'code', children: [match[1] ?? ''] }, match[0].length];
  } else if (char === '[') {
    const match = at(link);
    if (match) return [{ type: 'link', href: match[2] ?? '', children: parseInline(match[1] ?? '') }, match[0].length];
  } else if ((char === '*' || char === '_') && !/\w/.test(before)) {
    const match = at(strong) ?? at(emphasis);
    if (match) {
      const type = match[1]?.length === 2 ? 'strong' : 'em';
      return [{ type, children: parseInline(match[2] ?? '') }, match[0].length];
    }
  } else if (char === 'h' && !/[\w/]/.test(before)) {
    const match = at(bareUrl);
    if (match) return [{ type: 'link', href: match[0], children: [match[0]] }, match[0].length];
  }
  return null;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  for (let index = 0; index < text.length; ) {
    const found = inlineAt(text, index);
    if (found) {
      if (plain) out.push(plain);
      plain = '';
      out.push(found[0]);
      index += found[1];
    } else {
      plain += text[index];
      index++;
    }
  }
  if (plain) out.push(plain);
  return out;
}

/** The words alone, for screen-reader announcements. */
export function markdownToText(text: string): string {
  const flatten = (nodes: Inline[]): string =>
    nodes.map((node) => (typeof node === 'string' ? node : 'children' in node ? flatten(node.children) : ' ')).join('');
  return parseMarkdown(text)
    .map((block) => ('items' in block ? block.items.map(flatten).join('. ') : flatten(block.children)))
    .join(' ');
}
