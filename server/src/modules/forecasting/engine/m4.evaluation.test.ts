import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { average, meanAbsoluteScaledError, symmetricMape } from './accuracy.metrics';
import { defaultSeasonalPeriods, evaluateM4, holdOut, M4TaskError } from './m4.evaluation';
import { type NamedSeries, readM4File } from './m4-data.reader';
import { generateDailyDemand } from './synthetic-demand.generator';

const weeklyFile = '/work/shared/data/m4/Weekly-train.csv';

describe.skipIf(!fs.existsSync(weeklyFile))('M4 evaluation on 20 Weekly series', () => {
  const series = readM4File(weeklyFile).slice(0, 20);
  const split = holdOut(series, 13);

  it('scores engine and Naive2 as M4 does, OWA on the averages', async () => {
    const scores = await evaluateM4({ ...split, horizon: 13, period: 1, workers: 0 });
    // With m = 1 Naive2 is the naive forecast: recompute its scores independently.
    const naive = split.train.map(({ values }) => new Array<number>(13).fill(values.at(-1) as number));
    const actual = split.test.map(({ values }) => values);
    expect(scores.naive2.sMAPE).toBeCloseTo(average(naive.map((f, i) => symmetricMape(actual[i] as number[], f))), 10);
    expect(scores.naive2.MASE).toBeCloseTo(
      average(
        naive.map((f, i) => meanAbsoluteScaledError(split.train[i]?.values as number[], actual[i] as number[], f, 1)),
      ),
      10,
    );
    expect(scores.OWA).toBeCloseTo(0.5 * (scores.sMAPE / scores.naive2.sMAPE + scores.MASE / scores.naive2.MASE), 12);
    expect(scores.series).toBe(20);
    expect(scores.OWA).toBeLessThan(1);
  }, 30_000);

  it('matches test series by id and refuses missing ones', async () => {
    await expect(
      evaluateM4({ train: split.train, test: split.test.slice(1), horizon: 13, period: 1, workers: 0 }),
    ).rejects.toThrow(M4TaskError);
  });
});

describe('M4 task helpers', () => {
  it('holds out the last horizon', () => {
    expect(holdOut([{ id: 'a', values: [1, 2, 3, 4] }], 2)).toEqual({
      train: [{ id: 'a', values: [1, 2] }],
      test: [{ id: 'a', values: [3, 4] }],
    });
    expect(() => holdOut([{ id: 'a', values: [1, 2] }], 2)).toThrow(/too few/);
  });

  it('models the cycles of M4 frequencies', () => {
    expect(defaultSeasonalPeriods(24, 48)).toEqual([24, 168]);
    expect(defaultSeasonalPeriods(1, 13)).toEqual([52]);
    expect(defaultSeasonalPeriods(12, 18)).toEqual([12]);
    expect(defaultSeasonalPeriods(1, 6)).toEqual([]);
  });
});

describe('m4-eval CLI', () => {
  const cli = fileURLToPath(new URL('./m4-eval.cli.ts', import.meta.url));
  const run = promisify(execFile);
  const toCsv = (series: NamedSeries[]) =>
    `"V1","V2"\n${series.map(({ id, values }) => [`"${id}"`, ...values.map((v) => `"${v}"`)].join(',')).join('\n')}\n`;

  it('prints the metrics as JSON for a train/test pair, and one-line errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm4-cli-'));
    try {
      const series = generateDailyDemand({ count: 12, length: 120, seed: 3, intermittentShare: 0 }).map(
        (values, i) => ({ id: `D${i}`, values }),
      );
      const { train, test } = holdOut(series, 14);
      fs.writeFileSync(path.join(dir, 'train.csv'), toCsv(train));
      fs.writeFileSync(path.join(dir, 'test.csv'), toCsv(test));
      const args = [
        '--import',
        'tsx',
        cli,
        '--train',
        path.join(dir, 'train.csv'),
        '--test',
        path.join(dir, 'test.csv'),
      ];
      const { stdout } = await run(process.execPath, [...args, '--horizon', '14', '--period', '7']);
      const output = JSON.parse(stdout);
      expect(Object.keys(output)).toEqual(['series', 'horizon', 'period', 'sMAPE', 'MASE', 'OWA', 'naive2', 'seconds']);
      expect(output).toMatchObject({ series: 12, horizon: 14, period: 7 });
      expect(output.OWA).toBeGreaterThan(0);

      const failure = await run(process.execPath, [...args, '--horizon', 'soon', '--period', '7']).catch(
        (error) => error,
      );
      expect(failure.code).toBe(1);
      expect(failure.stderr.trim()).toBe('--horizon must be an integer ≥ 1, got "soon"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
