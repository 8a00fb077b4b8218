import { parseArgs } from 'node:util';
import type { ForecastProgress } from './forecast.pool';
import { evaluateM4, holdOut } from './m4.evaluation';
import { readM4File } from './m4-data.reader';

/**
 * `npm run forecast:eval -- --train <csv> (--test <csv> | --holdout) --horizon <h> --period <m>
 *   [--seasonal-periods 24,168] [--workers n] [--limit n]`
 * Scores the forecasting engine on series in M4's CSV layout and prints
 * { series, horizon, period, sMAPE, MASE, OWA, naive2: { sMAPE, MASE }, seconds } as JSON.
 */
const USAGE =
  'Usage: forecast:eval --train <csv> (--test <csv> | --holdout) --horizon <h> --period <m> [--seasonal-periods 24,168] [--workers n] [--limit n]';

class UsageError extends Error {}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  let train = readM4File(args.train);
  if (args.limit !== undefined) train = train.slice(0, args.limit);
  const split = args.test === undefined ? holdOut(train, args.horizon) : { train, test: readM4File(args.test) };
  const scores = await evaluateM4({
    ...split,
    horizon: args.horizon,
    period: args.period,
    seasonalPeriods: args.seasonalPeriods,
    workers: args.workers,
    onProgress: progressPrinter(),
  });
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  const output = {
    series: scores.series,
    horizon: scores.horizon,
    period: scores.period,
    sMAPE: round(scores.sMAPE),
    MASE: round(scores.MASE),
    OWA: round(scores.OWA),
    naive2: { sMAPE: round(scores.naive2.sMAPE), MASE: round(scores.naive2.MASE) },
    seconds: Math.round(scores.seconds * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

interface Arguments {
  train: string;
  test?: string;
  horizon: number;
  period: number;
  seasonalPeriods?: number[];
  workers?: number;
  limit?: number;
}

function parseArguments(argv: string[]): Arguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        train: { type: 'string' },
        test: { type: 'string' },
        holdout: { type: 'boolean' },
        horizon: { type: 'string' },
        period: { type: 'string' },
        'seasonal-periods': { type: 'string' },
        workers: { type: 'string' },
        limit: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  const text = (name: string) => values[name] as string | undefined;
  const train = text('train');
  if (!train) throw new UsageError(`--train is required. ${USAGE}`);
  if (text('test') !== undefined && values.holdout) throw new UsageError('Give either --test or --holdout, not both');
  if (text('test') === undefined && !values.holdout) throw new UsageError(`--test or --holdout is required. ${USAGE}`);
  const seasonal = text('seasonal-periods');
  return {
    train,
    test: text('test'),
    horizon: positiveInteger('--horizon', text('horizon')),
    period: positiveInteger('--period', text('period')),
    seasonalPeriods:
      seasonal === undefined
        ? undefined
        : seasonal.split(',').map((part) => positiveInteger('--seasonal-periods', part)),
    workers: text('workers') === undefined ? undefined : positiveInteger('--workers', text('workers'), 0),
    limit: text('limit') === undefined ? undefined : positiveInteger('--limit', text('limit')),
  };
}

function positiveInteger(name: string, value: string | undefined, minimum = 1): number {
  if (value === undefined) throw new UsageError(`${name} is required. ${USAGE}`);
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum)
    throw new UsageError(`${name} must be an integer ≥ ${minimum}, got "${value}"`);
  return number;
}

/** One line rewritten in place on a terminal; a line per tenth otherwise (CI logs). */
function progressPrinter(): (progress: ForecastProgress) => void {
  let lastTenth = -1;
  return ({ done, total }) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\rforecasting ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((10 * done) / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      process.stderr.write(`forecasting ${done}/${total}\n`);
    }
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
