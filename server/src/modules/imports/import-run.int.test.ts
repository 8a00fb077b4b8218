import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { registerImportJobs } from '../../transport/jobs/import.jobs';
import { searchProducts } from '../catalog';
import {
  cancelImport,
  getImport,
  ImportRunFinishedError,
  ImportRunNotFoundError,
  type ImportRunView,
  startImport,
} from '.';
import { bytes, shopifyHeader, shopifyRow, toCsv } from './imports.fixtures';

/**
 * The import job end to end on a real database and a real pg-boss worker:
 * files go in through `startImport`, the worker writes them in batches of 5.
 */
const log = createLogger({ level: 'silent' });
let database: TestDatabase;
let jobs: Jobs;
let shopA: string;
let shopB: string;
const who = (workspaceId: string) => ({ workspaceId, userId: randomUUID() });

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ databaseUrl: database.url, log });
  await registerImportJobs({ jobs, prisma: database.prisma, log, batchSize: 5 });
  shopA = (await database.prisma.workspace.create({ data: { name: 'A', slug: 'shop-a', currency: 'EUR' } })).id;
  shopB = (await database.prisma.workspace.create({ data: { name: 'B', slug: 'shop-b' } })).id;
}, 60_000);
afterAll(async () => {
  await jobs.stop(2_000);
  await database.drop();
});

