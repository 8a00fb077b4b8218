import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@prisma/client';
import type pg from 'pg';
import { type ProductSearch, parseShoppingQuery, searchProducts } from '../server/src/modules/catalog';
import { connect } from '../server/src/platform/database';
import { startEmbeddedPostgres } from '../server/src/platform/embedded-postgres';
import { applyMigrations } from '../server/src/platform/migrations/migrate';
import { findPrismaDir, readMigrations } from '../server/src/platform/migrations/migration-files';
import { median, writeResult } from './lib/report';

/**
 * `searchProducts` end to end (SQL, variant load, Prisma) on a 100,000-product
 * store sharing the database with a second, smaller one, for ~300 shopper
 * queries: typos, price and stock filters, long natural phrasings. Data and
 * queries come from a seeded generator, so every run measures the same thing.
 */
const productCount = 100_000;
const otherStoreProducts = 5_000;
const queryCount = 300;

/** Word lists as compact text: comma-separated words; product types as `noun/category/min-max dollars`. */
function words(text: string, separator = ','): string[] {
  return text
    .split(separator)
    .map((word) => word.trim())
    .filter(Boolean);
}

const productTypes = words(
  `
  Rain Jacket/Jackets/89-249; Down Jacket/Jackets/149-399; Softshell Jacket/Jackets/99-229;
  Parka/Jackets/179-449; Fleece Jacket/Jackets/59-139; Windbreaker/Jackets/49-129; Vest/Jackets/49-159;
  Hoodie/Sweatshirts/39-89; Crewneck Sweatshirt/Sweatshirts/35-79; T-Shirt/Tees/18-45;
  Long Sleeve Tee/Tees/24-55; Polo Shirt/Shirts/35-79; Flannel Shirt/Shirts/45-99;
  Oxford Shirt/Shirts/49-110; Sweater/Knitwear/59-179; Cardigan/Knitwear/69-189; Beanie/Accessories/19-45;
  Scarf/Accessories/25-89; Gloves/Accessories/22-79; Baseball Cap/Accessories/22-45; Belt/Accessories/29-89;
  Wallet/Accessories/29-119; Sunglasses/Accessories/39-189; Jeans/Pants/59-149; Chinos/Pants/49-109;
  Hiking Pants/Pants/59-139; Joggers/Pants/39-89; Shorts/Pants/29-69; Leggings/Activewear/39-99;
  Sports Bra/Activewear/29-69; Running Shorts/Activewear/25-59; Hiking Boots/Footwear/119-279;
  Running Shoes/Footwear/89-189; Sneakers/Footwear/69-159; Sandals/Footwear/29-99;
  Chelsea Boots/Footwear/129-299; Slippers/Footwear/25-79; Wool Socks/Socks/14-29; Ankle Socks/Socks/9-22;
  Backpack/Bags/49-229; Duffel Bag/Bags/59-199; Tote Bag/Bags/25-89; Messenger Bag/Bags/59-169;
  Tent/Camping/149-699; Sleeping Bag/Camping/89-399; Sleeping Pad/Camping/49-189; Camp Stove/Camping/39-149;
  Headlamp/Camping/19-79; Water Bottle/Kitchen/15-45; Travel Mug/Kitchen/19-39; French Press/Kitchen/25-79;
  Chef Knife/Kitchen/49-229; Cast Iron Skillet/Kitchen/29-119; Cutting Board/Kitchen/25-99;
  Coffee Grinder/Kitchen/39-249; Teapot/Kitchen/29-89; Throw Blanket/Home/39-149; Pillow Cover/Home/19-59;
  Candle/Home/15-49; Table Lamp/Home/49-199; Duvet Cover/Home/79-249; Bath Towel/Home/19-59;
  Yoga Mat/Fitness/29-119; Dumbbell Set/Fitness/49-299; Jump Rope/Fitness/12-39;
  Phone Case/Tech Accessories/19-59; Laptop Sleeve/Tech Accessories/29-79;
  Wireless Earbuds/Tech Accessories/49-199; Charging Cable/Tech Accessories/12-35;
  Power Bank/Tech Accessories/29-99; Face Cream/Beauty/19-89; Lip Balm/Beauty/5-15; Shampoo/Beauty/12-39;
  Dog Collar/Pets/15-45; Dog Bed/Pets/49-179; Cat Toy/Pets/6-25; Puzzle/Toys/15-45; Plush Bear/Toys/19-49;
  Building Blocks/Toys/25-129`,
  ';',
).map((entry) => {
  const [noun = '', category = '', band = ''] = entry.split('/');
  const [low = 1, high = 1] = band.split('-').map(Number);
  return [noun, category, [low, high]] as const;
});
const qualities = words(`
  Waterproof, Insulated, Lightweight, Packable, Organic Cotton, Merino Wool, Recycled, Stretch, Classic,
  Everyday, Heavyweight, Breathable, Thermal, Vintage, Ultralight, Heritage, Slim Fit, Relaxed Fit, Leather,
  Linen, Cashmere, Bamboo, Ceramic, Stainless Steel, Handmade, Quilted`);
