import type { Prisma, PrismaClient } from '@prisma/client';

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

/**
 * The rows behind a Shopify shop's workspace: its install state and the one
 * user its staff act as in the embedded admin.
 */
export interface ShopWorkspaceState {
  id: string;
  installedAt: Date | null;
  uninstalledAt: Date | null;
}

/**
 * Shopify staff sign in to Shopify, not to us: everyone who can open the app
 * in the shop's admin acts as this one owner. The address is under the
 * reserved `.invalid` top-level domain, so no email (reset, invitation) can
 * ever reach anybody through it, and without a password hash it cannot log in
 * to the portal.
 */
export function shopStaffEmail(shop: string): string {
  return `staff@${shop}.invalid`;
}

/** Locks the shop's workspace row until the transaction ends, so two installs of one shop take turns. */
export async function lockShopWorkspace(tx: Tx, shop: string): Promise<ShopWorkspaceState | null> {
  const rows = await tx.$queryRaw<ShopWorkspaceState[]>`
    SELECT id::text AS id, "shopifyInstalledAt" AS "installedAt", "shopifyUninstalledAt" AS "uninstalledAt"
    FROM "Workspace" WHERE "shopDomain" = ${shop} FOR UPDATE`;
  return rows[0] ?? null;
}

export async function upsertShopStaffUser(tx: Tx, shop: string, name: string): Promise<{ id: string }> {
  return tx.user.upsert({
    where: { email: shopStaffEmail(shop) },
    create: { email: shopStaffEmail(shop), name, passwordHash: null },
    update: {},
    select: { id: true },
  });
}

/** The staff user administers the shop's workspace, whatever the team page did to it meanwhile. */
export async function ensureOwnerMembership(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  await tx.membership.upsert({
    where: { workspaceId_userId: { workspaceId, userId } },
    create: { workspaceId, userId, role: 'owner' },
    update: { role: 'owner' },
  });
}

export async function markShopInstalled(
  tx: Tx,
  workspaceId: string,
  input: { shop: string; scopes: string | null; now: Date },
): Promise<void> {
  await tx.workspace.update({
    where: { id: workspaceId },
    data: {
      shopDomain: input.shop,
      shopifyInstalledAt: input.now,
      shopifyUninstalledAt: null,
      shopifyScopes: input.scopes,
    },
  });
}

export async function updateShopScopes(tx: Tx, workspaceId: string, scopes: string | null): Promise<void> {
  if (scopes === null) return;
  await tx.workspace.update({ where: { id: workspaceId }, data: { shopifyScopes: scopes } });
}

export async function writeShopAudit(
  tx: Tx,
  workspaceId: string,
  action: 'shopify.app_installed' | 'billing.plan_changed',
  data: Prisma.InputJsonValue,
): Promise<void> {
  await tx.auditLog.create({ data: { workspaceId, actorType: 'system', actorId: 'shopify', action, data } });
}

export interface ShopStaff {
  workspaceId: string;
  workspaceName: string;
  userId: string;
  name: string;
  email: string;
  /** Installed and not uninstalled since. */
  installed: boolean;
}

/** The shop's workspace and its staff user, when both exist and the user is still its owner. */
export async function findShopStaff(db: Db, shop: string): Promise<ShopStaff | null> {
  const workspace = await db.workspace.findUnique({
    where: { shopDomain: shop },
    select: {
      id: true,
      name: true,
      shopifyInstalledAt: true,
      shopifyUninstalledAt: true,
      memberships: {
        where: { role: 'owner', user: { email: shopStaffEmail(shop) } },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  const user = workspace?.memberships[0]?.user;
  if (!workspace || !user) return null;
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    userId: user.id,
    name: user.name ?? workspace.name,
    email: user.email,
    installed: workspace.shopifyInstalledAt !== null && workspace.shopifyUninstalledAt === null,
  };
}
