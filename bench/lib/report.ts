import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every benchmark writes one JSON file, `bench/results/<name>.json`, with its
 * figures and the machine, date and commit they were measured on; the README's
 * table is rebuilt from these files (scripts/bench.mjs).
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target from the issue, e.g. "≤ 90 s"; omitted when there is none. */
  target?: string;
  /** Whether `value` meets `target`. */
  met?: boolean;
}

export interface BenchResult {
  name: string;
  description: string;
  figures: Figure[];
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  date: string;
  commit: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function writeResult(name: string, description: string, figures: Figure[]): BenchResult {
  const result: BenchResult = {
    name,
    description,
    figures,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    date: new Date().toISOString(),
    commit: currentCommit(),
  };
  const file = path.join(root, 'bench', 'results', `${name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  for (const figure of figures) {
    const verdict = figure.target ? ` (target ${figure.target}: ${figure.met ? 'met' : 'MISSED'})` : '';
    console.log(`  ${figure.name}: ${figure.value} ${figure.unit}${verdict}`);
  }
  return result;
}

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export { root as repositoryRoot };
