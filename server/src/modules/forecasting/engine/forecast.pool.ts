import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ForecastSeriesOptions, forecastSeries, InvalidSeriesError, type SeriesForecast } from './auto.forecaster';

/**
 * Forecasts many series in parallel on worker threads. Series travel in
 * batches (one message per ~100 series, not per series) and idle workers
 * take the next batch, so a slow batch never holds the others up.
 *
 * Running from TypeScript source (vitest, tsx) the worker is
 * `forecast.worker.ts` started with tsx's loader. A bundled build must ship
 * the worker as its own entry point next to the bundle that contains this
 * file: for server/build.mjs, add `src/modules/forecasting/engine/forecast.worker.ts`
 * as a second esbuild entry with output `dist/forecast.worker.js` (same
 * bundle/format/platform options). Without a usable worker (or with
 * `workers: 0`) everything runs in-process on the calling thread.
 */
export interface ForecastManyOptions extends ForecastSeriesOptions {
  /** Worker threads; default one per core (one core left free above four). */
  workers?: number;
  /** Series per message; default 100. */
  batchSize?: number;
  /** Fewer series than this run in-process: starting workers costs more. Default 64. */
  inProcessBelow?: number;
  /** Override the worker entry (e.g. a bundle laid out differently). */
  workerUrl?: URL;
}

export interface ForecastProgress {
  done: number;
  total: number;
  /** Whether the batch just finished ran on a worker thread (false: in-process fallback). */
  onWorker: boolean;
}

export interface WorkerRequest {
  batch: number;
  series: Float64Array[];
  options: ForecastSeriesOptions;
}

export type WorkerReply = { batch: number; results: SeriesForecast[] } | { batch: number; error: string };

export class ForecastWorkerError extends Error {
  override readonly name = 'ForecastWorkerError';
}

export async function forecastMany(
  series: readonly ArrayLike<number>[],
  options: ForecastManyOptions,
  onProgress?: (progress: ForecastProgress) => void,
): Promise<SeriesForecast[]> {
  const { workers: requestedWorkers, batchSize = 100, inProcessBelow = 64, workerUrl, ...seriesOptions } = options;
  const inputs = series.map((values, i) => toChecked(values, i));
  const batches: Float64Array[][] = [];
  for (let i = 0; i < inputs.length; i += batchSize) batches.push(inputs.slice(i, i + batchSize));
  const results: SeriesForecast[][] = new Array(batches.length);
  let done = 0;
  const finish = (batch: number, forecasts: SeriesForecast[], onWorker: boolean) => {
    results[batch] = forecasts;
    done += forecasts.length;
    onProgress?.({ done, total: inputs.length, onWorker });
  };
  const workerCount = Math.min(requestedWorkers ?? defaultWorkerCount(), batches.length);
  const entry = workerCount > 0 && inputs.length >= inProcessBelow ? workerEntry(workerUrl) : undefined;
  const pending = entry
    ? await runOnWorkers(batches, seriesOptions, workerCount, entry, finish)
    : batches.map((_, i) => i);
  for (const batch of pending) {
    finish(
      batch,
      (batches[batch] as Float64Array[]).map((values) => forecastSeries(values, seriesOptions)),
      false,
    );
  }
  return results.flat();
}

export function defaultWorkerCount(): number {
  const cores = os.availableParallelism();
  return cores > 4 ? cores - 1 : cores;
}

function toChecked(values: ArrayLike<number>, index: number): Float64Array {
  const copy = Float64Array.from(values);
  for (let t = 0; t < copy.length; t++) {
    if (!Number.isFinite(copy[t] as number)) throw new InvalidSeriesError(`series ${index}, value ${t} is ${copy[t]}`);
  }
  return copy;
}

interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

function workerEntry(override: URL | undefined): WorkerEntry | undefined {
  if (override) return { url: override, execArgv: override.pathname.endsWith('.ts') ? (tsxArguments() ?? []) : [] };
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./forecast.worker.js', import.meta.url), execArgv: [] };
  const execArgv = tsxArguments();
  return execArgv ? { url: new URL('./forecast.worker.ts', import.meta.url), execArgv } : undefined;
}

/** tsx's loader by absolute URL, so the worker finds it whatever the working directory. */
function tsxArguments(): string[] | undefined {
  try {
    return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
  } catch {
    return undefined;
  }
}

/**
 * Runs batches on workers; resolves with the batches left undone if the
 * workers could not run (they start lazily and may fail to load), so the
 * caller finishes those in-process. A forecasting error inside a worker is a
 * real error and rejects.
 */
async function runOnWorkers(
  batches: Float64Array[][],
  options: ForecastSeriesOptions,
  count: number,
  entry: WorkerEntry,
  finish: (batch: number, forecasts: SeriesForecast[], onWorker: boolean) => void,
): Promise<number[]> {
  let next = 0;
  const unfinished = new Set<number>();
  let failure: Error | undefined;
  const runWorker = () =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(entry.url, { execArgv: entry.execArgv });
      } catch {
        resolve();
        return;
      }
      const send = () => {
        if (failure || next >= batches.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const batch = next++;
        unfinished.add(batch);
        const request: WorkerRequest = { batch, series: batches[batch] as Float64Array[], options };
        worker.postMessage(request);
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) failure ??= new ForecastWorkerError(reply.error);
        else {
          unfinished.delete(reply.batch);
          finish(reply.batch, reply.results, true);
        }
        send();
      });
      // A worker that dies (cannot load, runs out of memory) just stops taking batches.
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
      send();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  if (failure) throw failure;
  for (let batch = next; batch < batches.length; batch++) unfinished.add(batch);
  return [...unfinished].sort((a, b) => a - b);
}
