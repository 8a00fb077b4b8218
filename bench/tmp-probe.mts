import path from 'node:path';
import pg from 'pg';
import { generateDemoStore } from '../prisma/seed/demo-store.data';
import { seedDemoStore } from '../prisma/seed/demo-store.seed';
import { connect } from '../server/src/platform/database';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-postgres';
import { createLogger } from '../server/src/platform/logger';
import { findPrismaDir, readMigrations } from '../server/src/platform/migrations/migration-files';
import { applyMigrations } from '../server/src/platform/migrations/migrate';
import { createProgress } from '../server/src/platform/progress';
import { findHistoryBounds, loadCatalog, loadPlaceUnits, loadUnits } from '../server/src/modules/forecasting/sales-history.repo';
import { parseIsoDate } from '../server/src/modules/forecasting/week-calendar';

const database = await startEmbeddedPostgres({ persistent: false });
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
await applyMigrations(pool, readMigrations(path.join(findPrismaDir(), 'migrations')));
const { prisma, close } = await connect(database.url);
await seedDemoStore(prisma, { store: generateDemoStore(), log: createLogger({ level: 'silent' }), progress: createProgress(process.stdout, false) });
const ws = (await prisma.workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
const time = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); const r = await f(); console.log(name, Math.round(performance.now() - t), 'ms', Array.isArray(r) ? r.length : ''); };
const tz = 'America/Los_Angeles';
for (let i = 0; i < 1; i++) {
await time('bounds', () => findHistoryBounds(prisma, ws));
await time('catalog', () => loadCatalog(prisma, ws));
await time('units', () => loadUnits(prisma, ws, { grain: 'week', by: 'product', timeZone: tz, from: parseIsoDate('2025-05-05'), to: parseIsoDate('2026-10-26') }));
await time('places', () => loadPlaceUnits(prisma, ws, { timeZone: tz, priorStart: parseIsoDate('2026-04-27'), recentStart: parseIsoDate('2026-07-27'), yearStart: parseIsoDate('2025-10-27'), end: parseIsoDate('2026-10-26') }));
}
import { runForecast } from '../server/src/modules/forecasting';
const orig = prisma.$transaction.bind(prisma);
await prisma.$executeRawUnsafe('ANALYZE');
const t0 = performance.now();
const r = await runForecast({ prisma, workers: 2 }, ws, {});
console.log('run', Math.round(performance.now() - t0), await prisma.cityDemand.count(), await prisma.productForecast.count());
const t1 = performance.now();
await prisma.cityDemand.deleteMany({ where: { workspaceId: ws } });
console.log('delete city', Math.round(performance.now() - t1));
await pool.end(); await close(); await database.stop();
