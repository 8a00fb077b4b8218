/**
 * WCAG 2.x contrast for the merchant's brand colour: text on it is white or
 * black, whichever contrasts more (never below 4.58:1; the worst case is a
 * mid-grey of luminance 0.179, where both tie).
 */

export function parseHexColor(value: unknown): number[] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value).trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16));
}

export function relativeLuminance(rgb: readonly number[]): number {
  const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export const contrastRatio = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** White wins while 1.05 / (L + 0.05) ≥ (L + 0.05) / 0.05, i.e. (L + 0.05)² ≤ 0.0525. */
export const textColorOn = (rgb: readonly number[]): '#fff' | '#000' =>
  (relativeLuminance(rgb) + 0.05) ** 2 <= 0.0525 ? '#fff' : '#000';
