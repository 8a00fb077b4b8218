import type { PrismaClient } from '@prisma/client';
import { ShopifyAdminAccessError, type ShopifyAdminApi } from './admin-graphql.client';
import { productUpdateMutation, type UserError } from './admin-graphql.queries';

/**
 * Writes approved content back to the Shopify product it was written for,
 * with one `productUpdate` (description, SEO title and description). Only
 * the fields given are sent, so publishing an SEO draft leaves the
 * description as the merchant has it.
 */
export interface ProductContent {
  descriptionHtml?: string;
  seoTitle?: string;
  seoDescription?: string;
}

/** Shopify refused the update (its `userErrors`), or the product cannot be published to; retrying will not help. */
export class ShopifyPublishError extends Error {
  override readonly name = 'ShopifyPublishError';
  constructor(
    message: string,
    readonly userErrors: Array<{ field: string[] | null; message: string }> = [],
  ) {
    super(message);
  }
}

export async function publishProductContent(
  deps: { prisma: PrismaClient; adminApi: ShopifyAdminApi },
  workspaceId: string,
  productId: string,
  content: ProductContent,
): Promise<{ shopifyProductId: string }> {
  const product = await deps.prisma.product.findFirst({
    where: { id: productId, workspaceId },
    select: { externalId: true, workspace: { select: { shopDomain: true, shopifyUninstalledAt: true } } },
  });
  if (!product) throw new ShopifyPublishError('The product no longer exists.');
  const shop = product.workspace.shopDomain;
  if (!shop || product.workspace.shopifyUninstalledAt) {
    throw new ShopifyPublishError('This workspace has no installed Shopify store to publish to.');
  }
  if (!product.externalId?.startsWith('gid://shopify/Product/')) {
    throw new ShopifyPublishError('This product did not come from Shopify, so there is no Shopify product to update.');
  }
  const input = toProductUpdateInput(product.externalId, content);
  if (Object.keys(input).length === 1) throw new ShopifyPublishError('There is nothing to publish.');
  const data = await deps.adminApi.request<{
    productUpdate: { product: { id: string } | null; userErrors: UserError[] } | null;
  }>(shop, productUpdateMutation, { product: input });
  const result = data.productUpdate;
  if (!result || result.userErrors.length > 0 || !result.product) {
    const userErrors = (result?.userErrors ?? []).map(({ field, message }) => ({ field, message }));
    throw new ShopifyPublishError(
      `Shopify refused the update: ${userErrors.map((error) => error.message).join('; ') || 'no product returned'}`,
      userErrors,
    );
  }
  return { shopifyProductId: result.product.id };
}

/** `ProductUpdateInput` (2026-10): `seo` is sent whole only when one of its parts is being published. */
function toProductUpdateInput(id: string, content: ProductContent): Record<string, unknown> {
  const input: Record<string, unknown> = { id };
  if (content.descriptionHtml !== undefined) input.descriptionHtml = content.descriptionHtml;
  const seo: Record<string, string> = {};
  if (content.seoTitle !== undefined) seo.title = content.seoTitle;
  if (content.seoDescription !== undefined) seo.description = content.seoDescription;
  if (Object.keys(seo).length > 0) input.seo = seo;
  return input;
}

/** For the `content.publish` job: failures another attempt will not fix. */
export function isPermanentPublishFailure(error: unknown): boolean {
  return error instanceof ShopifyPublishError || error instanceof ShopifyAdminAccessError;
}
