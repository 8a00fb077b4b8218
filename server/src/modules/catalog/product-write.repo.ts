import type { Prisma, PrismaClient, Variant } from '@prisma/client';
import type { ProductWithVariants } from './catalog.model';
import {
  InvalidProductWriteError,
  ProductConflictError,
  type ProductUpdate,
  type VariantInput,
} from './product-write.model';

/**
 * Creating and changing products with their variants. Each write is one
 * transaction, and `minPriceCents` (the cards' and sorting's price) is
 * recomputed from the variants inside it. Uniqueness (externalId and handle
 * per workspace) is left to the database's unique indexes, so two concurrent
 * writers cannot both win; a violation becomes a ProductConflictError.
 */
type Tx = Prisma.TransactionClient;

/** The stored fields of a new product; `handle` and `currency` resolved by the caller's service. */
export interface NewProduct extends ProductUpdate {
  title: string;
  handle: string;
  currency: string;
  variants: VariantInput[];
}

const withVariants = {
  variants: { orderBy: [{ position: 'asc' as const }, { id: 'asc' as const }] },
} satisfies Prisma.ProductInclude;

export async function insertProduct(
  prisma: PrismaClient,
  workspaceId: string,
  input: NewProduct,
): Promise<ProductWithVariants> {
  return runWrite(input, () =>
    prisma.$transaction(async (tx) => {
      const product = await tx.product.create({
        data: {
          workspaceId,
          externalId: input.externalId ?? null,
          handle: input.handle,
          title: input.title,
          description: input.description ?? '',
          category: input.category ?? null,
          vendor: input.vendor ?? null,
          tags: input.tags ?? [],
          imageUrl: input.imageUrl ?? null,
          url: input.url ?? null,
          status: input.status ?? 'active',
          currency: input.currency,
        },
      });
      await replaceVariants(tx, workspaceId, product.id, [], input.variants);
      return refreshMinPrice(tx, workspaceId, product.id);
    }),
  );
}

/** Changes the fields given; `variants`, when given, replace the product's variants (matched ones keep their ids). */
export async function changeProduct(
  prisma: PrismaClient,
  workspaceId: string,
  productId: string,
  changes: ProductUpdate,
): Promise<ProductWithVariants | null> {
  const { variants, ...scalars } = changes;
  return runWrite(changes, () =>
    prisma.$transaction(async (tx) => {
      const updated = await tx.product.updateMany({ where: { id: productId, workspaceId }, data: scalars });
      if (updated.count === 0) return null;
      if (variants) {
        const existing = await tx.variant.findMany({ where: { workspaceId, productId } });
        await replaceVariants(tx, workspaceId, productId, existing, variants);
      }
      return refreshMinPrice(tx, workspaceId, productId);
    }),
  );
}

async function replaceVariants(
  tx: Tx,
  workspaceId: string,
  productId: string,
  existing: Variant[],
  inputs: VariantInput[],
): Promise<void> {
  const matches = matchVariants(existing, inputs);
  const keptIds = new Set(matches.flatMap((match) => (match ? [match.id] : [])));
  const removed = existing.filter((variant) => !keptIds.has(variant.id)).map((variant) => variant.id);
  // Removed first: a new variant may take over a removed one's externalId.
  if (removed.length > 0) await tx.variant.deleteMany({ where: { workspaceId, id: { in: removed } } });
  for (const [position, input] of inputs.entries()) {
    const { id: _id, options, ...fields } = input;
    // Fields left out keep their values on a matched variant; a new one gets the defaults.
    const data = { ...fields, options: options as Prisma.InputJsonValue | undefined, position };
    const match = matches[position];
    try {
      if (match) await tx.variant.update({ where: { id: match.id }, data });
      else {
        await tx.variant.create({
          data: { ...data, title: fields.title ?? 'Default', options: options ?? {}, workspaceId, productId },
        });
      }
    } catch (error) {
      if (!uniqueViolationFields(error)) throw error;
      throw new ProductConflictError(
        'variants.externalId',
        input.externalId ?? null,
        `Variant externalId "${input.externalId}" belongs to another product (variants.${position}).`,
      );
    }
  }
}

/**
 * Pairs each input with an existing variant: by id, then externalId, then sku,
 * then title. An id that is not this product's is an error rather than a new
 * variant, so a typo cannot silently duplicate stock.
 */
function matchVariants(existing: Variant[], inputs: VariantInput[]): Array<Variant | undefined> {
  const free = new Set(existing);
  const take = (predicate: (variant: Variant) => boolean) => {
    const found = [...free].find(predicate);
    if (found) free.delete(found);
    return found;
  };
  const matches: Array<Variant | undefined> = inputs.map((input, index) => {
    if (!input.id) return undefined;
    const found = take((variant) => variant.id === input.id);
    if (!found)
      throw new InvalidProductWriteError(
        `Variant ${input.id} is not a variant of this product.`,
        `variants.${index}.id`,
      );
    return found;
  });
  const passes: Array<(input: VariantInput) => ((variant: Variant) => boolean) | undefined> = [
    (input) => (input.externalId ? (variant) => variant.externalId === input.externalId : undefined),
    (input) => (input.sku ? (variant) => variant.sku === input.sku : undefined),
    (input) => (input.title ? (variant) => variant.title === input.title : undefined),
  ];
  for (const pass of passes) {
    for (const [index, input] of inputs.entries()) {
      const predicate = matches[index] ? undefined : pass(input);
      if (predicate) matches[index] = take(predicate);
    }
  }
  return matches;
}

async function refreshMinPrice(tx: Tx, workspaceId: string, productId: string): Promise<ProductWithVariants> {
  const prices = await tx.variant.aggregate({ where: { workspaceId, productId }, _min: { priceCents: true } });
  return tx.product.update({
    where: { id: productId },
    data: { minPriceCents: prices._min.priceCents },
    include: withVariants,
  });
}

export async function findProductIdBy(
  prisma: PrismaClient,
  workspaceId: string,
  where: { externalId: string } | { handle: string },
): Promise<{ id: string; externalId: string | null } | null> {
  return prisma.product.findFirst({ where: { workspaceId, ...where }, select: { id: true, externalId: true } });
}

/** `base`, or `base-2`, `base-3` … — the first handle no product of the workspace has. */
export async function findFreeHandle(prisma: PrismaClient, workspaceId: string, base: string): Promise<string> {
  const taken = await prisma.product.findMany({
    where: { workspaceId, handle: { startsWith: base } },
    select: { handle: true },
  });
  const handles = new Set(taken.map((product) => product.handle));
  if (!handles.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    if (!handles.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }
}

/** Product-level unique violations (variants map their own) as conflicts naming the field. */
async function runWrite<T>(
  input: { externalId?: string | null; handle?: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const fields = uniqueViolationFields(error);
    if (!fields) throw error;
    if (fields.includes('handle')) throw new ProductConflictError('handle', input.handle ?? null);
    throw new ProductConflictError('externalId', input.externalId ?? null);
  }
}

/**
 * The columns of a violated unique index, from either error shape Prisma
 * produces (`meta.target` from its engines, the driver adapter's parsed
 * PostgreSQL detail otherwise); null for any other error.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  const { code, meta } = (error ?? {}) as { code?: string; meta?: Record<string, unknown> };
  if (code !== 'P2002') return null;
  const adapterFields = (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)
    ?.cause?.constraint?.fields;
  const target = meta?.target;
  const fields = adapterFields ?? (Array.isArray(target) ? target : typeof target === 'string' ? [target] : []);
  return fields.map((field) => String(field).replaceAll('"', ''));
}
