import { diffWords } from 'diff';

/**
 * A draft's structured content as labelled text fields ("Title", "Headline 2"),
 * for reading it, and for the history's word diff field by field. Content
 * comes from the database as JSON; anything malformed shows as empty rather
 * than breaking the page.
 */
export interface ContentField {
  label: string;
  text: string;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const sentimentWords: Record<string, string> = { positive: 'Positive', mixed: 'Mixed', negative: 'Negative' };

export function contentFields(kind: string, content: unknown): ContentField[] {
  const value = asObject(content);
  switch (kind) {
    case 'description':
      return [
        { label: 'Description', text: asText(value.body) },
        ...asList(value.highlights).map((item, index) => ({ label: `Highlight ${index + 1}`, text: asText(item) })),
      ];
    case 'seo':
      return [
        { label: 'SEO title', text: asText(value.title) },
        { label: 'Meta description', text: asText(value.metaDescription) },
      ];
    case 'ad_google':
      return [
        ...asList(value.headlines).map((item, index) => ({ label: `Headline ${index + 1}`, text: asText(item) })),
        ...asList(value.descriptions).map((item, index) => ({ label: `Description ${index + 1}`, text: asText(item) })),
      ];
    case 'ad_meta':
      return asList(value.variants).flatMap((variant, index) => [
        { label: `Variant ${index + 1} headline`, text: asText(asObject(variant).headline) },
        { label: `Variant ${index + 1} primary text`, text: asText(asObject(variant).primaryText) },
      ]);
    case 'ad_tiktok':
      return asList(value.variants).flatMap((variant, index) => [
        { label: `Variant ${index + 1} hook`, text: asText(asObject(variant).hook) },
        { label: `Variant ${index + 1} text`, text: asText(asObject(variant).text) },
      ]);
    case 'review_analysis':
      return [
        { label: 'Overall sentiment', text: sentimentWords[asText(value.sentiment)] ?? asText(value.sentiment) },
        ...asList(value.themes).map((theme, index) => {
          const entry = asObject(theme);
          const mentions = Number(entry.mentions ?? 0);
          return {
            label: `Theme ${index + 1}`,
            text: `${asText(entry.theme)} (${(sentimentWords[asText(entry.sentiment)] ?? asText(entry.sentiment)).toLowerCase()}, ${mentions} ${mentions === 1 ? 'mention' : 'mentions'})`,
          };
        }),
        ...asList(value.suggestedFixes).map((fix, index) => ({
          label: `Suggested fix ${index + 1}`,
          text: asText(fix),
        })),
      ];
    case 'translation':
      return asText(value.sourceKind) === 'translation' ? [] : contentFields(asText(value.sourceKind), value.content);
    default:
      return [];
  }
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** Where the part starts among the parts (a stable key for rendering). */
  at: number;
}

export interface FieldDiff {
  label: string;
  parts: DiffPart[];
  changed: boolean;
}

/** Word by word, as jsdiff sees it: whitespace travels with the words around it. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change, at) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
    at,
  }));
}

/**
 * The fields of two versions side by side: every label either version has, in
 * the order they appear (the later version's first), each with its word diff.
 */
export function diffContent(kind: string, before: unknown, after: unknown): FieldDiff[] {
  const old = new Map(contentFields(kind, before).map((field) => [field.label, field.text]));
  const next = new Map(contentFields(kind, after).map((field) => [field.label, field.text]));
  const labels = [...next.keys(), ...[...old.keys()].filter((label) => !next.has(label))];
  return labels.map((label) => {
    const was = old.get(label) ?? '';
    const now = next.get(label) ?? '';
    return { label, parts: wordDiff(was, now), changed: was !== now };
  });
}
