import { gaussian, seededRandom } from './distribution.math';

/**
 * Reproducible synthetic store demand for benchmarks and tests: daily sales
 * with a weekly pattern, a trend and noise, and a share of slow movers whose
 * sales are mostly zero (Poisson counts at a low rate).
 */
export interface SyntheticDemandOptions {
  count: number;
  length: number;
  /** Share of slow movers (intermittent series); default 0.2. */
  intermittentShare?: number;
  seed?: number;
}

export function generateDailyDemand(options: SyntheticDemandOptions): number[][] {
  const random = seededRandom(options.seed ?? 1);
  const share = options.intermittentShare ?? 0.2;
  const series: number[][] = [];
  for (let i = 0; i < options.count; i++) {
    series.push(random() < share ? slowMover(options.length, random) : regularSeller(options.length, random));
  }
  return series;
}

function regularSeller(length: number, random: () => number): number[] {
  const level = 5 + random() * 500;
  const growth = (random() - 0.4) * 0.002;
  const weekly = Array.from({ length: 7 }, (_, day) => 1 + (day >= 5 ? 0.3 + random() * 0.4 : (random() - 0.5) * 0.2));
  const noise = 0.05 + random() * 0.15;
  const values: number[] = [];
  for (let t = 0; t < length; t++) {
    const mean = level * (1 + growth * t) * (weekly[t % 7] as number);
    values.push(Math.max(0, Math.round(mean * (1 + noise * gaussian(random)))));
  }
  return values;
}

function slowMover(length: number, random: () => number): number[] {
  const rate = 0.05 + random() * 0.5;
  const values: number[] = [];
  for (let t = 0; t < length; t++) values.push(poisson(rate, random));
  return values;
}

export function poisson(rate: number, random: () => number): number {
  const limit = Math.exp(-rate);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}
