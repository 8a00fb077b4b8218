import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { Jobs } from '../../platform/jobs/jobs';
import { createOwnedWorkspace } from '../identity';
import {
  ensureOwnerMembership,
  findShopStaff,
  lockShopWorkspace,
  markShopInstalled,
  type ShopStaff,
  updateShopScopes,
  upsertShopStaffUser,
  writeShopAudit,
} from './shop-install.repo';
import { isShopDomain } from './shopify-signature';
import { SHOPIFY_SYNC_QUEUE, type ShopifySyncJob } from './shopify-sync.service';

export const installShopSchema = z.object({
  shop: z.string().trim().toLowerCase().refine(isShopDomain, { message: 'must be a *.myshopify.com domain' }),
  /** As Shopify granted them, comma-separated; null keeps what is stored. */
  scopes: z.string().trim().max(2_000).nullish(),
});

export interface InstalledShop {
  workspaceId: string;
  /** A new workspace (first install); false for a reinstall or a repeated call. */
  created: boolean;
  /** The `shopify.sync` job this call enqueued; null when the shop was already installed. */
  syncJobId: string | null;
}

type Deps = { prisma: PrismaClient; jobs: Pick<Jobs, 'sendInTransaction'>; clock?: () => Date };

/**
 * A shop's workspace, ready for its staff: created on the first install the
 * way a portal team's is (owner, widget key, audit), or reactivated after an
 * uninstall; then marked installed with its scopes, and the full sync
 * enqueued in the same transaction. The offline access token is not taken
 * here: the session storage keeps it, and the sync reads it from there
 * rather than from a copy in the job table.
 *
 * Idempotent: Shopify's afterAuth hook runs again whenever a token is
 * re-obtained, and a shop already installed gets its scopes refreshed but no
 * second workspace and no second sync.
 */
export async function installShop(deps: Deps, input: z.input<typeof installShopSchema>): Promise<InstalledShop> {
  const { shop, scopes = null } = installShopSchema.parse(input);
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.prisma.$transaction(async (tx) => {
        const now = deps.clock?.() ?? new Date();
        const existing = await lockShopWorkspace(tx, shop);
        if (existing?.installedAt && !existing.uninstalledAt) {
          await updateShopScopes(tx, existing.id, scopes);
          return { workspaceId: existing.id, created: false, syncJobId: null };
        }
        const name = shopNameFromDomain(shop);
        const staff = await upsertShopStaffUser(tx, shop, `${name} team`);
        const workspaceId = existing
          ? existing.id
          : (await createOwnedWorkspace(tx, { name, ownerId: staff.id })).workspace.id;
        if (existing) await ensureOwnerMembership(tx, workspaceId, staff.id);
        await markShopInstalled(tx, workspaceId, { shop, scopes, now });
        await writeShopAudit(tx, workspaceId, 'shopify.app_installed', { shop, scopes, reinstall: Boolean(existing) });
        const job: ShopifySyncJob = { workspaceId, shop };
        const syncJobId = await deps.jobs.sendInTransaction(tx, SHOPIFY_SYNC_QUEUE, job);
        return { workspaceId, created: !existing, syncJobId };
      });
    } catch (error) {
      // Two first installs of one shop race to insert its workspace (or staff user) and one
      // hits a unique key; run again, and it finds the other's finished install.
      if ((error as { code?: string }).code !== 'P2002' || attempt >= 3) throw error;
    }
  }
}

/**
 * Who an embedded-admin request acts as. A shop with a valid session but no
 * installed workspace (its afterAuth never ran, or an uninstall was recorded
 * before a reinstall) is installed first, so a merchant never meets a dead end.
 */
export async function findOrInstallShopStaff(
  deps: Deps,
  input: { shop: string; scopes?: string | null },
): Promise<ShopStaff> {
  const found = await findShopStaff(deps.prisma, input.shop);
  if (found?.installed) return found;
  await installShop(deps, input);
  const installed = await findShopStaff(deps.prisma, input.shop);
  if (!installed) throw new Error(`The workspace of ${input.shop} could not be set up.`);
  return installed;
}

/** "north-peak-outfitters.myshopify.com" → "North Peak Outfitters", until the sync reads the shop's real name. */
export function shopNameFromDomain(shop: string): string {
  const handle = shop.replace(/\.myshopify\.com$/, '');
  return handle
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
