import type { DraftLoaderData } from './draft.server';

/**
 * The editable fields of each kind of content, shaped like the kind's schema
 * (list bounds, platform character limits) so an edit is held to the rules
 * the AI output was. Lengths are counted trimmed, as the server counts them.
 */
export type Limits = DraftLoaderData['draft']['limits'];
type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
export const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : '')) : [];
export const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What is wrong with one text against its limit, or nothing. */
export function limitProblem(value: string, limit: number): string | undefined {
  const length = value.trim().length;
  if (length === 0) return 'Must not be empty';
  if (length > limit) {
    const over = length - limit;
    return `${over} ${over === 1 ? 'character' : 'characters'} over the limit of ${limit}`;
  }
  return undefined;
}

/** How many texts of an edited piece are empty or over their limit (Save waits for none). */
export function contentProblems(kind: string, content: unknown, limits: Limits): number {
  if (kind === 'translation') {
    const wrapper = asObject(content);
    return contentProblems(asText(wrapper.sourceKind), wrapper.content, limits);
  }
  const variants = variantSpecs[kind];
  if (variants) {
    const list = Array.isArray(asObject(content).variants) ? (asObject(content).variants as unknown[]) : [];
    return list.reduce<number>(
      (count, variant) =>
        count + variants.filter((spec) => limitProblem(asText(asObject(variant)[spec.key]), limits[spec.limit])).length,
      0,
    );
  }
  return editorSpec(kind, limits).reduce((count, field) => {
    const values = field.list ? asStrings(pick(content, field.path)) : [asText(pick(content, field.path))];
    return count + values.filter((value) => limitProblem(value, field.limit)).length;
  }, 0);
}

export interface FieldSpec {
  /** Where the text (or list of texts) sits in the content. */
  path: string[];
  label: string;
  limit: number;
  multiline?: number;
  /** A list of texts with its bounds (from the kind's schema). */
  list?: { min: number; max: number; noun: string };
}

export function editorSpec(kind: string, limits: Limits): FieldSpec[] {
  switch (kind) {
    case 'description':
      return [
        { path: ['body'], label: 'Description', limit: 5_000, multiline: 8 },
        { path: ['highlights'], label: 'Highlight', limit: 120, list: { min: 0, max: 6, noun: 'highlight' } },
      ];
    case 'seo':
      return [
        { path: ['title'], label: 'SEO title', limit: limits.seoTitle },
        { path: ['metaDescription'], label: 'Meta description', limit: limits.seoDescription, multiline: 3 },
      ];
    case 'ad_google':
      return [
        {
          path: ['headlines'],
          label: 'Headline',
          limit: limits.googleHeadline,
          list: { min: 3, max: 15, noun: 'headline' },
        },
        {
          path: ['descriptions'],
          label: 'Description',
          limit: limits.googleDescription,
          list: { min: 2, max: 4, noun: 'description' },
        },
      ];
    default:
      return [];
  }
}

export const variantSpecs: Record<string, { key: string; label: string; limit: keyof Limits; multiline?: number }[]> = {
  ad_meta: [
    { key: 'headline', label: 'Headline', limit: 'metaHeadline' },
    { key: 'primaryText', label: 'Primary text', limit: 'metaPrimaryText', multiline: 4 },
  ],
  ad_tiktok: [
    { key: 'hook', label: 'Hook', limit: 'tiktokText' },
    { key: 'text', label: 'On-screen text', limit: 'tiktokText', multiline: 2 },
  ],
};

export function pick(content: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => asObject(value)[key], content);
}

export function put(content: unknown, path: string[], value: unknown): Json {
  const [head, ...rest] = path;
  const object = asObject(content);
  if (!head) return object;
  return { ...object, [head]: rest.length === 0 ? value : put(object[head], rest, value) };
}

const editableKinds = new Set(['description', 'seo', 'ad_google', 'ad_meta', 'ad_tiktok']);

/** Whether this page can edit the kind inline (review analyses are read, not rewritten). */
export function isEditableKind(kind: string, content: unknown): boolean {
  if (kind === 'translation') return editableKinds.has(asText(asObject(content).sourceKind));
  return editableKinds.has(kind);
}