const lines = words(`
  Alpine, Summit, Harbor, Ridge, Cascade, Meadow, Coastal, Urban, Trail, Nordic, Canyon, Glacier, Prairie,
  Redwood, Granite, Aurora, Tundra, Sierra, Pacific, Boreal, Cedar, Maple`);
// Half the titles name no audience.
const audiences = ["Men's", "Women's", "Kids'", '', '', ''];
const vendors = words(`
  Northbound Supply, Trailwise, Harbor Basics, Fjord Mills, Pike & Pine, Ember Goods, Kestrel`);
const colours = words(`
  Black, Navy, Olive, Rust, Sand, Charcoal, Forest Green, Burgundy, Sky Blue, Cream`);
const sizes = ['S', 'M', 'L', 'XL'];
const descriptionPhrases = words(
  `
  Built for long days on the trail and rainy commutes. |
  Keeps you warm without the bulk. |
  Made to last, with reinforced seams and a lifetime repair promise. |
  Soft to the touch and easy to care for. |
  A versatile piece for travel, hiking and everyday wear. |
  Machine washable and quick drying. |
  Designed in Portland and tested in the Cascades. |
  A thoughtful gift for the outdoor lover in your life. |
  Water-resistant finish sheds light rain. |
  Perfect for camping trips, festivals and lazy Sundays. |
  Breathable fabric keeps you cool on warm summer days. |
  Ethically made in a fair-trade certified factory.`,
  '|',
);

/** Small deterministic PRNG (mulberry32): the same store and queries every run. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const between = (low: number, high: number) => Math.floor(low + next() * (high - low + 1));
  return { next, pick, between };
}
type Random = ReturnType<typeof createRandom>;

export async function insertCatalog(pool: pg.Pool, workspaceId: string, count: number, seed: number): Promise<void> {
  const random = createRandom(seed);
  const batch = 2_000;
  for (let start = 0; start < count; start += batch) {
    const products: unknown[][] = [[], [], [], [], [], [], [], [], []];
    const variants: unknown[][] = [[], [], [], [], [], [], []];
    for (let index = start; index < Math.min(count, start + batch); index++) {
      const [noun, category, [low, high]] = random.pick(productTypes);
      const quality = random.next() < 0.7 ? random.pick(qualities) : '';
      const title = [random.pick(lines), random.pick(audiences), quality, noun].filter(Boolean).join(' ');
      const id = randomUUID();
      const description = [0, 1, 2].map(() => random.pick(descriptionPhrases)).join(' ');
      const status = random.next() < 0.92 ? 'active' : random.next() < 0.6 ? 'archived' : 'draft';
      const base = random.between(low, high) * 100 - (random.next() < 0.5 ? 1 : 0);
      const row = [id, `p-${seed}-${index}`, `${slug(title)}-${index}`, title, description, category];
      row.push(random.pick(vendors), [quality.toLowerCase(), category.toLowerCase()].filter(Boolean).join('|'), status);
      for (const [column, value] of row.entries()) products[column]?.push(value);
      const variantCount = random.between(1, 5);
      for (let position = 0; position < variantCount; position++) {
        const options = { Size: random.pick(sizes), Colour: random.pick(colours) };
        const inventory = random.next() < 0.15 ? null : random.next() < 0.2 ? 0 : random.between(1, 40);
        const variant: unknown[] = [randomUUID(), id, `${options.Colour} / ${options.Size}`, JSON.stringify(options)];
        variant.push(base + position * 500, inventory, position);
        for (const [column, value] of variant.entries()) variants[column]?.push(value);
      }
    }
    await insertBatch(pool, workspaceId, products, variants);
  }
}

async function insertBatch(pool: pg.Pool, workspaceId: string, products: unknown[][], variants: unknown[][]) {
  // unnest() turns column arrays into rows: one statement per 2,000 products.
  await pool.query(
    `INSERT INTO "Product" (id, "workspaceId", "externalId", handle, title, description, category, vendor, tags, status, "updatedAt", url)
     SELECT id, $1::uuid, ext, handle, title, description, category, vendor, string_to_array(tags, '|'), status::"ProductStatus", now(), '/products/' || handle
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       AS t(id, ext, handle, title, description, category, vendor, tags, status)`,
    [workspaceId, ...products],
  );
  await pool.query(
    `INSERT INTO "Variant" (id, "workspaceId", "productId", title, options, "priceCents", inventory, position, "updatedAt")
     SELECT id, $1::uuid, product, title, options, price, inventory, position, now()
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::int[], $7::int[], $8::int[])
       AS t(id, product, title, options, price, inventory, position)`,
    [workspaceId, ...variants],
  );
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface BenchQuery {
  search: ProductSearch;
  /** What a right first result is: a title naming the product type, or the category browsed. */
  expected: { noun: string } | { category: string };
}

