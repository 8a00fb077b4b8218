/**
 * The few distribution functions the engine needs: normal quantiles for
 * analytic intervals and Poisson / negative-binomial quantiles for count
 * (intermittent) demand, which keep intervals at or above zero.
 */

// Acklam's rational approximation; |relative error| < 1.2e-9, enough for interval bounds.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** The standard normal CDF (Abramowitz & Stegun 7.1.26 on erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** z such that a central interval mean ± z·sd covers `level` percent. */
export function zForLevel(level: number): number {
  return normalQuantile(0.5 + level / 200);
}

/**
 * Quantile of a count distribution with the given mean and variance: Poisson
 * when variance ≤ mean, else negative binomial (gamma–Poisson) with that
 * variance. Falls back to a normal approximation (floored at 0) when the mean
 * is so large that the pmf underflows — counts are then effectively continuous.
 */
export function countQuantile(p: number, mean: number, variance: number): number {
  if (!(mean > 0)) return 0;
  const overdispersed = variance > mean * (1 + 1e-9);
  const size = overdispersed ? (mean * mean) / (variance - mean) : Number.POSITIVE_INFINITY;
  const logFirst = overdispersed ? size * Math.log(size / (size + mean)) : -mean;
  if (logFirst < -600 || mean > 1e5) {
    return Math.max(0, mean + normalQuantile(p) * Math.sqrt(Math.max(variance, mean)));
  }
  const ratio = overdispersed ? mean / (size + mean) : 0;
  let probability = Math.exp(logFirst);
  let cumulative = probability;
  let k = 0;
  // The loop ends at the quantile; the guard only stops pathological inputs.
  while (cumulative < p && k < 1e7) {
    probability *= overdispersed ? ((k + size) / (k + 1)) * ratio : mean / (k + 1);
    k++;
    cumulative += probability;
  }
  return k;
}

/** Standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Small seeded generator (mulberry32): simulations and tests must repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
