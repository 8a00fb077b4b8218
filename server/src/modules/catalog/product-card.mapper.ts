import type { Variant } from '@prisma/client';
import type { ProductCard } from '../conversations';
import type { ProductWithVariants } from './catalog.model';
import { formatMinorUnits } from './money';

export interface ProductCardOptions {
  /** Falls back to the product's own currency. */
  currency?: string;
  /** The store's origin, for products whose URL is a path ("/products/x"). */
  baseUrl?: string;
}

/** Null inventory means the store does not track stock: the item can be bought. */
export function isVariantAvailable(variant: Pick<Variant, 'inventory'>): boolean {
  return variant.inventory === null || variant.inventory > 0;
}

/**
 * The card the widget renders. `matchingPriceCents` (from a filtered search)
 * wins over the cheapest variant, so "under $50" never shows a higher price.
 */
export function toProductCard(
  product: ProductWithVariants & { matchingPriceCents?: number },
  options: ProductCardOptions = {},
): ProductCard {
  const currency = (options.currency ?? product.currency).trim().toUpperCase();
  const money = (cents: number) => formatMinorUnits(cents, currency);
  const shown = pickShownVariant(product.variants, product.matchingPriceCents);
  const priceCents = product.matchingPriceCents ?? shown?.priceCents ?? product.minPriceCents ?? 0;
  const compareAt = shown?.compareAtPriceCents;
  return {
    id: product.id,
    title: product.title,
    price: money(priceCents),
    compareAtPrice: compareAt != null && compareAt > priceCents ? money(compareAt) : null,
    currency,
    url: resolveUrl(product.url, options.baseUrl),
    imageUrl: resolveUrl(product.imageUrl, options.baseUrl),
    available: product.variants.some(isVariantAvailable),
    variants: product.variants.map((variant) => ({
      id: variant.id,
      externalId: variant.externalId,
      title: variant.title,
      price: money(variant.priceCents),
      available: isVariantAvailable(variant),
      options: toOptions(variant.options),
    })),
  };
}

/** The variant whose price the card shows: the matching one, else the cheapest available, else the cheapest. */
function pickShownVariant(variants: Variant[], matchingPriceCents: number | undefined): Variant | undefined {
  const byPrice = [...variants].sort((a, b) => a.priceCents - b.priceCents);
  if (matchingPriceCents !== undefined) return byPrice.find((variant) => variant.priceCents === matchingPriceCents);
  return byPrice.find(isVariantAvailable) ?? byPrice[0];
}

/** Only http(s) links leave the server: a feed's "javascript:" URL must never become a link. */
function resolveUrl(url: string | null, baseUrl: string | undefined): string | null {
  if (!url) return null;
  try {
    const resolved = baseUrl ? new URL(url, baseUrl) : new URL(url);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.toString() : null;
  } catch {
    // A path without a base URL to resolve it against: the widget resolves it on the store's own page.
    return url.startsWith('/') && !url.startsWith('//') ? url : null;
  }
}

/** Variant options are JSON; only string-valued pairs reach the shopper. */
function toOptions(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const options: Record<string, string> = {};
  for (const [name, option] of Object.entries(value)) {
    if (typeof option === 'string') options[name] = option;
    else if (typeof option === 'number') options[name] = String(option);
  }
  return options;
}
