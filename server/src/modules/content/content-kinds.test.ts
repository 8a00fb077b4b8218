import { describe, expect, it } from 'vitest';
import { descriptionToHtml, spreadsheetSafe } from './content-export';
import { parseKindContent } from './content-kinds';

describe('parseKindContent', () => {
  it('holds SEO and Google ads to the limits search engines and Google Ads enforce', () => {
    expect(parseKindContent('seo', { title: 'x'.repeat(60), metaDescription: 'y'.repeat(160) }).ok).toBe(true);
    expect(parseKindContent('seo', { title: 'x'.repeat(61), metaDescription: 'ok' })).toEqual({
      ok: false,
      message: expect.stringContaining('at most 60 characters'),
    });
    const headlines = ['Warm', 'Soft', 'x'.repeat(31)];
    const google = parseKindContent('ad_google', { headlines, descriptions: ['One.', 'Two.'] });
    expect(google).toEqual({ ok: false, message: expect.stringContaining('at most 30 characters') });
  });

  it('checks a translation against its source kind’s schema', () => {
    const translated = { sourceKind: 'seo', content: { title: 'Chaussettes en laine', metaDescription: 'Chaudes.' } };
    expect(parseKindContent('translation', translated).ok).toBe(true);
    const tooLong = { sourceKind: 'seo', content: { title: 'x'.repeat(70), metaDescription: 'Chaudes.' } };
    expect(parseKindContent('translation', tooLong).ok).toBe(false);
    expect(parseKindContent('translation', { sourceKind: 'poem', content: {} })).toEqual({
      ok: false,
      message: expect.stringContaining('unknown source kind "poem"'),
    });
  });
});

describe('export cells', () => {
  it('keeps spreadsheet formulas from running in the generic sheet', () => {
    expect(spreadsheetSafe('-20% today only')).toBe("'-20% today only");
    expect(spreadsheetSafe('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(spreadsheetSafe('@sum')).toBe("'@sum");
    expect(spreadsheetSafe('Warm wool socks')).toBe('Warm wool socks');
  });

  it('writes descriptions as escaped HTML for Shopify', () => {
    expect(descriptionToHtml({ body: 'Warm <b>socks</b>\n\nSecond', highlights: ['Merino & nylon'] })).toContain(
      '&lt;b&gt;socks&lt;/b&gt;',
    );
  });
});
