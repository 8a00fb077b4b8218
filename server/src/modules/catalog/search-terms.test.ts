import { describe, expect, it } from 'vitest';
import {
  buildAnyTermQuery,
  buildSomeTermsQuery,
  listRelaxedLevels,
  listTypoCorrections,
  maxGroups,
  selectRequiredGroups,
  selectWordGroups,
  tokenizeSearch,
} from './search-terms';

const group = (word: string, alternatives: string[] = []) => ({ word, alternatives, known: true, common: false });

describe('tokenizeSearch', () => {
  it('keeps letters and digits only, lower-cased, once each, and separates -exclusions', () => {
    expect(tokenizeSearch('Rain JACKET rain -leather "2-person" tent:* & !x | (y)')).toEqual({
      words: ['rain', 'jacket', '2', 'person', 'tent', 'x', 'y'],
      excluded: ['leather'],
    });
    expect(tokenizeSearch("' OR 1=1; --").words).toEqual(['or', '1']);
    expect(tokenizeSearch('   ').words).toEqual([]);
  });
});

describe('listTypoCorrections', () => {
  it('swaps neighbouring letters and drops one letter', () => {
    expect(listTypoCorrections('jakcet')).toContain('jacket');
    expect(listTypoCorrections('jackeet')).toContain('jacket');
    expect(listTypoCorrections('jakcet')).not.toContain('jakcet');
  });

  it('leaves short words and numbers alone', () => {
    expect(listTypoCorrections('tnt')).toEqual([]);
    expect(listTypoCorrections('gtx500')).toEqual([]);
  });
});

describe('tsquery builders', () => {
  it('builds at-least-k-of-n queries from groups', () => {
    const groups = [group('warm'), group('jakcet', ['jacket']), group('hiking')];
    expect(buildSomeTermsQuery(groups, 3)).toBe('warm & (jakcet | jacket) & hiking');
    expect(buildSomeTermsQuery(groups, 2)).toBe(
      '(warm & (jakcet | jacket)) | (warm & hiking) | ((jakcet | jacket) & hiking)',
    );
    expect(buildSomeTermsQuery(groups, 1)).toBe('warm | (jakcet | jacket) | hiking');
    expect(buildAnyTermQuery(groups)).toBe('warm | (jakcet | jacket) | hiking');
  });

  it('skips levels whose combinations would make slow queries', () => {
    expect(listRelaxedLevels(1)).toEqual([]);
    expect(listRelaxedLevels(3)).toEqual([2, 1]);
    expect(listRelaxedLevels(6)).toEqual([5, 4, 2, 1]);
  });
});

describe('selectWordGroups', () => {
  it('drops stop words, corrects unknown words and marks common ones', () => {
    const groups = selectWordGroups(
      ['warm', 'for', 'jakcet'],
      [{ frequency: 0.45, known: true }, null, { frequency: 0, known: false }],
    );
    expect(groups.map(({ word, known, common }) => ({ word, known, common }))).toEqual([
      { word: 'warm', known: true, common: true },
      { word: 'jakcet', known: false, common: false },
    ]);
    expect(groups[1]?.alternatives).toContain('jacket');
    expect(selectRequiredGroups(groups).map((kept) => kept.word)).toEqual(['jakcet']);
  });

  it('keeps the rarest words when there are too many, and one common word if all are common', () => {
    const words = ['a1', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1', 'h1'];
    const groups = selectWordGroups(
      words,
      words.map((_word, index) => ({ frequency: 0.1 - index / 100, known: true })),
    );
    expect(groups.map((kept) => kept.word)).toEqual(words.slice(words.length - maxGroups));
    const common = selectWordGroups(
      ['warm', 'soft'],
      [
        { frequency: 0.5, known: true },
        { frequency: 0.3, known: true },
      ],
    );
    expect(selectRequiredGroups(common).map((kept) => kept.word)).toEqual(['warm']);
  });
});
