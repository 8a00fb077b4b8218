import { en, type StringKey, type UiStrings } from './strings.en';

export type { StringKey, UiStrings };

/**
 * English ships in app.js; every other language is a small module of its own
 * (dist/locale-<code>.js), imported when the shopper's language is known, so
 * adding languages costs the bundle nothing.
 */
export const supportedLanguages = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'pl', 'ja', 'zh'];

export { en };

/** `{name}` placeholders; an empty value also drops the parentheses around it ("a person ()" → "a person"). */
export function translate(strings: UiStrings, key: StringKey, values?: Record<string, string | number>): string {
  const template = strings[key] ?? en[key];
  if (!values) return template;
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
    .replace(/\s?[(（]\s*[)）]/, '');
}

export type LocaleImporter = (code: string) => Promise<{ strings: UiStrings }>;

/** Locale modules sit next to app.js and share its query (a version string busts them with it). */
export function importLocaleBeside(appUrl: string): LocaleImporter {
  return (code) => import(/* @vite-ignore */ new URL(`locale-${code}.js${new URL(appUrl).search}`, appUrl).href);
}
