import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Jobs, startJobs } from '../../platform/jobs/jobs';
import { createLogger } from '../../platform/logger';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { findOrInstallShopStaff, installShop, shopNameFromDomain } from './shop-install.service';
import { SHOPIFY_SYNC_QUEUE } from './shopify-sync.service';

/**
 * Installing the app against real PostgreSQL and real pg-boss: the shop's
 * workspace and its sync job appear together, exactly once, however often
 * Shopify's afterAuth hook calls.
 */
let database: TestDatabase;
let jobs: Jobs;
const log = createLogger({ level: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ databaseUrl: database.url, log });
});
afterAll(async () => {
  await jobs.stop(1_000);
  await database.drop();
});

async function syncJobsFor(shop: string) {
  const { rows } = await database.pool.query<{ data: { workspaceId: string; shop: string }; state: string }>(
    `SELECT data, state::text AS state FROM pgboss.job WHERE name = $1 AND data->>'shop' = $2`,
    [SHOPIFY_SYNC_QUEUE, shop],
  );
  return rows;
}

describe('installShop', () => {
  it('creates the shop’s workspace with an owner, a widget key and its scopes, and enqueues one sync', async () => {
    const shop = 'north-peak-outfitters.myshopify.com';
    const installedAt = new Date('2026-11-02T10:00:00Z');
    const result = await installShop(
      { prisma: database.prisma, jobs, clock: () => installedAt },
      { shop: ` ${shop.toUpperCase()} `, scopes: 'read_products,read_orders' },
    );
    expect(result).toMatchObject({ created: true });
    expect(result.syncJobId).toEqual(expect.any(String));

    const workspace = await database.prisma.workspace.findUniqueOrThrow({
      where: { shopDomain: shop },
      include: { memberships: { include: { user: true } }, widgetKeys: true },
    });
    expect(workspace).toMatchObject({
      id: result.workspaceId,
      name: 'North Peak Outfitters',
      slug: 'north-peak-outfitters',
      shopifyInstalledAt: installedAt,
      shopifyUninstalledAt: null,
      shopifyScopes: 'read_products,read_orders',
      plan: 'free',
    });
    expect(workspace.memberships).toHaveLength(1);
    expect(workspace.memberships[0]).toMatchObject({
      role: 'owner',
      user: { email: `staff@${shop}.invalid`, name: 'North Peak Outfitters team', passwordHash: null },
    });
    expect(workspace.widgetKeys).toHaveLength(1);
    expect(workspace.widgetKeys[0]?.publicKey).toMatch(/^pk_live_/);

    const jobsQueued = await syncJobsFor(shop);
    expect(jobsQueued).toEqual([{ data: { workspaceId: result.workspaceId, shop }, state: 'created' }]);
    const audit = await database.prisma.auditLog.findMany({
      where: { workspaceId: result.workspaceId, action: 'shopify.app_installed' },
    });
    expect(audit.map((row) => row.data)).toEqual([{ shop, scopes: 'read_products,read_orders', reinstall: false }]);
  });

  it('is idempotent: afterAuth again (and at the same time) keeps one workspace and one pending sync', async () => {
    const shop = 'twice-installed.myshopify.com';
    const deps = { prisma: database.prisma, jobs };
    const [first, second] = await Promise.all([
      installShop(deps, { shop, scopes: 'read_products' }),
      installShop(deps, { shop, scopes: 'read_products' }),
    ]);
    expect(first.workspaceId).toBe(second.workspaceId);
    expect([first.created, second.created].sort()).toEqual([false, true]);

    const again = await installShop(deps, { shop, scopes: 'read_products,write_products' });
    expect(again).toEqual({ workspaceId: first.workspaceId, created: false, syncJobId: null });
    expect(await database.prisma.workspace.count({ where: { shopDomain: shop } })).toBe(1);
    expect(await database.prisma.user.count({ where: { email: `staff@${shop}.invalid` } })).toBe(1);
    expect(await syncJobsFor(shop)).toHaveLength(1);
    const workspace = await database.prisma.workspace.findUniqueOrThrow({ where: { shopDomain: shop } });
    expect(workspace.shopifyScopes).toBe('read_products,write_products');
  });

  it('reactivates the same workspace after an uninstall, and syncs again', async () => {
    const shop = 'came-back.myshopify.com';
    const deps = { prisma: database.prisma, jobs };
    const first = await installShop(deps, { shop, scopes: 'read_products' });
    const product = await database.prisma.product.create({
      data: { workspaceId: first.workspaceId, title: 'Kept across reinstalls', handle: 'kept' },
    });
    await database.prisma.workspace.update({
      where: { id: first.workspaceId },
      data: { shopifyUninstalledAt: new Date() },
    });
    const staffUser = await database.prisma.user.findUniqueOrThrow({ where: { email: `staff@${shop}.invalid` } });
    await database.prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: first.workspaceId, userId: staffUser.id } },
      data: { role: 'viewer' },
    });

    const back = await installShop(deps, { shop, scopes: 'read_products' });
    expect(back).toMatchObject({ workspaceId: first.workspaceId, created: false });
    expect(back.syncJobId).toEqual(expect.any(String));
    const workspace = await database.prisma.workspace.findUniqueOrThrow({ where: { id: first.workspaceId } });
    expect(workspace.shopifyUninstalledAt).toBeNull();
    expect(await database.prisma.product.findUnique({ where: { id: product.id } })).not.toBeNull();
    expect(
      await database.prisma.membership.findUniqueOrThrow({
        where: { workspaceId_userId: { workspaceId: first.workspaceId, userId: staffUser.id } },
      }),
    ).toMatchObject({ role: 'owner' });
    expect(await syncJobsFor(shop)).toHaveLength(2);
  });

  it('leaves neither workspace nor job behind when the transaction fails after enqueueing', async () => {
    const shop = 'crashed-install.myshopify.com';
    // The real pg-boss enqueue, then a failure before the commit (a crash, a lost connection).
    const failingAfterEnqueue: Pick<Jobs, 'sendInTransaction'> = {
      async sendInTransaction(tx, name, data) {
        await jobs.sendInTransaction(tx, name, data);
        throw new Error('connection lost before commit');
      },
    };
    await expect(installShop({ prisma: database.prisma, jobs: failingAfterEnqueue }, { shop })).rejects.toThrow(
      'connection lost before commit',
    );
    expect(await database.prisma.workspace.count({ where: { shopDomain: shop } })).toBe(0);
    expect(await database.prisma.user.count({ where: { email: `staff@${shop}.invalid` } })).toBe(0);
    expect(await syncJobsFor(shop)).toEqual([]);
  });

  it('refuses a domain that is not a *.myshopify.com shop', async () => {
    await expect(
      installShop({ prisma: database.prisma, jobs }, { shop: 'evil.example.com', scopes: null }),
    ).rejects.toThrow(/myshopify\.com/);
    expect(await database.prisma.workspace.count({ where: { shopDomain: 'evil.example.com' } })).toBe(0);
  });
});

describe('findOrInstallShopStaff', () => {
  it('finds the installed shop’s staff owner, and installs a shop that has a session but no workspace', async () => {
    const deps = { prisma: database.prisma, jobs };
    const installed = await installShop(deps, { shop: 'found-shop.myshopify.com', scopes: 'read_products' });
    const staff = await findOrInstallShopStaff(deps, { shop: 'found-shop.myshopify.com' });
    expect(staff).toMatchObject({ workspaceId: installed.workspaceId, installed: true, name: 'Found Shop team' });

    const fresh = await findOrInstallShopStaff(deps, { shop: 'late-hook.myshopify.com', scopes: 'read_orders' });
    expect(fresh).toMatchObject({ workspaceName: 'Late Hook', installed: true });
    expect(await syncJobsFor('late-hook.myshopify.com')).toHaveLength(1);
  });

  it('names a workspace after the shop’s handle', () => {
    expect(shopNameFromDomain('a-b--c.myshopify.com')).toBe('A B C');
  });
});
