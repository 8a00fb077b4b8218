import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { PrismaClient } from '@prisma/client';
import { getImport, type ImportRunView, startImport } from '../server/src/modules/imports';
import { connect } from '../server/src/platform/database';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-postgres';
import { type Jobs, startJobs } from '../server/src/platform/jobs/jobs';
import { createLogger } from '../server/src/platform/logger';
import { applyMigrations } from '../server/src/platform/migrations/migrate';
import { findPrismaDir, readMigrations } from '../server/src/platform/migrations/migration-files';
import { registerImportJobs } from '../server/src/transport/jobs/import.jobs';
import { writeResult } from './lib/report';

/**
 * A 50,000-product Shopify product export (1–4 variants a product, some
 * image-only rows, ~150,000 rows) imported through the real path: the file is
 * stored on an ImportRun by `startImport`, the `import.run` job is picked up
 * by a pg-boss worker in this process and writes it in batches. Memory is
 * sampled every 250 ms while it runs. Then the same file is imported again
 * (every product matched and updated, variant ids kept).
 */
const productCount = 50_000;
const targetSeconds = 60;

function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

const nouns = ['Rain Jacket', 'Hoodie', 'Tee', 'Beanie', 'Backpack', 'Mug', 'Sneakers', 'Scarf', 'Tent', 'Candle'];
const qualities = ['Organic', 'Waterproof', 'Merino', 'Recycled', 'Classic', 'Heritage', 'Ultralight', 'Quilted'];
const vendors = ['Northbound', 'Trailwise', 'Fjord Mills', 'Ember Goods'];
const colours = ['Black', 'Navy', 'Olive', 'Sand', 'Rust'];
const sizes = ['S', 'M', 'L', 'XL'];
const header =
  'Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,' +
  'Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Status';

/** Shopify's export shape: product fields on a handle's first row, one row per further variant, image rows last. */
export function generateShopifyExport(count: number, seed: number): { csv: string; rows: number } {
  const random = createRandom(seed);
  const lines = [header];
  for (let n = 1; n <= count; n++) {
    const noun = random.pick(nouns);
    const title = `${random.pick(qualities)} ${noun} ${n}`;
    const handle = `product-${n}`;
    const colour = random.pick(colours);
    const variantCount = 1 + Math.floor(random.next() * 4);
    const price = 900 + Math.floor(random.next() * 30_000);
    for (let v = 0; v < variantCount; v++) {
      const size = sizes[v] as string;
      const product =
        v === 0
          ? [
              handle,
              title,
              `"<p>A ${noun.toLowerCase()} made to last, in ${colour.toLowerCase()}.</p><p>Machine washable.</p>"`,
              random.pick(vendors),
              noun,
              '"gift, outdoor"',
              'TRUE',
              'Size',
              size,
              'Colour',
              colour,
            ]
          : [handle, '', '', '', '', '', '', '', size, '', colour];
      const stock = Math.floor(random.next() * 40);
      const variant = [
        `${handle}-${size}`,
        'shopify',
        stock,
        ((price + v * 200) / 100).toFixed(2),
        '',
        v === 0 ? `https://cdn.example/${handle}.jpg` : '',
        v === 0 ? 'active' : '',
      ];
      lines.push([...product, ...variant].join(','));
    }
    if (random.next() < 0.3) lines.push(`${handle},,,,,,,,,,,,,,,,https://cdn.example/${handle}-2.jpg,`);
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

interface MemorySample {
  rss: number;
  heapUsed: number;
}

// A full collection before the first and after the last sample, so start and end compare live memory, not garbage.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function sampleMemory(): MemorySample {
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed };
}

