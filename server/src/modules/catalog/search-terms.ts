/**
 * The words of a product search, and the text-search queries built from them
 * when a plain AND finds too little. Everything here is pure; the SQL lives in
 * product-search.repo.ts.
 *
 * The queries are `to_tsquery` syntax assembled from tokens that contain only
 * letters and digits, so no shopper input can inject tsquery operators.
 */
/** Words looked at per search; longer phrasings are mostly chatter by then. */
export const maxWords = 10;
/** Words a relaxed search combines; 6 words already make 6 + 15 combinations. */
export const maxGroups = 6;

export interface SearchTerms {
  /** Words to find, lower-cased and de-duplicated, at most `maxWords`. */
  words: string[];
  /** Words the shopper excluded ("-leather"). */
  excluded: string[];
}

/** A word as the catalog knows it: the word itself plus spellings that might be meant. */
export interface TermGroup {
  word: string;
  alternatives: string[];
}

export function tokenizeSearch(text: string): SearchTerms {
  const words: string[] = [];
  const excluded: string[] = [];
  for (const match of text
    .normalize('NFC')
    .toLowerCase()
    .matchAll(/(^|\s)(-?)([^\s]+)/gu)) {
    const negated = match[2] === '-';
    for (const token of (match[3] ?? '').match(/[\p{L}\p{N}]+/gu) ?? []) {
      const list = negated ? excluded : words;
      if (!list.includes(token)) list.push(token);
    }
  }
  return { words: words.slice(0, maxWords), excluded: excluded.slice(0, maxWords) };
}

/**
 * Spellings one slip away: two neighbouring letters swapped ("jakcet") or one
 * letter too many ("jackeet"). Substitutions and missing letters are left to
 * trigram similarity; all 26 letters at every position would make a query of
 * hundreds of lexemes, which GIN answers slowly.
 */
export function listTypoCorrections(word: string): string[] {
  if (word.length < 4 || /\d/.test(word)) return [];
  const corrections = new Set<string>();
  for (let index = 0; index < word.length; index++) {
    if (word.length > 4) corrections.add(word.slice(0, index) + word.slice(index + 1));
    const next = word[index + 1];
    if (next !== undefined) corrections.add(word.slice(0, index) + next + word[index] + word.slice(index + 2));
  }
  corrections.delete(word);
  return [...corrections];
}

export interface WordGroup extends TermGroup {
  /** Some active product contains the word as typed. */
  known: boolean;
  /** In so many products that requiring it narrows little ("warm" in half the catalog). */
  common: boolean;
}

/** A word in at least this share of products counts for ranking but is never required. */
export const commonWordShare = 0.2;

/**
 * Turns measured words into groups: unknown words get their likely spellings,
 * stop words (null stats) drop out, and at most `maxGroups` remain — the
 * rarest, which say most about what the shopper wants.
 */
export function selectWordGroups(
  words: string[],
  stats: Array<{ frequency: number; known: boolean } | null>,
  allKnown = false,
): WordGroup[] {
  const groups = words.flatMap((word, index) => {
    const measured = stats[index];
    if (!measured) return [];
    const known = allKnown || measured.known;
    const alternatives = known ? [] : listTypoCorrections(word);
    return [
      {
        word,
        alternatives,
        known,
        common: known && measured.frequency >= commonWordShare,
        frequency: measured.frequency,
      },
    ];
  });
  const kept = new Set([...groups].sort((a, b) => a.frequency - b.frequency).slice(0, maxGroups));
  return groups.filter((group) => kept.has(group)).map(({ frequency: _frequency, ...group }) => group);
}

/** The groups a relaxed search requires: all but the common ones, or else the rarest common one. */
export function selectRequiredGroups(groups: WordGroup[]): WordGroup[] {
  const required = groups.filter((group) => !group.common);
  return required.length > 0 ? required : groups.slice(0, 1);
}

/** One group: the word or any of its alternative spellings. */
export function buildGroupQuery(group: TermGroup): string {
  const spellings = [group.word, ...group.alternatives];
  return spellings.length === 1 ? group.word : `(${spellings.join(' | ')})`;
}

/** At least `count` of the groups must match, e.g. 2 of 3: (a & b) | (a & c) | (b & c). */
export function buildSomeTermsQuery(groups: TermGroup[], count: number): string {
  const clauses = chooseCombinations(groups.length, count).map((indexes) =>
    indexes.map((index) => buildGroupQuery(groups[index] as TermGroup)).join(' & '),
  );
  return clauses.map((clause) => (count > 1 && clauses.length > 1 ? `(${clause})` : clause)).join(' | ');
}

/** Any of the words, to rank a pool by how much of the query each product covers. */
export function buildAnyTermQuery(groups: TermGroup[]): string {
  return groups.map(buildGroupQuery).join(' | ');
}

/**
 * How many groups a relaxed search asks for, strictest first: n-1, n-2 … 1,
 * skipping levels once their combinations would make a query too large to be
 * fast (six words: 5, 4, 2, 1 — never the 20 combinations of 3 of 6).
 */
export function listRelaxedLevels(groupCount: number, maxCombinations = 15): number[] {
  const levels: number[] = [];
  for (let count = groupCount - 1; count >= 1; count--) {
    if (count === 1 || chooseCombinations(groupCount, count).length <= maxCombinations) levels.push(count);
  }
  return levels;
}

function chooseCombinations(size: number, count: number): number[][] {
  if (count === 0) return [[]];
  const result: number[][] = [];
  for (let first = 0; first <= size - count; first++) {
    for (const rest of chooseCombinations(size - first - 1, count - 1)) {
      result.push([first, ...rest.map((index) => index + first + 1)]);
    }
  }
  return result;
}
