import type { Product, Variant } from '@prisma/client';
import { z } from 'zod';

/** A product as the catalog hands it out: its variants in the store's order. */
export type ProductWithVariants = Product & { variants: Variant[] };

export interface ProductHit extends ProductWithVariants {
  /** Relevance, higher is better; comparable only within one result list. */
  score: number;
  /**
   * The lowest price among the variants that satisfy the search's price and
   * stock filters, so a card for "under $50" never shows a $60 variant's price.
   */
  matchingPriceCents: number;
}

export const searchLimits = { defaultResults: 5, maxResults: 20, queryLength: 200 } as const;

/** Also the shape of the assistant's `search_products` tool arguments. */
export const productSearchSchema = z
  .object({
    query: z.string().trim().max(searchLimits.queryLength).optional(),
    category: z.string().trim().min(1).max(200).optional(),
    minPriceCents: z.number().int().min(0).optional(),
    maxPriceCents: z.number().int().min(0).optional(),
    inStockOnly: z.boolean().optional(),
    limit: z.number().int().min(1).max(searchLimits.maxResults).default(searchLimits.defaultResults),
  })
  .refine(
    (input) =>
      input.minPriceCents === undefined ||
      input.maxPriceCents === undefined ||
      input.minPriceCents <= input.maxPriceCents,
    { message: 'minPriceCents must not be above maxPriceCents', path: ['minPriceCents'] },
  );

export type ProductSearch = z.input<typeof productSearchSchema>;
export type ParsedProductSearch = z.output<typeof productSearchSchema>;

export interface CategorySummary {
  name: string;
  productCount: number;
}

export class ProductNotFoundError extends Error {
  override readonly name = 'ProductNotFoundError';
  constructor(readonly reference: string) {
    super(`Product ${reference} not found`);
  }
}

export class InvalidProductSearchError extends Error {
  override readonly name = 'InvalidProductSearchError';
}
