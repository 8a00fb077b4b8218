import { describe, expect, it } from 'vitest';
import { contentProblems, isEditableKind, type Limits, limitProblem, put } from './content-limits';

const limits: Limits = {
  seoTitle: 60,
  seoDescription: 160,
  googleHeadline: 30,
  googleDescription: 90,
  metaPrimaryText: 500,
  metaHeadline: 40,
  tiktokText: 100,
};

describe('limitProblem', () => {
  it('counts trimmed characters, as the server’s schema does', () => {
    expect(limitProblem(`  ${'x'.repeat(60)}  `, 60)).toBeUndefined();
    expect(limitProblem('x'.repeat(61), 60)).toBe('1 character over the limit of 60');
    expect(limitProblem('x'.repeat(65), 60)).toBe('5 characters over the limit of 60');
    expect(limitProblem('   ', 60)).toBe('Must not be empty');
  });
});

describe('contentProblems', () => {
  it('finds texts over their platform limit in every kind', () => {
    expect(contentProblems('seo', { title: 'x'.repeat(61), metaDescription: 'ok' }, limits)).toBe(1);
    expect(
      contentProblems('ad_google', { headlines: ['ok', 'x'.repeat(31), ''], descriptions: ['ok', 'ok'] }, limits),
    ).toBe(2);
    expect(contentProblems('ad_meta', { variants: [{ headline: 'x'.repeat(41), primaryText: 'ok' }] }, limits)).toBe(1);
    expect(contentProblems('ad_tiktok', { variants: [{ hook: 'ok', text: 'ok' }] }, limits)).toBe(0);
    expect(
      contentProblems(
        'translation',
        { sourceKind: 'seo', content: { title: 'ok', metaDescription: 'x'.repeat(161) } },
        limits,
      ),
    ).toBe(1);
  });
});

describe('isEditableKind and put', () => {
  it('edits product copy inline but reads review analyses', () => {
    expect(isEditableKind('seo', {})).toBe(true);
    expect(isEditableKind('review_analysis', {})).toBe(false);
    expect(isEditableKind('translation', { sourceKind: 'ad_meta' })).toBe(true);
  });

  it('replaces one field without touching the original', () => {
    const original = { title: 'A', metaDescription: 'B' };
    expect(put(original, ['title'], 'C')).toEqual({ title: 'C', metaDescription: 'B' });
    expect(original.title).toBe('A');
  });
});
