import { z } from 'zod';
import type { ProductWithVariants } from '../../../modules/catalog';

/** Products as the REST API sends them. Money in minor units (cents), times in ISO 8601 UTC. */
export const variantWireSchema = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  sku: z.string().nullable(),
  title: z.string(),
  options: z.record(z.string(), z.string()),
  priceCents: z.int(),
  compareAtPriceCents: z.int().nullable(),
  inventory: z.int().nullable().describe('Units on hand; null when inventory is not tracked.'),
  position: z.int(),
});

export const productWireSchema = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  handle: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  vendor: z.string().nullable(),
  tags: z.array(z.string()),
  imageUrl: z.string().nullable(),
  url: z.string().nullable(),
  status: z.enum(['active', 'draft', 'archived']),
  currency: z.string(),
  minPriceCents: z.int().nullable().describe('The lowest variant price.'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  variants: z.array(variantWireSchema),
});
export type ProductWire = z.output<typeof productWireSchema>;

export function toProductWire(product: ProductWithVariants): ProductWire {
  return {
    id: product.id,
    externalId: product.externalId,
    handle: product.handle,
    title: product.title,
    description: product.description,
    category: product.category,
    vendor: product.vendor,
    tags: product.tags,
    imageUrl: product.imageUrl,
    url: product.url,
    status: product.status,
    currency: product.currency,
    minPriceCents: product.minPriceCents,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    variants: product.variants.map((variant) => ({
      id: variant.id,
      externalId: variant.externalId,
      sku: variant.sku,
      title: variant.title,
      options: (variant.options ?? {}) as Record<string, string>,
      priceCents: variant.priceCents,
      compareAtPriceCents: variant.compareAtPriceCents,
      inventory: variant.inventory,
      position: variant.position,
    })),
  };
}