async function waitForEnd(workspaceId: string, runId: string, timeout = 30_000): Promise<ImportRunView> {
  let run = await getImport(database.prisma, workspaceId, runId);
  const deadline = Date.now() + timeout;
  while (run.status === 'queued' || run.status === 'running') {
    if (Date.now() > deadline) throw new Error(`import ${runId} still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = await getImport(database.prisma, workspaceId, runId);
  }
  return run;
}

async function importFile(
  workspaceId: string,
  kind: 'products' | 'orders' | 'contacts',
  fileName: string,
  text: string,
) {
  const run = await startImport({ prisma: database.prisma, jobs }, who(workspaceId), {
    kind,
    fileName,
    source: bytes(text),
  });
  return waitForEnd(workspaceId, run.id);
}

/** A Shopify export of `count` two-variant products, with two bad rows. */
function shopifyExport(count: number, prefix = 'tee') {
  const rows: string[][] = [shopifyHeader];
  for (let n = 1; n <= count; n++) {
    const handle = `${prefix}-${n}`;
    rows.push(
      shopifyRow({
        Handle: handle,
        Title: `Organic Tee ${n}`,
        'Body (HTML)': '<p>Soft <em>organic</em> cotton.</p>',
        Vendor: 'Fjord',
        Type: 'Tees',
        Tags: 'cotton, summer',
        'Option1 Name': 'Size',
        'Option1 Value': 'S',
        'Variant SKU': `${handle}-S`,
        'Variant Inventory Tracker': 'shopify',
        'Variant Inventory Qty': 5,
        'Variant Price': n === 3 ? 'ten euros' : `${20 + n}.00`,
        Status: 'active',
      }),
      shopifyRow({
        Handle: handle,
        'Option1 Value': 'M',
        'Variant SKU': `${handle}-M`,
        'Variant Inventory Tracker': 'shopify',
        'Variant Inventory Qty': 2,
        'Variant Price': `${21 + n}.00`,
      }),
    );
  }
  rows.push(shopifyRow({ Handle: `${prefix}-broken`, Title: '', 'Variant Price': '5' }));
  return toCsv(rows);
}

describe('product imports', () => {
  it('writes good rows, reports bad rows by row number, and counts both', async () => {
    const run = await importFile(shopA, 'products', 'products_export.csv', shopifyExport(12));
    expect(run).toMatchObject({
      status: 'succeeded',
      format: 'shopify_products_csv',
      totalRows: 25,
      processedRows: 25,
      importedRows: 23,
      failedRows: 2,
      error: null,
    });
    expect(run.rowErrors).toEqual([
      { row: 6, field: 'Variant Price', message: 'Variant Price: "ten euros" is not an amount of money' },
      { row: 26, field: 'Title', message: 'Title is empty.' },
    ]);
    expect((await database.prisma.importRun.findUniqueOrThrow({ where: { id: run.id } })).source).toBeNull();

    const tee = await database.prisma.product.findFirstOrThrow({
      where: { workspaceId: shopA, handle: 'tee-3' },
      include: { variants: { orderBy: { position: 'asc' } } },
    });
    expect(tee).toMatchObject({
      title: 'Organic Tee 3',
      description: 'Soft organic cotton.',
      category: 'Tees',
      tags: ['cotton', 'summer'],
      currency: 'EUR',
      minPriceCents: 2400,
      url: '/products/tee-3',
    });
    expect(
      tee.variants.map((variant) => [variant.sku, variant.priceCents, variant.inventory, variant.options]),
    ).toEqual([['tee-3-M', 2400, 2, { Size: 'M' }]]);
    expect(await database.prisma.product.count({ where: { workspaceId: shopA } })).toBe(12);
    expect(await database.prisma.variant.count({ where: { workspaceId: shopA } })).toBe(23);
    const hits = await searchProducts(database.prisma, shopA, { query: 'organic tee 7', limit: 3 });
    expect(hits[0]?.handle).toBe('tee-7');
  });

  it('imports the same file again without duplicating anything, keeping variant ids', async () => {
    const before = await database.prisma.variant.findMany({ where: { workspaceId: shopA }, orderBy: { id: 'asc' } });
    const run = await importFile(shopA, 'products', 'products_export.csv', shopifyExport(12));
    expect(run).toMatchObject({ status: 'succeeded', importedRows: 23, failedRows: 2 });
    const after = await database.prisma.variant.findMany({ where: { workspaceId: shopA }, orderBy: { id: 'asc' } });
    expect(after.map((variant) => variant.id)).toEqual(before.map((variant) => variant.id));
    expect(await database.prisma.product.count({ where: { workspaceId: shopA } })).toBe(12);
  });

  it('changes only what a simple CSV has columns for', async () => {
    const run = await importFile(
      shopA,
      'products',
      'prices.csv',
      'handle,title,price,sku\ntee-1,Organic Tee 1,19.50,tee-1-S\n',
    );
    expect(run).toMatchObject({ status: 'succeeded', format: 'generic_products_csv', importedRows: 1 });
    const tee = await database.prisma.product.findFirstOrThrow({
      where: { workspaceId: shopA, handle: 'tee-1' },
      include: { variants: true },
    });
    // The file names one variant, so it is the product's only variant now (the catalog's upsert rule).
    expect(tee).toMatchObject({ description: 'Soft organic cotton.', vendor: 'Fjord', minPriceCents: 1950 });
    expect(tee.variants.map((variant) => [variant.sku, variant.priceCents, variant.inventory])).toEqual([
      ['tee-1-S', 1950, 5],
    ]);
  });

  it('reads a Google Merchant feed, matching its items again by id on the next import', async () => {
    const item = (id: string, price: string) =>
      `<item><g:id>${id}</g:id><title>Trail Mug ${id}</title><g:price>${price} USD</g:price>` +
      `<g:availability>in stock</g:availability><link>https://shop.example/${id}</link></item>`;
    const feed = (price: string) =>
      `<rss xmlns:g="http://base.google.com/ns/1.0"><channel>${item('MUG-1', price)}${item('MUG-2', price)}</channel></rss>`;
    expect(await importFile(shopB, 'products', 'feed.xml', feed('12.00'))).toMatchObject({
      status: 'succeeded',
      format: 'google_merchant_xml',
      importedRows: 2,
    });
    await importFile(shopB, 'products', 'feed.xml', feed('14.00'));
    const mugs = await database.prisma.product.findMany({
      where: { workspaceId: shopB, externalId: { in: ['MUG-1', 'MUG-2'] } },
      orderBy: { handle: 'asc' },
    });
    expect(mugs.map((mug) => [mug.handle, mug.minPriceCents, mug.currency])).toEqual([
      ['trail-mug-mug-1', 1400, 'USD'],
      ['trail-mug-mug-2', 1400, 'USD'],
    ]);
  });

  it('writes a batch one product at a time when one of them collides, and reports that one', async () => {
    const feed = JSON.stringify({
      products: [
        { handle: 'lamp', title: 'Lamp', variants: [{ externalId: 'V-1', priceCents: 5000 }] },
        { handle: 'shade', title: 'Shade', variants: [{ externalId: 'V-1', priceCents: 1500 }] },
        { handle: 'bulb', title: 'Bulb', variants: [{ externalId: 'V-2', priceCents: 500 }] },
      ],
    });
    const run = await importFile(shopB, 'products', 'feed.json', feed);
    expect(run).toMatchObject({ status: 'succeeded', importedRows: 2, failedRows: 1 });
    expect(run.rowErrors).toEqual([
      { row: 2, field: 'variants', message: 'A variant externalId belongs to another product.' },
    ]);
    const handles = await database.prisma.product.findMany({
      where: { workspaceId: shopB, handle: { in: ['lamp', 'shade', 'bulb'] } },
      select: { handle: true },
    });
    expect(handles.map((product) => product.handle).sort()).toEqual(['bulb', 'lamp']);
  });

  it('fails a run whose file turns out unreadable, keeping the reason', async () => {
    const run = await importFile(shopB, 'products', 'cut.json', '[{"title": "Mug", "price": 3}, {"title": "Cu');
    expect(run).toMatchObject({ status: 'failed', error: 'The file ends inside product 2; it looks cut off.' });
  });

  it('resumes after the database failed mid-import: rows already written are not written again', async () => {
    // Stands in for the database going away: any write of this SKU fails until the trigger is dropped.
    await database.prisma.$executeRawUnsafe(`
      CREATE FUNCTION fail_import() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'connection lost'; END $$`);
    await database.prisma.$executeRawUnsafe(`
      CREATE TRIGGER fail_import BEFORE INSERT ON "Variant" FOR EACH ROW
      WHEN (NEW.sku = 'crash-9-S') EXECUTE FUNCTION fail_import()`);
    const started = await startImport({ prisma: database.prisma, jobs }, who(shopB), {
      kind: 'products',
      fileName: 'products_export.csv',
      source: bytes(shopifyExport(12, 'crash')),
    });
    const jobState = async () => {
      const rows = await database.prisma.$queryRaw<Array<{ state: string }>>`
        SELECT state FROM pgboss.job WHERE name = 'import.run' AND data->>'runId' = ${started.id}`;
      return rows[0]?.state;
    };
    await expect.poll(jobState, { timeout: 20_000, interval: 100 }).toBe('retry');
    const stalled = await getImport(database.prisma, shopB, started.id);
    // Batches of five products: the first holds crash-1…5, the second crash-6…10 (with crash-9).
    expect(stalled).toMatchObject({ status: 'running', processedRows: 10, importedRows: 9, failedRows: 1 });
    const firstBatch = await database.prisma.product.findMany({
      where: { workspaceId: shopB, handle: { startsWith: 'crash-' } },
      select: { handle: true, updatedAt: true },
    });
    expect(firstBatch.map((product) => product.handle).sort()).toEqual([
      'crash-1',
      'crash-2',
      'crash-3',
      'crash-4',
      'crash-5',
    ]);

    await database.prisma.$executeRawUnsafe('DROP TRIGGER fail_import ON "Variant"');
    const run = await waitForEnd(shopB, started.id, 40_000);
    expect(run).toMatchObject({ status: 'succeeded', totalRows: 25, importedRows: 23, failedRows: 2 });
    expect(run.rowErrors.map((error) => error.row)).toEqual([6, 26]);
    const products = await database.prisma.product.findMany({
      where: { workspaceId: shopB, handle: { startsWith: 'crash-' } },
      select: { handle: true, updatedAt: true },
    });
    expect(products).toHaveLength(12);
    const unchanged = new Map(firstBatch.map((product) => [product.handle, product.updatedAt.getTime()]));
    for (const product of products.filter((candidate) => unchanged.has(candidate.handle))) {
      expect(product.updatedAt.getTime()).toBe(unchanged.get(product.handle));
    }
    expect(await database.prisma.variant.count({ where: { workspaceId: shopB, sku: { startsWith: 'crash-' } } })).toBe(
      23,
    );
  }, 60_000);
});

