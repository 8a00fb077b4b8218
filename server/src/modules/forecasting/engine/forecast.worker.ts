import { parentPort } from 'node:worker_threads';
import { forecastSeries } from './auto.forecaster';
import type { WorkerReply, WorkerRequest } from './forecast.pool';

/**
 * Worker-thread entry of the forecast pool: forecasts each batch it is sent
 * and posts the results back. Stateless, so any worker can take any batch.
 */
parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { batch: request.batch, results: request.series.map((values) => forecastSeries(values, request.options)) };
  } catch (error) {
    reply = { batch: request.batch, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
