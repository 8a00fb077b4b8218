import { describe, expect, it } from 'vitest';
import { contentFields, diffContent, wordDiff } from './content-text';

describe('contentFields', () => {
  it('labels each kind’s texts in reading order', () => {
    expect(contentFields('seo', { title: 'Wool scarf', metaDescription: 'Warm and soft.' })).toEqual([
      { label: 'SEO title', text: 'Wool scarf' },
      { label: 'Meta description', text: 'Warm and soft.' },
    ]);
    expect(
      contentFields('ad_google', { headlines: ['A', 'B'], descriptions: ['C'] }).map((field) => field.label),
    ).toEqual(['Headline 1', 'Headline 2', 'Description 1']);
    expect(
      contentFields('ad_meta', { variants: [{ headline: 'H', primaryText: 'P' }] }).map((field) => field.text),
    ).toEqual(['H', 'P']);
    expect(
      contentFields('review_analysis', {
        sentiment: 'mixed',
        themes: [{ theme: 'Sizing', sentiment: 'negative', mentions: 1 }],
        suggestedFixes: ['Add a size chart'],
      }),
    ).toEqual([
      { label: 'Overall sentiment', text: 'Mixed' },
      { label: 'Theme 1', text: 'Sizing (negative, 1 mention)' },
      { label: 'Suggested fix 1', text: 'Add a size chart' },
    ]);
  });

  it('reads a translation as its source kind', () => {
    expect(
      contentFields('translation', { sourceKind: 'seo', content: { title: 'Écharpe', metaDescription: 'Chaude.' } }),
    ).toEqual([
      { label: 'SEO title', text: 'Écharpe' },
      { label: 'Meta description', text: 'Chaude.' },
    ]);
  });

  it('shows malformed content as empty fields, never throws', () => {
    expect(contentFields('seo', null)).toEqual([
      { label: 'SEO title', text: '' },
      { label: 'Meta description', text: '' },
    ]);
    expect(contentFields('description', { body: 5, highlights: 'not a list' })).toEqual([
      { label: 'Description', text: '5' },
    ]);
    expect(contentFields('translation', { sourceKind: 'translation', content: {} })).toEqual([]);
    expect(contentFields('unknown-kind', { title: 'x' })).toEqual([]);
  });
});

describe('wordDiff', () => {
  it('marks removed and added words and keeps the rest', () => {
    const parts = wordDiff('Soft wool scarf', 'Soft merino scarf');
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text.trim())).toEqual(['wool']);
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['merino']);
    // Reading the old parts gives the old text, the new parts the new text.
    expect(
      parts
        .filter((part) => part.kind !== 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe('Soft wool scarf');
    expect(
      parts
        .filter((part) => part.kind !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe('Soft merino scarf');
    expect(parts.map((part) => part.at)).toEqual(parts.map((_, index) => index));
  });

  it('keeps markup as text: a diff never turns content into HTML', () => {
    const parts = wordDiff('plain', '<img src=x onerror=alert(1)>');
    expect(parts.some((part) => part.text.includes('<img'))).toBe(true);
  });
});

describe('diffContent', () => {
  it('pairs fields by label, flags the changed ones, and keeps fields only one version has', () => {
    const fields = diffContent(
      'ad_google',
      { headlines: ['Warm scarf', 'Soft wool', 'Gift idea'], descriptions: ['Knitted in Scotland.', 'Free returns.'] },
      { headlines: ['Warm scarf', 'Soft merino'], descriptions: ['Knitted in Scotland.', 'Free returns.'] },
    );
    expect(fields.map((field) => [field.label, field.changed])).toEqual([
      ['Headline 1', false],
      ['Headline 2', true],
      ['Description 1', false],
      ['Description 2', false],
      ['Headline 3', true],
    ]);
    expect(fields[4]?.parts).toEqual([{ kind: 'removed', text: 'Gift idea', at: 0 }]);
  });
});
