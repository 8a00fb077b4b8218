import path from 'node:path';
import { evaluateM4, holdOut, type M4Scores } from '../server/src/modules/forecasting/engine/m4.evaluation';
import { readM4File } from '../server/src/modules/forecasting/engine/m4-data.reader';
import { writeResult } from './lib/report';

/**
 * Accuracy of the forecasting engine on the M4 competition's Weekly and
 * Hourly series, scored as M4 did (sMAPE, MASE, OWA against Naive2). The
 * competition's test files are not public here, so the last horizon of each
 * training series is held out. M4's own benchmarks on the real test set, for
 * scale: Weekly OWA Theta 0.971, Damped 0.917, Comb 0.926; Hourly MASE
 * seasonal naive 1.193.
 */
const dataDir = '/work/shared/data/m4';

async function score(file: string, horizon: number, period: number): Promise<M4Scores> {
  const split = holdOut(readM4File(path.join(dataDir, file)), horizon);
  const scores = await evaluateM4({ ...split, horizon, period });
  console.log(`  ${file}: ${JSON.stringify({ ...scores, models: undefined })}`);
  return scores;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const weekly = await score('Weekly-train.csv', 13, 1);
const hourly = await score('Hourly-train.csv', 48, 24);

writeResult(
  'forecast-m4',
  'Forecast engine on M4 Weekly (h = 13) and Hourly (h = 48), last horizon of each training series held out',
  [
    { name: 'Weekly OWA', value: round(weekly.OWA), unit: '', target: '≤ 0.90', met: weekly.OWA <= 0.9 },
    { name: 'Weekly sMAPE', value: round(weekly.sMAPE), unit: '%' },
    { name: 'Weekly MASE', value: round(weekly.MASE), unit: '' },
    { name: 'Hourly MASE', value: round(hourly.MASE), unit: '', target: '≤ 1.05', met: hourly.MASE <= 1.05 },
    { name: 'Hourly OWA', value: round(hourly.OWA), unit: '' },
    { name: 'Hourly sMAPE', value: round(hourly.sMAPE), unit: '%' },
    { name: 'Weekly 80 % interval coverage', value: round(weekly.coverage[0]?.share ?? Number.NaN), unit: '' },
    { name: 'Hourly 80 % interval coverage', value: round(hourly.coverage[0]?.share ?? Number.NaN), unit: '' },
    { name: 'time (both sets)', value: Math.round((weekly.seconds + hourly.seconds) * 10) / 10, unit: 's' },
  ],
);