describe('orders and contacts imports', () => {
  it('imports orders whose lines name products by SKU or handle, linking buyers as contacts', async () => {
    const csv = toCsv([
      [
        'Order Number',
        'Date',
        'Email',
        'Currency',
        'Line SKU',
        'Product Handle',
        'Quantity',
        'Unit Price',
        'Shipping City',
        'Shipping Country',
      ],
      ['#5001', '2024-05-01T10:00:00Z', 'Ann@example.com', 'EUR', 'tee-2-S', '', '2', '22.00', 'Berlin', 'DE'],
      ['#5001', '', '', '', '', 'tee-4', '1', '25.00'],
      ['#5002', '2024-05-02T10:00:00Z', '', 'EUR', 'NOPE-1', '', '1', '9.00'],
      ['#5003', '2024-05-03T10:00:00Z', 'bob@example.com', 'EUR', 'tee-5-M', '', '1', '26.00', 'Hamburg', 'DE'],
    ]);
    const run = await importFile(shopA, 'orders', 'orders.csv', csv);
    expect(run).toMatchObject({ status: 'succeeded', format: 'orders_csv', importedRows: 3, failedRows: 1 });
    expect(run.rowErrors).toEqual([
      { row: 4, field: 'line sku', message: 'No variant has SKU "NOPE-1"; import the products first.' },
    ]);
    const order = await database.prisma.order.findFirstOrThrow({
      where: { workspaceId: shopA, number: '#5001' },
      include: { lines: { orderBy: { id: 'asc' } }, contact: true },
    });
    expect(order).toMatchObject({ subtotalCents: 6900, totalCents: 6900, status: 'paid', shippingCountry: 'DE' });
    expect(order.contact?.email).toBe('ann@example.com');
    const tee4 = await database.prisma.product.findFirstOrThrow({ where: { workspaceId: shopA, handle: 'tee-4' } });
    expect(order.lines.map((line) => [line.sku, line.quantity, line.productId !== null])).toEqual([
      ['tee-2-S', 2, true],
      [null, 1, true],
    ]);
    expect(order.lines[1]?.productId).toBe(tee4.id);

    await importFile(shopA, 'orders', 'orders.csv', csv);
    expect(await database.prisma.order.count({ where: { workspaceId: shopA } })).toBe(2);
    expect(await database.prisma.orderLine.count({ where: { workspaceId: shopA } })).toBe(3);
  });

  it('imports contacts by email, updating on re-import', async () => {
    const first = await importFile(
      shopA,
      'contacts',
      'customers.csv',
      'Email,First Name,Last Name\nann@example.com,Ann,Lee\nnot-an-email,X,Y\n',
    );
    expect(first).toMatchObject({ status: 'succeeded', importedRows: 1, failedRows: 1 });
    await importFile(
      shopA,
      'contacts',
      'customers.csv',
      'email,phone,accepts marketing\nANN@example.com,+49 30 1,yes\n',
    );
    const ann = await database.prisma.contact.findFirstOrThrow({
      where: { workspaceId: shopA, email: 'ann@example.com' },
    });
    expect(ann).toMatchObject({ name: 'Ann Lee', phone: '+49 30 1', marketingOptIn: true });
    expect(await database.prisma.contact.count({ where: { workspaceId: shopA } })).toBe(2);
  });
});

