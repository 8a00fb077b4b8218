import { describe, expect, it } from 'vitest';
import { accentFor } from '../app/page-effects';
import { panelCss } from '../app/styles/panel.css';
import { contrastRatio, parseHexColor, relativeLuminance, textColorOn } from './color';

const luminance = (hex: string) => relativeLuminance(parseHexColor(hex) ?? []);
const ratio = (a: string, b: string) => contrastRatio(luminance(a), luminance(b));
const rgbToHex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? []).map((channel) => Number(channel).toString(16).padStart(2, '0')).join('')}`;

describe('brand colour contrast', () => {
  it('parses #rgb and #rrggbb only', () => {
    expect(parseHexColor('#1f4e79')).toEqual([31, 78, 121]);
    expect(parseHexColor('#fff')).toEqual([255, 255, 255]);
    expect(parseHexColor('red')).toBeNull();
    expect(parseHexColor('#12345')).toBeNull();
  });

  it('always picks a text colour with at least 4.5:1 on the brand colour', () => {
    for (let grey = 0; grey < 256; grey += 1) {
      const hex = `#${grey.toString(16).padStart(2, '0').repeat(3)}`;
      expect(ratio(hex, textColorOn(parseHexColor(hex) ?? []))).toBeGreaterThanOrEqual(4.5);
    }
    for (const hex of ['#ffd400', '#1f4e79', '#e91e63', '#00a86b', '#ff7f00', '#7f7f7f', '#777777']) {
      expect(ratio(hex, textColorOn(parseHexColor(hex) ?? [])), hex).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('darkens light brand colours into accents readable on white and on the bubble grey', () => {
    for (const hex of ['#ffd400', '#1f4e79', '#8ecae6', '#ffffff', 'not a colour']) {
      const accent = rgbToHex(accentFor(hex));
      expect(ratio(accent, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(ratio(accent, '#f1f3f5')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the panel’s text greys at 4.5:1 or more on every surface they sit on', () => {
    const pairs: Array<[string, string]> = [
      ['#1b1f24', '#fff'],
      ['#1b1f24', '#f1f3f5'],
      ['#4a525c', '#fff'],
      ['#4a525c', '#f1f3f5'],
      ['#4a525c', '#e3e6ea'],
      ['#b3261e', '#fff'],
      ['#3d2e00', '#fff4ce'],
      ['#1b1f24', '#e3e6ea'],
    ];
    for (const [text, surface] of pairs) {
      expect(panelCss.includes(text) && panelCss.includes(surface), `${text} on ${surface} is in the CSS`).toBe(true);
      expect(ratio(text, surface), `${text} on ${surface}`).toBeGreaterThanOrEqual(4.5);
    }
    // Borders of inputs and the rating stars are non-text contrast: 3:1.
    expect(ratio('#767f8a', '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(ratio('#8a6d00', '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
