import type { PrismaClient } from '@prisma/client';
import { issueCustomerToken, toShopifyCustomerGid } from './customer-token';
import { findStorefrontWidget } from './storefront-embed.repo';

/**
 * The Shopify app embed asks, through the signed app proxy, which widget to
 * load on this shop and — when Shopify says a customer is signed in — gets a
 * customer token for the widget's socket. The caller has verified the proxy
 * signature; this trusts `shop` and `loggedInCustomerId` only because of it.
 */
export class StorefrontNotFoundError extends Error {
  override readonly name = 'StorefrontNotFoundError';
  readonly status = 404;
  constructor(
    readonly shop: string,
    reason: 'not_installed' | 'no_widget_key',
  ) {
    super(
      reason === 'not_installed'
        ? `Closer is not installed on ${shop}.`
        : `${shop} has no active widget key; create one on Closer's install page.`,
    );
  }
}

export interface StorefrontEmbed {
  workspaceId: string;
  widgetKey: string;
  customer: { token: string; expiresAt: Date } | null;
}

export async function describeStorefrontEmbed(
  deps: { prisma: PrismaClient; secret: string; now: () => Date },
  identity: { shop: string; loggedInCustomerId: string | null },
): Promise<StorefrontEmbed> {
  const storefront = await findStorefrontWidget(deps.prisma, identity.shop);
  if (!storefront) throw new StorefrontNotFoundError(identity.shop, 'not_installed');
  if (!storefront.widgetKey) throw new StorefrontNotFoundError(identity.shop, 'no_widget_key');
  const shopifyCustomerId = identity.loggedInCustomerId ? toShopifyCustomerGid(identity.loggedInCustomerId) : null;
  return {
    workspaceId: storefront.workspaceId,
    widgetKey: storefront.widgetKey,
    customer: shopifyCustomerId
      ? issueCustomerToken(
          deps.secret,
          { workspaceId: storefront.workspaceId, shopifyCustomerId },
          deps.now().getTime(),
        )
      : null,
  };
}
