import path from 'node:path';
import pg from 'pg';
import { generateDemoStore } from '../prisma/seed/demo-store.data';
import { seedDemoStore } from '../prisma/seed/demo-store.seed';
import { runForecast } from '../server/src/modules/forecasting';
import { connect } from '../server/src/platform/database';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-postgres';
import { createLogger } from '../server/src/platform/logger';
import { applyMigrations } from '../server/src/platform/migrations/migrate';
import { findPrismaDir, readMigrations } from '../server/src/platform/migrations/migration-files';
import { createProgress } from '../server/src/platform/progress';
import { writeResult } from './lib/report';

/**
 * The forecast service on the full demo store (200 products, 18 months of
 * orders, seeded into a throwaway PostgreSQL): one complete run — SQL
 * aggregation, rolling-origin backtest of the whole procedure, reconciled
 * product/category/store forecasts, city shares, stock-outs, stored results.
 * Reported: the share of products whose backtested MASE beats seasonal naive
 * (target: a majority), whether the store total beats it, and the run time.
 */
const database = await startEmbeddedPostgres({ persistent: false });
try {
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await applyMigrations(pool, readMigrations(path.join(findPrismaDir(), 'migrations')));
  await pool.end();
  const { prisma, close } = await connect(database.url);
  try {
    const store = generateDemoStore();
    const seedStarted = performance.now();
    await seedDemoStore(prisma, {
      store,
      log: createLogger({ level: 'silent' }),
      progress: createProgress(process.stdout, false),
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const workspace = await prisma.workspace.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
    console.log(
      `  seeded ${store.products.length} products, ${store.orders.length} orders in ${seedSeconds.toFixed(1)} s`,
    );

    // Time spent in each stage of the run, from its progress reports.
    const stages: Record<string, number> = {};
    let stage = 'start';
    let stageStarted = performance.now();
    const started = performance.now();
    const { summary } = await runForecast({ prisma }, workspace.id, {
      trigger: 'manual',
      onProgress: (update) => {
        if (update.stage === stage) return;
        stages[stage] = Math.round(performance.now() - stageStarted);
        stage = update.stage;
        stageStarted = performance.now();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const accuracy = summary.accuracy;
    const round = (value: number | null | undefined, digits = 3) =>
      value === null || value === undefined ? Number.NaN : Math.round(value * 10 ** digits) / 10 ** digits;
    const share = accuracy.beatsBaseline.share ?? 0;
    const storeBeats = accuracy.store?.beatsBaseline ?? false;
    console.log(`  stages (ms): ${JSON.stringify(stages)}`);
    console.log(`  backtest: ${JSON.stringify(accuracy)}`);
    writeResult(
      'forecast-demo',
      `Forecast run on the demo store (${summary.productCount} active products, ${accuracy.origins} backtest origins × ${accuracy.horizonWeeks} weeks vs ${accuracy.baseline})`,
      [
        {
          name: 'products beating seasonal naive (MASE)',
          value: round(share * 100, 1),
          unit: '%',
          target: '> 50 %',
          met: share > 0.5,
        },
        {
          name: 'store total beats seasonal naive',
          value: storeBeats ? 1 : 0,
          unit: '(1 = yes)',
          target: '1',
          met: storeBeats,
        },
        { name: 'store total MASE', value: round(accuracy.store?.mase), unit: '' },
        { name: 'store total seasonal-naive MASE', value: round(accuracy.store?.baselineMase), unit: '' },
        { name: 'product MASE (mean)', value: round(accuracy.mase), unit: '' },
        { name: 'product seasonal-naive MASE (mean)', value: round(accuracy.baselineMase), unit: '' },
        { name: 'product bias (Σ forecast ÷ Σ sold − 1)', value: round(accuracy.bias), unit: '' },
        { name: 'product 80 % interval coverage', value: round(accuracy.coverage80), unit: '' },
        { name: 'product 95 % interval coverage', value: round(accuracy.coverage95), unit: '' },
        { name: 'run time', value: round(seconds, 1), unit: 's' },
      ],
    );
  } finally {
    await close();
  }
} finally {
  await database.stop();
}