async function timeImport(prisma: PrismaClient, jobs: Jobs, workspaceId: string, source: Uint8Array<ArrayBuffer>) {
  collectGarbage();
  const samples: MemorySample[] = [sampleMemory()];
  const sampler = setInterval(() => samples.push(sampleMemory()), 250);
  const started = performance.now();
  try {
    const { id } = await startImport(
      { prisma, jobs },
      { workspaceId, userId: randomUUID() },
      {
        kind: 'products',
        fileName: 'products_export.csv',
        source,
      },
    );
    let run: ImportRunView = await getImport(prisma, workspaceId, id);
    while (run.status === 'queued' || run.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = await getImport(prisma, workspaceId, id);
    }
    const seconds = (performance.now() - started) / 1000;
    collectGarbage();
    return { run, seconds, samples: [...samples, sampleMemory()] };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  const postgres = await startEmbeddedPostgres({ persistent: false });
  const database = await connect(postgres.url, postgres);
  const log = createLogger({ level: 'warn' });
  let jobs: Jobs | undefined;
  try {
    await applyMigrations(database.pool, readMigrations(path.join(findPrismaDir(), 'migrations')));
    jobs = await startJobs({ databaseUrl: postgres.url, log });
    await registerImportJobs({ jobs, prisma: database.prisma, log });
    const workspace = await database.prisma.workspace.create({ data: { name: 'Bench', slug: 'bench' } });
    const { csv, rows } = generateShopifyExport(productCount, 7);
    const source = new Uint8Array(Buffer.from(csv));
    console.log(
      `  ${productCount.toLocaleString('en')} products, ${rows.toLocaleString('en')} rows, ${(source.byteLength / 2 ** 20).toFixed(1)} MB`,
    );

    const first = await timeImport(database.prisma, jobs, workspace.id, source);
    const products = await database.prisma.product.count({ where: { workspaceId: workspace.id } });
    if (first.run.status !== 'succeeded' || products !== productCount || first.run.failedRows !== 0) {
      throw new Error(
        `import did not complete: ${JSON.stringify({ ...first.run, rowErrors: first.run.rowErrors.slice(0, 3) })}, ${products} products`,
      );
    }
    const again = await timeImport(database.prisma, jobs, workspace.id, source);
    if (
      again.run.status !== 'succeeded' ||
      (await database.prisma.product.count({ where: { workspaceId: workspace.id } })) !== productCount
    ) {
      throw new Error('re-import did not complete or duplicated products');
    }

    const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(0));
    const peak = (key: keyof MemorySample) => Math.max(...first.samples.map((sample) => sample[key]));
    const [start, end] = [first.samples[0] as MemorySample, first.samples.at(-1) as MemorySample];
    const round = (value: number, digits = 1) => Number(value.toFixed(digits));
    writeResult(
      'import-products',
      `A ${productCount.toLocaleString('en')}-product Shopify product CSV (${rows.toLocaleString('en')} rows, ${(source.byteLength / 2 ** 20).toFixed(1)} MB) imported through startImport and the import.run job (pg-boss worker, batches of 500 products) into an embedded PostgreSQL; then imported again (every product updated)`,
      [
        {
          name: 'import time',
          value: round(first.seconds),
          unit: 's',
          target: `≤ ${targetSeconds} s`,
          met: first.seconds <= targetSeconds,
        },
        { name: 'rows per second', value: Math.round(rows / first.seconds), unit: 'rows/s' },
        { name: 'products per second', value: Math.round(productCount / first.seconds), unit: 'products/s' },
        { name: 'RSS at start', value: mib(start.rss), unit: 'MiB' },
        { name: 'RSS peak', value: mib(peak('rss')), unit: 'MiB' },
        { name: 'RSS at end', value: mib(end.rss), unit: 'MiB' },
        { name: 'heap used at start (after GC)', value: mib(start.heapUsed), unit: 'MiB' },
        { name: 'heap used peak', value: mib(peak('heapUsed')), unit: 'MiB' },
        { name: 'heap used at end (after GC)', value: mib(end.heapUsed), unit: 'MiB' },
        { name: 're-import time (all updates)', value: round(again.seconds), unit: 's' },
      ],
    );
  } finally {
    await jobs?.stop(5_000);
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