describe('starting, cancelling and tenancy', () => {
  it('refuses wrong files at once, with a reason', async () => {
    const start = (text: string, kind: 'products' | 'orders' = 'products') =>
      startImport({ prisma: database.prisma, jobs }, who(shopA), { kind, fileName: 'x.csv', source: bytes(text) });
    await expect(start('')).rejects.toThrow('The file is empty.');
    await expect(start('colour,size\nred,M\n')).rejects.toThrow(/matches none of the formats for products/);
    await expect(start('title,price\nMug,1\n', 'orders')).rejects.toThrow(/import it on the Catalog page/);
    const huge = new Uint8Array(100 * 1024 * 1024 + 1);
    await expect(
      startImport({ prisma: database.prisma, jobs }, who(shopA), { kind: 'products', fileName: 'x.csv', source: huge }),
    ).rejects.toMatchObject({ status: 413 });
  });

  it('cancels a run between batches; the counts match what was written', async () => {
    const started = await startImport({ prisma: database.prisma, jobs }, who(shopB), {
      kind: 'products',
      fileName: 'many.csv',
      source: bytes(shopifyExport(1000, 'many')),
    });
    await expect
      .poll(async () => (await getImport(database.prisma, shopB, started.id)).processedRows, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const cancelled = await cancelImport(database.prisma, shopB, started.id);
    expect(cancelled.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const run = await getImport(database.prisma, shopB, started.id);
    expect(run.status).toBe('cancelled');
    expect(run.processedRows).toBeLessThan(2001);
    const written = await database.prisma.product.count({
      where: { workspaceId: shopB, handle: { startsWith: 'many-' } },
    });
    // Two rows a product, minus the one bad variant row of many-3 (which still makes a product).
    expect(written).toBe(run.processedRows / 2);
    expect(run.importedRows + run.failedRows).toBe(run.processedRows);
    await expect(cancelImport(database.prisma, shopB, started.id)).rejects.toThrow(ImportRunFinishedError);
  });

  it('another workspace cannot read or cancel a run: it does not exist for them', async () => {
    const [run] = await database.prisma.importRun.findMany({ where: { workspaceId: shopA }, take: 1 });
    expect(run).toBeDefined();
    await expect(getImport(database.prisma, shopB, run?.id as string)).rejects.toThrow(ImportRunNotFoundError);
    await expect(cancelImport(database.prisma, shopB, run?.id as string)).rejects.toThrow(ImportRunNotFoundError);
    await expect(getImport(database.prisma, shopB, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
  });
});
