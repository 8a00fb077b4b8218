/**
 * Sorts a demand series into the family of models that suits it, using
 * Syntetos & Boylan's average demand interval (ADI, periods per non-zero
 * demand): above 1.32 — more than about a quarter of periods without any
 * sale — the timing of demand is as uncertain as its size and Croston-type
 * models win. (ADI > 1.32 is the same test as a zero share above 24 %.)
 */
export type SeriesKind = 'smooth' | 'intermittent' | 'zero' | 'short';

export interface SeriesProfile {
  kind: SeriesKind;
  /** Mean number of periods per non-zero demand. */
  averageDemandInterval: number;
  zeroShare: number;
}

export const ADI_CUTOFF = 1.32;

export function classifySeries(values: ArrayLike<number>, minimumLength: number): SeriesProfile {
  const n = values.length;
  let nonZero = 0;
  let negative = false;
  for (let t = 0; t < n; t++) {
    const value = values[t] as number;
    if (value !== 0) nonZero++;
    if (value < 0) negative = true;
  }
  const zeroShare = n > 0 ? (n - nonZero) / n : 1;
  const averageDemandInterval = nonZero > 0 ? n / nonZero : Number.POSITIVE_INFINITY;
  const profile = (kind: SeriesKind): SeriesProfile => ({ kind, averageDemandInterval, zeroShare });
  if (nonZero === 0) return profile('zero');
  // Croston's models assume non-negative demand; a series with returns stays "smooth".
  if (!negative && averageDemandInterval > ADI_CUTOFF) return profile('intermittent');
  if (n < minimumLength) return profile('short');
  return profile('smooth');
}
