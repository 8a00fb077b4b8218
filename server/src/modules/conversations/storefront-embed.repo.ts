import type { PrismaClient } from '@prisma/client';

/**
 * What the storefront embed needs from a shop: its workspace and the widget
 * key it shows. A shop that never installed the app, or uninstalled it, has
 * none.
 */
export interface StorefrontWidget {
  workspaceId: string;
  widgetKey: string | null;
}

export async function findStorefrontWidget(prisma: PrismaClient, shopDomain: string): Promise<StorefrontWidget | null> {
  const workspace = await prisma.workspace.findUnique({
    where: { shopDomain },
    select: {
      id: true,
      shopifyInstalledAt: true,
      shopifyUninstalledAt: true,
      // The oldest active key, as the admin's install page shows it.
      widgetKeys: {
        where: { revokedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: 1,
        select: { publicKey: true },
      },
    },
  });
  // Installing sets installedAt and clears uninstalledAt; app/uninstalled sets uninstalledAt.
  if (!workspace?.shopifyInstalledAt || workspace.shopifyUninstalledAt) return null;
  return { workspaceId: workspace.id, widgetKey: workspace.widgetKeys[0]?.publicKey ?? null };
}

/**
 * The contact of a Shopify customer (the one order sync files their orders
 * under), created when the customer has none yet. Race-safe: of two sockets
 * creating it at once, the loser reads the winner's row.
 */
export async function ensureCustomerContact(
  prisma: PrismaClient,
  workspaceId: string,
  shopifyCustomerId: string,
): Promise<{ id: string; email: string | null; name: string | null }> {
  const where = { workspaceId_externalId: { workspaceId, externalId: shopifyCustomerId } };
  const select = { id: true, email: true, name: true } as const;
  const existing = await prisma.contact.findUnique({ where, select });
  if (existing) return existing;
  try {
    return await prisma.contact.create({
      data: { workspaceId, externalId: shopifyCustomerId, source: 'shopify' },
      select,
    });
  } catch (error) {
    const raced =
      (error as { code?: string }).code === 'P2002' ? await prisma.contact.findUnique({ where, select }) : null;
    if (raced) return raced;
    throw error;
  }
}
