import { z } from 'zod';

/**
 * Orders a team's own system sends us (REST API bulk upsert): they feed the
 * demand forecasts (what sold, where) and attribution. An order is matched by
 * its externalId; sending it again replaces it, lines included. Money is in
 * minor units (cents).
 */
export const orderWriteLimits = { linesPerOrder: 500, bulkRows: 500 } as const;

const cents = z.number().int().min(0).max(2_000_000_000);
const name = (max: number) => z.string().trim().min(1).max(max);

export const orderEmailSchema = z.string().trim().toLowerCase().max(254).check(z.email());

export const orderLineInputSchema = z
  .strictObject({
    productExternalId: name(255).optional().describe('The product’s externalId.'),
    variantExternalId: name(255).optional().describe('The variant’s externalId.'),
    sku: name(255).optional().describe('A variant’s SKU; it must name exactly one variant.'),
    title: name(500).optional().describe('Defaults to the product’s title; required for a line naming no product.'),
    quantity: z.number().int().min(1).max(1_000_000),
    unitPriceCents: cents,
  })
  .refine((line) => Boolean(line.productExternalId || line.variantExternalId || line.sku || line.title), {
    message: 'name a product (productExternalId, variantExternalId or sku) or give the line a title',
    path: ['title'],
  });
export type OrderLineInput = z.output<typeof orderLineInputSchema>;

export const orderUpsertSchema = z
  .strictObject({
    externalId: name(255).describe('The id in your system; the order is matched by it.'),
    number: name(64).describe('The number shoppers see, e.g. "#1042".'),
    email: orderEmailSchema
      .nullable()
      .optional()
      .describe('Links the order to the contact with this email (created if new).'),
    status: z.enum(['pending', 'paid', 'fulfilled', 'refunded', 'cancelled']).default('paid'),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"')
      .optional()
      .describe('ISO 4217, e.g. "EUR"; defaults to the workspace’s currency.'),
    subtotalCents: cents.optional().describe('Defaults to the sum of the lines.'),
    discountCents: cents.default(0),
    totalCents: cents.optional().describe('Defaults to subtotal minus discount.'),
    placedAt: z.iso.datetime({ offset: true }).describe('When it was placed: ISO 8601 with "Z" or an offset.'),
    shipping: z
      .strictObject({
        city: name(255).nullable().optional(),
        region: name(255).nullable().optional(),
        country: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "DE"')
          .nullable()
          .optional()
          .describe('ISO 3166-1 alpha-2, e.g. "DE".'),
      })
      .optional(),
    tracking: z
      .strictObject({
        company: name(255).nullable().optional(),
        number: name(255).nullable().optional(),
        url: z
          .url({ protocol: /^https?$/ })
          .max(2048)
          .nullable()
          .optional(),
      })
      .optional(),
    lines: z.array(orderLineInputSchema).min(1).max(orderWriteLimits.linesPerOrder),
  })
  .refine((order) => order.subtotalCents === undefined || order.discountCents <= order.subtotalCents, {
    message: 'discountCents must not be above subtotalCents',
    path: ['discountCents'],
  });
export type OrderUpsert = z.output<typeof orderUpsertSchema>;

/** One row's outcome in a bulk write: good rows are kept, bad rows say why. */
export interface OrderBulkRowResult {
  index: number;
  status: 'created' | 'updated' | 'failed';
  id?: string;
  error?: { code: string; message: string; details?: Array<{ path: string; message: string }> };
}

/** A line names a product, variant or SKU this workspace does not have (or more than one). */
export class OrderLineReferenceError extends Error {
  override readonly name = 'OrderLineReferenceError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}
