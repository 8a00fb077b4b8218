import { z } from 'zod';

/**
 * What a team's own system may write into the catalog (REST API, and any
 * import that wants the same rules). Money is in minor units (cents), as
 * stored. Absent fields are left as they are; `null` clears a clearable field.
 */
export const productWriteLimits = { variantsPerProduct: 100, tags: 100, bulkRows: 500 } as const;

// Int columns: PostgreSQL's integer tops out at 2^31 - 1.
const cents = z.number().int().min(0).max(2_000_000_000);
const name = (max: number) => z.string().trim().min(1).max(max);

export const productHandleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/, 'use lower-case letters, digits, "-" and "_"')
  .describe('URL-safe name, unique in the workspace. Derived from the title when a new product has none.');

export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"');

const linkSchema = z
  .string()
  .trim()
  .max(2048)
  .regex(/^(https?:\/\/\S+|\/\S*)$/, 'an http(s) URL or a path starting with "/"');

export const variantInputSchema = z.strictObject({
  id: z.uuid().optional().describe('An existing variant of this product, to change it in place.'),
  externalId: name(255).nullable().optional().describe('The id in your system; unique in the workspace.'),
  sku: name(255).nullable().optional(),
  title: name(255).optional().describe('Defaults to "Default" for a new variant.'),
  options: z
    .record(name(100), z.string().trim().max(255))
    .refine((options) => Object.keys(options).length <= 10, 'at most 10 options')
    .optional()
    .describe('Option name → value, e.g. { "Size": "M" }; none for a new variant unless given.'),
  priceCents: cents,
  compareAtPriceCents: cents.nullable().optional(),
  inventory: z
    .number()
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .nullable()
    .optional()
    .describe('Units on hand; null when you do not track inventory.'),
});
export type VariantInput = z.output<typeof variantInputSchema>;

const variantsSchema = z
  .array(variantInputSchema)
  .min(1)
  .max(productWriteLimits.variantsPerProduct)
  .refine(
    (variants) => isUnique(variants.map((variant) => variant.externalId)),
    'each variant externalId may appear once',
  )
  .describe('Replaces the product’s variants: ones matched by id, externalId, sku or title are kept and changed.');

const fields = {
  externalId: name(255).nullable().optional().describe('The id in your system; unique in the workspace.'),
  handle: productHandleSchema.optional(),
  title: name(500),
  description: z.string().max(50_000),
  category: name(255).nullable().optional(),
  vendor: name(255).nullable().optional(),
  tags: z.array(name(100)).max(productWriteLimits.tags),
  imageUrl: linkSchema.nullable().optional(),
  url: linkSchema.nullable().optional().describe('The product page in your store.'),
  status: z.enum(['active', 'draft', 'archived']),
  currency: currencyCodeSchema.optional().describe('Defaults to the workspace’s currency.'),
};

export const productCreateSchema = z.strictObject({
  ...fields,
  description: fields.description.default(''),
  tags: fields.tags.default([]),
  status: fields.status.default('active'),
  variants: variantsSchema,
});
export type ProductCreate = z.output<typeof productCreateSchema>;

export const productUpdateSchema = z.strictObject({
  ...fields,
  title: fields.title.optional(),
  description: fields.description.optional(),
  tags: fields.tags.optional(),
  status: fields.status.optional(),
  variants: variantsSchema.optional(),
});
export type ProductUpdate = z.output<typeof productUpdateSchema>;

/** A bulk row: matched by externalId, then handle; a new product needs variants. */
export const productUpsertSchema = productUpdateSchema
  .extend({ title: fields.title })
  .refine((row) => Boolean(row.externalId || row.handle), {
    message: 'give an externalId or a handle to match the product by',
    path: ['externalId'],
  })
  .describe(
    'Matched by externalId, then handle (give at least one): an existing product gets the fields sent, a new one is created and needs variants.',
  );
export type ProductUpsert = z.output<typeof productUpsertSchema>;

function isUnique(values: Array<string | null | undefined>): boolean {
  const present = values.filter((value): value is string => Boolean(value));
  return new Set(present).size === present.length;
}

/** One row's outcome in a bulk write: good rows are kept, bad rows say why. */
export interface BulkRowResult {
  index: number;
  status: 'created' | 'updated' | 'failed';
  id?: string;
  error?: { code: string; message: string; details?: Array<{ path: string; message: string }> };
}

export class ProductConflictError extends Error {
  override readonly name = 'ProductConflictError';
  constructor(
    readonly field: 'externalId' | 'handle' | 'variants.externalId',
    readonly value: string | null,
    message = value ? `Another product already has ${field} "${value}".` : `Another product already has this ${field}.`,
  ) {
    super(message);
  }
}

/** A write the catalog cannot make as asked, e.g. a new product without variants. */
export class InvalidProductWriteError extends Error {
  override readonly name = 'InvalidProductWriteError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}