/** Shopper phrasings: plain, with typos, with prices and stock wishes, long-winded. */
export function generateQueries(count: number, seed: number): BenchQuery[] {
  const random = createRandom(seed);
  const templates: Array<(noun: string, quality: string) => string> = [
    (noun) => noun,
    (noun, quality) => `${quality} ${noun}`,
    (noun) => typo(random, noun),
    (noun, quality) => `${typo(random, quality)} ${noun}`,
    (noun) => `${noun} under $${random.between(3, 20) * 10}`,
    (noun, quality) => `I'm looking for a ${quality} ${noun} below ${random.between(5, 30) * 10} dollars`,
    (noun) => `${noun} between ${random.between(2, 6) * 10} and ${random.between(8, 20) * 10}`,
    (noun, quality) => `do you have a ${quality.toLowerCase()} ${noun.toLowerCase()} in stock`,
    (noun, quality) => `warm ${quality} ${noun} for hiking with my dog`,
    (noun) => `${random.pick(colours)} ${noun}`,
    (noun) => `gift for dad ${noun.toLowerCase()} max ${random.between(4, 15) * 10}€`,
  ];
  return Array.from({ length: count }, () => {
    const [noun, category] = random.pick(productTypes);
    // One query in twelve browses a category by name ("kitchen").
    if (random.next() < 1 / 12) return { search: { query: category.toLowerCase() }, expected: { category } };
    const search = parseShoppingQuery(random.pick(templates)(noun, random.pick(qualities)));
    return { search: random.next() < 0.1 ? { ...search, category } : search, expected: { noun } };
  });
}

function typo(random: Random, word: string): string {
  const at = random.between(1, Math.max(1, word.length - 3));
  const kind = random.next();
  if (kind < 0.4) return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  if (kind < 0.8) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

interface Measurement {
  p50: number;
  p95: number;
  empty: number;
  relevant: number;
}

/** Each query `rounds` times; its latency is the median of its runs, so one scheduler hiccup does not decide a percentile. */
async function measure(
  prisma: PrismaClient,
  workspaceId: string,
  queries: BenchQuery[],
  rounds: number,
): Promise<Measurement> {
  for (const { search } of queries.slice(0, 50)) await searchProducts(prisma, workspaceId, search);
  const runs: number[][] = queries.map(() => []);
  let empty = 0;
  let relevant = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [index, { search, expected }] of queries.entries()) {
      const started = performance.now();
      const hits = await searchProducts(prisma, workspaceId, search);
      runs[index]?.push(performance.now() - started);
      if (round > 0) continue;
      const top = hits[0];
      if (!top) empty++;
      else if (
        'noun' in expected
          ? top.title.toLowerCase().includes(expected.noun.toLowerCase())
          : top.category === expected.category
      )
        relevant++;
    }
  }
  const latencies = runs.map((values) => median(values));
  return { p50: median(latencies), p95: percentile(latencies, 0.95), empty, relevant };
}

async function main() {
  const postgres = await startEmbeddedPostgres({ persistent: false });
  const database = await connect(postgres.url, postgres);
  try {
    await applyMigrations(database.pool, readMigrations(path.join(findPrismaDir(), 'migrations')));
    const [store, other] = await Promise.all(
      ['bench-store', 'other-store'].map((slug) => database.prisma.workspace.create({ data: { name: slug, slug } })),
    );
    const workspaceId = (store as { id: string }).id;
    const started = performance.now();
    await insertCatalog(database.pool, workspaceId, productCount, 1);
    await insertCatalog(database.pool, (other as { id: string }).id, otherStoreProducts, 2);
    // What autovacuum would have done by the time shoppers arrive: statistics, and
    // GIN pending lists merged (a fresh bulk load leaves megabytes of them).
    await database.pool.query('VACUUM ANALYZE');
    const loadSeconds = (performance.now() - started) / 1000;
    console.log(
      `  loaded ${(productCount + otherStoreProducts).toLocaleString('en')} products in ${loadSeconds.toFixed(1)} s`,
    );

    const queries = generateQueries(queryCount, 3);
    // The migrations carry the indexes search relies on (title-only tsvector, covering variant price index).
    const after = await measure(database.prisma, workspaceId, queries, 3);

    const round = (value: number) => Number(value.toFixed(2));
    const share = (count: number) => round((100 * count) / queryCount);
    writeResult(
      'catalog-search',
      `searchProducts on ${productCount.toLocaleString('en')} products (plus a ${otherStoreProducts.toLocaleString('en')}-product second store), ${queryCount} shopper queries with typos, price/stock filters and long phrasings; per-query median of 3 runs`,
      [
        { name: 'p50 latency', value: round(after.p50), unit: 'ms' },
        { name: 'p95 latency', value: round(after.p95), unit: 'ms', target: '≤ 15 ms', met: after.p95 <= 15 },
        { name: 'first result is the product type asked for', value: share(after.relevant), unit: '% of queries' },
        { name: 'queries with no result', value: share(after.empty), unit: '% of queries' },
      ],
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
