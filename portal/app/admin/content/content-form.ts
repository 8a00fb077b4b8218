import { badRequest } from '../settings-common/action-result';

/**
 * Posted forms of the content studio turned into the shapes its services
 * take. Only the shape is built here; the services validate every value
 * (ids, kinds, limits) and answer with the field that is wrong.
 */
const texts = (form: FormData, name: string): string[] =>
  form
    .getAll(name)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim())
    .filter(Boolean);

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** What to generate: selected products, one collection, or the whole catalog; the kinds; the language. */
export function runInputFromForm(form: FormData) {
  const scopeType = text(form, 'scope');
  const scope =
    scopeType === 'category'
      ? { type: 'category' as const, category: text(form, 'category') }
      : scopeType === 'all'
        ? { type: 'all' as const }
        : { type: 'products' as const, productIds: texts(form, 'productId') };
  const language = text(form, 'language');
  return { scope, kinds: texts(form, 'kind'), ...(language ? { language } : {}) };
}

/** Words typed one per line or separated by commas. */
export function splitWords(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter(Boolean);
}

export function brandVoiceFromForm(form: FormData) {
  return {
    tone: text(form, 'tone'),
    wordsToUse: splitWords(text(form, 'wordsToUse')),
    wordsToAvoid: splitWords(text(form, 'wordsToAvoid')),
    examples: texts(form, 'example'),
    descriptionLength: text(form, 'descriptionLength') || 'medium',
  };
}

export function reviewAnalysisFromForm(form: FormData) {
  const productId = text(form, 'productId');
  const language = text(form, 'language');
  return {
    reviews: text(form, 'reviews'),
    ...(productId ? { productId } : {}),
    ...(language ? { language } : {}),
  };
}

export function draftIdsFromForm(form: FormData): string[] {
  return texts(form, 'draftId');
}

/** The drafts a bulk action is for: the ticked ones, or (`selection=matching`) every draft the list's filters match. */
export function draftSelectionFromForm(form: FormData) {
  if (text(form, 'selection') !== 'matching') return { draftIds: draftIdsFromForm(form) };
  const filter = (name: string) => text(form, name) || undefined;
  return { matching: { run: filter('run'), status: filter('status'), kind: filter('kind'), q: filter('q') } };
}

/** An edited draft travels as one JSON field: its structure is the kind's schema, which the service checks. */
export function editedContentFromForm(form: FormData): unknown {
  try {
    return JSON.parse(text(form, 'content'));
  } catch {
    throw badRequest('The edited content could not be read. Reload the page and try again.');
  }
}
