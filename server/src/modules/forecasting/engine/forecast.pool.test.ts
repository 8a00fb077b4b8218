import { describe, expect, it } from 'vitest';
import { forecastSeries } from './auto.forecaster';
import { type ForecastProgress, forecastMany } from './forecast.pool';
import { generateDailyDemand } from './synthetic-demand.generator';

const series = generateDailyDemand({ count: 24, length: 200, seed: 5 });
const options = { horizon: 14, periods: [7] };

describe('forecastMany', () => {
  it('gives the same forecasts on worker threads as in-process, in input order', async () => {
    const progress: ForecastProgress[] = [];
    const results = await forecastMany(series, { ...options, workers: 2, batchSize: 5, inProcessBelow: 0 }, (p) =>
      progress.push(p),
    );
    expect(results).toEqual(series.map((values) => forecastSeries(values, options)));
    expect(progress.at(-1)).toMatchObject({ done: 24, total: 24 });
    expect(progress.every(({ onWorker }) => onWorker)).toBe(true);
    expect(progress.map(({ done }) => done)).toEqual([...progress.map(({ done }) => done)].sort((a, b) => a - b));
  }, 30_000);

  it('falls back to in-process when the worker cannot start', async () => {
    const missing = new URL('./no-such.worker.js', import.meta.url);
    const progress: ForecastProgress[] = [];
    const results = await forecastMany(
      series.slice(0, 6),
      { ...options, workers: 2, batchSize: 2, inProcessBelow: 0, workerUrl: missing },
      (p) => progress.push(p),
    );
    expect(progress.map(({ onWorker }) => onWorker)).toEqual([false, false, false]);
    expect(results.map(({ mean }) => mean)).toEqual(
      series.slice(0, 6).map((values) => forecastSeries(values, options).mean),
    );
  }, 30_000);

  it('validates every series before starting', async () => {
    await expect(
      forecastMany(
        [
          [1, 2],
          [3, Number.POSITIVE_INFINITY],
        ],
        options,
      ),
    ).rejects.toThrow(/series 1, value 1/);
  });
});
