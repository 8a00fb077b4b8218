// Seeded randomness for the demo data. Everything flows from one integer seed through
// mulberry32 (tiny, fast, good enough for fake data) so the same options always yield
// byte-identical output — Math.random would make seeds, tests and screenshots unreproducible.

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  normal(mean: number, sd: number): number;
  poisson(lambda: number): number;
  sample<T>(items: readonly T[], count: number): T[];
}

export function createRandom(seed: number): Random {
  const next = createMulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => pickItem(items, next),
    weighted: (items, weights) => pickWeighted(items, weights, next),
    normal: (mean, sd) => mean + sd * sampleStandardNormal(next),
    poisson: (lambda) => samplePoisson(lambda, next),
    sample: (items, count) => sampleWithoutReplacement(items, count, next),
  };
}

// Independent streams per concern (catalog, orders, ...) keep one part of the data stable
// when another part's generation logic changes and consumes a different number of draws.
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// Binary search over a running total lets the order generator draw from ~200 weighted
// products thousands of times per day without re-scanning the weights.
export function searchCumulative(cumulative: Float64Array, length: number, target: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function createMulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickItem<T>(items: readonly T[], next: () => number): T {
  if (items.length === 0) throw new Error('Cannot pick from an empty list');
  return items[Math.floor(next() * items.length)] as T;
}

function pickWeighted<T>(items: readonly T[], weights: readonly number[], next: () => number): T {
  let total = 0;
  for (const weight of weights) total += weight;
  let target = next() * total;
  for (let i = 0; i < items.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return items[i] as T;
  }
  return pickItem(items.slice(-1), next);
}

function sampleStandardNormal(next: () => number): number {
  // Box–Muller; 1 - next() avoids log(0).
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function samplePoisson(lambda: number, next: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda >= 30) {
    // Knuth's loop needs ~λ draws and underflows for big λ; the normal shape is close enough there.
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * sampleStandardNormal(next)));
  }
  const limit = Math.exp(-lambda);
  let count = 0;
  let product = next();
  while (product > limit) {
    count++;
    product *= next();
  }
  return count;
}

function sampleWithoutReplacement<T>(items: readonly T[], count: number, next: () => number): T[] {
  const pool = [...items];
  const size = Math.min(count, pool.length);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, size);
}
