import type { PrismaClient, ProductStatus } from '@prisma/client';

/**
 * A small outdoor store for the catalog's database tests. Each workspace gets
 * the same kinds of products, so a test that leaks across workspaces would
 * find plausible-looking rows and fail on their ids, not pass by luck.
 */
export interface SeedVariant {
  title: string;
  priceCents: number;
  inventory: number | null;
  options?: Record<string, string>;
  compareAtPriceCents?: number;
  externalId?: string;
}

export interface SeedProduct {
  handle: string;
  title: string;
  description?: string;
  category?: string;
  tags?: string[];
  status?: ProductStatus;
  url?: string;
  variants: SeedVariant[];
}

export const outdoorStore: SeedProduct[] = [
  {
    handle: 'alpine-rain-jacket',
    title: 'Alpine Waterproof Rain Jacket',
    description: 'A three-layer shell for hiking in the rain.',
    category: 'Jackets',
    tags: ['rainwear'],
    url: '/products/alpine-rain-jacket',
    variants: [
      {
        title: 'M',
        priceCents: 12900,
        inventory: 5,
        options: { Size: 'M' },
        compareAtPriceCents: 15900,
        externalId: '4401',
      },
      { title: 'L', priceCents: 13900, inventory: 0, options: { Size: 'L' }, externalId: '4402' },
    ],
  },
  {
    handle: 'summit-down-jacket',
    title: 'Summit Insulated Down Jacket',
    description: 'Warm goose down for cold winter days.',
    category: 'Jackets',
    variants: [{ title: 'Default Title', priceCents: 24900, inventory: null }],
  },
  {
    handle: 'trail-hiking-boots',
    title: 'Trail Hiking Boots',
    description: 'Waterproof leather boots with a grippy sole.',
    category: 'Footwear',
    variants: [
      { title: '42', priceCents: 17900, inventory: 3, options: { Size: '42' } },
      { title: '44', priceCents: 18900, inventory: 2, options: { Size: '44' } },
    ],
  },
  {
    handle: 'merino-socks',
    title: 'Merino Wool Socks',
    description: 'Warm socks for long walks.',
    category: 'Socks',
    variants: [{ title: 'One size', priceCents: 1900, inventory: 100 }],
  },
  {
    handle: 'harbor-tee',
    title: 'Harbor Cotton Tee',
    description: 'A soft everyday tee.',
    category: 'Tees',
    variants: [{ title: 'M', priceCents: 2500, inventory: 0 }],
  },
  {
    handle: 'coastal-windbreaker',
    title: 'Coastal Windbreaker',
    description: 'A light shell that blocks the wind on the coast.',
    category: 'Jackets',
    variants: [{ title: 'M', priceCents: 5900, inventory: 10 }],
  },
  {
    handle: 'packable-poncho',
    title: 'Packable Poncho',
    description: 'Folds into its own pocket.',
    category: 'Rainwear',
    variants: [{ title: 'One size', priceCents: 3500, inventory: 8 }],
  },
  {
    handle: 'roll-top-dry-bag',
    title: 'Roll-Top Dry Bag',
    description: 'Keeps a poncho dry. Room for a poncho, a map and a jacket.',
    category: 'Bags',
    variants: [{ title: '10 L', priceCents: 2900, inventory: 12 }],
  },
  {
    handle: 'prototype-storm-jacket',
    title: 'Prototype Waterproof Storm Jacket',
    description: 'Not released yet.',
    category: 'Jackets',
    status: 'draft',
    variants: [{ title: 'M', priceCents: 9900, inventory: 4 }],
  },
];

/** Creates a workspace holding `products`; returns its id and its products' ids by handle. */
export async function seedStore(
  prisma: PrismaClient,
  slug: string,
  products: SeedProduct[] = outdoorStore,
): Promise<{ workspaceId: string; productIds: Map<string, string> }> {
  const workspace = await prisma.workspace.create({ data: { name: slug, slug, currency: 'USD' } });
  const productIds = new Map<string, string>();
  for (const product of products) {
    const created = await prisma.product.create({
      data: {
        workspaceId: workspace.id,
        handle: product.handle,
        title: product.title,
        description: product.description ?? '',
        category: product.category,
        tags: product.tags ?? [],
        status: product.status ?? 'active',
        url: product.url,
        minPriceCents:
          product.variants.length > 0 ? Math.min(...product.variants.map((variant) => variant.priceCents)) : null,
        variants: {
          create: product.variants.map((variant, position) => ({
            workspaceId: workspace.id,
            title: variant.title,
            priceCents: variant.priceCents,
            inventory: variant.inventory,
            options: variant.options ?? {},
            compareAtPriceCents: variant.compareAtPriceCents,
            externalId: variant.externalId ? `${slug}-${variant.externalId}` : undefined,
            position,
          })),
        },
      },
    });
    productIds.set(product.handle, created.id);
  }
  return { workspaceId: workspace.id, productIds };
}
