import { describe, expect, it } from 'vitest';
import {
  brandVoiceFromForm,
  draftIdsFromForm,
  draftSelectionFromForm,
  editedContentFromForm,
  reviewAnalysisFromForm,
  runInputFromForm,
  splitWords,
} from './content-form';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('runInputFromForm', () => {
  it('reads picked products, kinds and the language', () => {
    expect(
      runInputFromForm(
        form([
          ['scope', 'products'],
          ['productId', 'a'],
          ['productId', ' b '],
          ['productId', ''],
          ['kind', 'seo'],
          ['kind', 'description'],
          ['language', 'fr'],
        ]),
      ),
    ).toEqual({ scope: { type: 'products', productIds: ['a', 'b'] }, kinds: ['seo', 'description'], language: 'fr' });
  });

  it('reads a collection or the whole catalog, and leaves the language to the workspace when empty', () => {
    expect(
      runInputFromForm(
        form([
          ['scope', 'category'],
          ['category', ' Outerwear '],
          ['kind', 'seo'],
        ]),
      ),
    ).toEqual({
      scope: { type: 'category', category: 'Outerwear' },
      kinds: ['seo'],
    });
    expect(
      runInputFromForm(
        form([
          ['scope', 'all'],
          ['language', ''],
        ]),
      ),
    ).toEqual({ scope: { type: 'all' }, kinds: [] });
  });

  it('treats an unknown scope as picked products, so the service answers "select at least one product"', () => {
    expect(runInputFromForm(form([['scope', 'everything-please']])).scope).toEqual({
      type: 'products',
      productIds: [],
    });
  });
});

describe('brandVoiceFromForm', () => {
  it('splits words on commas and lines and drops empty examples', () => {
    expect(
      brandVoiceFromForm(
        form([
          ['tone', ' Warm '],
          ['wordsToUse', 'cosy, handmade\nlocal,,'],
          ['wordsToAvoid', ''],
          ['example', 'We knit slowly.'],
          ['example', '  '],
          ['example', ''],
          ['descriptionLength', 'short'],
        ]),
      ),
    ).toEqual({
      tone: 'Warm',
      wordsToUse: ['cosy', 'handmade', 'local'],
      wordsToAvoid: [],
      examples: ['We knit slowly.'],
      descriptionLength: 'short',
    });
    expect(brandVoiceFromForm(form([])).descriptionLength).toBe('medium');
    expect(splitWords(' a ,b\n\n c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('the other forms', () => {
  it('reads review analyses, draft ids and edited content', () => {
    expect(
      reviewAnalysisFromForm(
        form([
          ['reviews', ' Too small. '],
          ['productId', ''],
        ]),
      ),
    ).toEqual({
      reviews: 'Too small.',
    });
    expect(
      draftIdsFromForm(
        form([
          ['draftId', 'x'],
          ['draftId', 'y'],
        ]),
      ),
    ).toEqual(['x', 'y']);
    expect(editedContentFromForm(form([['content', '{"title":"A"}']]))).toEqual({ title: 'A' });
  });

  it('reads a bulk selection: ticked drafts, or every draft the filters match', () => {
    expect(draftSelectionFromForm(form([['draftId', 'x']]))).toEqual({ draftIds: ['x'] });
    expect(
      draftSelectionFromForm(
        form([
          ['selection', 'matching'],
          ['draftId', 'x'],
          ['run', 'r-1'],
          ['status', ''],
          ['kind', 'seo'],
          ['q', ' socks '],
        ]),
      ),
    ).toEqual({ matching: { run: 'r-1', status: undefined, kind: 'seo', q: 'socks' } });
  });

  it('refuses edited content that is not JSON with a 400 and a sentence', () => {
    expect(() => editedContentFromForm(form([['content', '{oops']]))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('could not be read') }),
    );
  });
});
