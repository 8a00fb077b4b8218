import type { OrderStatus, PrismaClient } from '@prisma/client';

/**
 * Hand-built stores for the forecasting tests: a few products and exactly
 * the orders a test needs, so every expected count can be worked out on paper.
 */
export interface FixtureProduct {
  handle: string;
  title?: string;
  category: string | null;
  priceCents: number;
  /** Null: the store does not track stock for it. */
  inventory: number | null;
  status?: 'active' | 'draft' | 'archived';
}

export interface FixtureOrder {
  placedAt: Date;
  city: string;
  region: string;
  country: string;
  status?: OrderStatus;
  /** `product: null` is a custom line with no catalog product. */
  lines: { product: string | null; quantity: number; unitPriceCents?: number }[];
}

export async function seedForecastStore(
  prisma: PrismaClient,
  store: { slug: string; timezone: string; products: FixtureProduct[]; orders: FixtureOrder[] },
): Promise<{ workspaceId: string; productIds: Map<string, string> }> {
  const workspace = await prisma.workspace.create({
    data: { name: store.slug, slug: store.slug, timezone: store.timezone },
  });
  const workspaceId = workspace.id;
  const productIds = new Map<string, string>();
  const variantIds = new Map<string, string>();
  for (const product of store.products) {
    const created = await prisma.product.create({
      data: {
        workspaceId,
        handle: product.handle,
        title: product.title ?? product.handle,
        category: product.category,
        status: product.status ?? 'active',
        minPriceCents: product.priceCents,
        variants: {
          create: { workspaceId, title: 'Default Title', priceCents: product.priceCents, inventory: product.inventory },
        },
      },
      include: { variants: true },
    });
    productIds.set(product.handle, created.id);
    variantIds.set(product.handle, created.variants[0]?.id as string);
  }
  const prices = new Map(store.products.map((product) => [product.handle, product.priceCents]));
  for (let start = 0; start < store.orders.length; start += 500) {
    const batch = store.orders.slice(start, start + 500);
    const orders = await prisma.order.createManyAndReturn({
      select: { id: true },
      data: batch.map((order, i) => {
        const total = order.lines.reduce((sum, line) => sum + line.quantity * (line.unitPriceCents ?? 1000), 0);
        return {
          workspaceId,
          number: `#${start + i + 1}`,
          status: order.status ?? 'fulfilled',
          currency: 'USD',
          subtotalCents: total,
          totalCents: total,
          shippingCity: order.city,
          shippingRegion: order.region,
          shippingCountry: order.country,
          placedAt: order.placedAt,
        };
      }),
    });
    await prisma.orderLine.createMany({
      data: batch.flatMap((order, i) =>
        order.lines.map((line) => ({
          workspaceId,
          orderId: orders[i]?.id as string,
          productId: line.product ? (productIds.get(line.product) ?? null) : null,
          variantId: line.product ? (variantIds.get(line.product) ?? null) : null,
          title: line.product ?? 'Custom item',
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents ?? (line.product ? (prices.get(line.product) ?? 1000) : 1000),
        })),
      ),
    });
  }
  return { workspaceId, productIds };
}

/** One date per week for `weeks` weeks from `start`, at noon UTC, `dayOffset` days into each week. */
export function weeklyDates(start: Date, weeks: number, dayOffset = 0): Date[] {
  return Array.from(
    { length: weeks },
    (_, k) => new Date(start.getTime() + (7 * k + dayOffset) * 86_400_000 + 12 * 3_600_000),
  );
}
