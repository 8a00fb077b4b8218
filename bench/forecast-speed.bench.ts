import { forecastMany } from '../server/src/modules/forecasting/engine/forecast.pool';
import { generateDailyDemand } from '../server/src/modules/forecasting/engine/synthetic-demand.generator';
import { writeResult } from './lib/report';

/**
 * Throughput of the full pipeline a store's nightly run uses: 10,000 daily
 * series of two years (weekly seasonality, trends, one in five a slow mover),
 * each classified, backtested at three origins, forecast 28 days ahead by the
 * best models with 80 % and 95 % intervals, on all cores.
 */
const count = 10_000;
const series = generateDailyDemand({ count, length: 730, seed: 2024 });
const started = performance.now();
let lastTenth = 0;
const forecasts = await forecastMany(series, { horizon: 28, periods: [7], levels: [80, 95] }, ({ done, total }) => {
  const tenth = Math.floor((10 * done) / total);
  if (tenth > lastTenth) {
    lastTenth = tenth;
    process.stderr.write(`  ${done}/${total}\n`);
  }
});
const seconds = (performance.now() - started) / 1000;
if (
  forecasts.length !== count ||
  forecasts.some((forecast) => forecast.mean.some((value) => !Number.isFinite(value)))
) {
  throw new Error('forecast-speed: missing or non-finite forecasts');
}

writeResult(
  'forecast-speed',
  '10,000 synthetic daily series × 730 days: selection by backtest, 28-day forecasts with intervals',
  [
    {
      name: 'time for 10,000 series',
      value: Math.round(seconds * 10) / 10,
      unit: 's',
      target: '≤ 60 s',
      met: seconds <= 60,
    },
    { name: 'throughput', value: Math.round(count / seconds), unit: 'series/s' },
  ],
);
