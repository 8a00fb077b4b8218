import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../shared/locale-preference';
import { en, supportedLanguages, translate, type UiStrings } from './translate';

const localeDir = path.join(import.meta.dirname, 'locales');

describe('UI strings', () => {
  it('has a module for every supported language but English, and no module unlisted', () => {
    const files = fs.readdirSync(localeDir).map((file) => path.basename(file, '.ts'));
    expect(files.sort()).toEqual(supportedLanguages.filter((code) => code !== 'en').sort());
    expect(supportedLanguages.length).toBeGreaterThanOrEqual(12);
  });

  it.each(supportedLanguages.filter((code) => code !== 'en'))(
    '%s translates every key and keeps the placeholders',
    async (code) => {
      const { strings } = (await import(`./locales/${code}.ts`)) as { strings: UiStrings };
      for (const key of Object.keys(en) as Array<keyof UiStrings>) {
        expect(strings[key], key).toBeTruthy();
        const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(strings[key]), key).toEqual(placeholders(en[key]));
      }
    },
  );

  it('fills placeholders and drops empty parentheses', () => {
    expect(translate(en, 'human', { name: 'Sam' })).toBe('You are now talking to a person (Sam).');
    expect(translate(en, 'human', { name: '' })).toBe('You are now talking to a person.');
  });

  it('picks the first language it has, by tag or base language, else English', () => {
    expect(pickLanguage(['pt-BR', 'en'], supportedLanguages)).toBe('pt');
    expect(pickLanguage(['ko', 'de_AT'], supportedLanguages)).toBe('de');
    expect(pickLanguage(['ko'], supportedLanguages)).toBe('en');
  });
});
