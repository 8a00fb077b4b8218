/**
 * Which language the shopper reads: an explicit choice first (`Closer.setLocale`,
 * then `data-locale`), then the page's `<html lang>`, then the browser's list.
 * The first one we have strings for wins; English otherwise.
 */
export function preferredLanguages(explicit: ReadonlyArray<string | null | undefined>, doc: Document, nav: Navigator) {
  return [...explicit, doc.documentElement.lang, ...(nav.languages ?? [nav.language])].filter(
    (tag): tag is string => !!tag,
  );
}

export function pickLanguage(candidates: readonly string[], supported: readonly string[]): string {
  for (const tag of candidates) {
    const lower = tag.toLowerCase().replace('_', '-');
    const match = supported.includes(lower) ? lower : supported.find((code) => code === lower.split('-')[0]);
    if (match) return match;
  }
  return 'en';
}
