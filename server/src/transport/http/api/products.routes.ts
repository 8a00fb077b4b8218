import { z } from 'zod';
import {
  bulkUpsertProducts,
  createProduct,
  getProduct,
  listProducts,
  productCreateSchema,
  productUpdateSchema,
  productUpsertSchema,
  productWriteLimits,
  updateProduct,
} from '../../../modules/catalog';
import { defineRoute } from './api-route';
import { bulkResultSchema, idParamsSchema, pageOf, rowsOf, toBulkResult } from './common.wire';
import { decodeCursor, pageQuerySchema, toPage } from './cursor';
import { productWireSchema, toProductWire } from './product.wire';

const productListQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Narrows the list (same order): words in the title, tags, category or description, part of the title, or an exact handle, externalId or SKU.',
    ),
  status: z.enum(['active', 'draft', 'archived']).optional(),
});

export const productBulkBodySchema = z.strictObject({
  products: rowsOf(productUpsertSchema, productWriteLimits.bulkRows),
});

export const productRoutes = [
  defineRoute({
    operationId: 'listProducts',
    method: 'get',
    path: '/api/v1/products',
    tag: 'Products',
    summary: 'List products',
    description: 'Every product, drafts and archived included, oldest first.',
    scope: 'products:read',
    query: productListQuerySchema,
    responses: { 200: { description: 'A page of products.', schema: pageOf(productWireSchema) } },
    async handle({ prisma, principal, query }) {
      const page = await listProducts(prisma, principal.workspaceId, {
        limit: query.limit,
        after: decodeCursor(query.cursor),
        query: query.q,
        status: query.status,
      });
      return { status: 200, body: toPage(page, toProductWire) };
    },
  }),
  defineRoute({
    operationId: 'getProduct',
    method: 'get',
    path: '/api/v1/products/:id',
    tag: 'Products',
    summary: 'Get a product',
    scope: 'products:read',
    params: idParamsSchema,
    responses: { 200: { description: 'The product with its variants.', schema: productWireSchema } },
    errors: { 404: 'No product with this id in your workspace.' },
    async handle({ prisma, principal, params }) {
      const product = await getProduct(prisma, principal.workspaceId, params.id, { includeInactive: true });
      return { status: 200, body: toProductWire(product) };
    },
  }),
  defineRoute({
    operationId: 'createProduct',
    method: 'post',
    path: '/api/v1/products',
    tag: 'Products',
    summary: 'Create a product',
    description: 'With at least one variant. The handle is derived from the title when absent.',
    scope: 'products:write',
    body: productCreateSchema,
    idempotent: true,
    responses: { 201: { description: 'The new product.', schema: productWireSchema } },
    errors: { 409: 'Another product has this externalId or handle.' },
    async handle({ prisma, principal, body }) {
      const product = await createProduct(prisma, principal.workspaceId, body);
      return { status: 201, body: toProductWire(product) };
    },
  }),
  defineRoute({
    operationId: 'updateProduct',
    method: 'patch',
    path: '/api/v1/products/:id',
    tag: 'Products',
    summary: 'Update a product',
    description:
      'Changes only the fields sent; null clears a clearable field. `variants`, when sent, replace the variants: ones matched by id, externalId, SKU or title keep their ids, the rest are removed.',
    scope: 'products:write',
    params: idParamsSchema,
    body: productUpdateSchema,
    idempotent: true,
    responses: { 200: { description: 'The product as it is now.', schema: productWireSchema } },
    errors: {
      404: 'No product with this id in your workspace.',
      409: 'Another product has this externalId or handle.',
      422: 'A variant id that is not this product’s.',
    },
    async handle({ prisma, principal, params, body }) {
      const product = await updateProduct(prisma, principal.workspaceId, params.id, body);
      return { status: 200, body: toProductWire(product) };
    },
  }),
  defineRoute({
    operationId: 'bulkUpsertProducts',
    method: 'post',
    path: '/api/v1/products/bulk',
    tag: 'Products',
    summary: 'Create or update products in bulk',
    description: `Up to ${productWriteLimits.bulkRows} rows. Each row is matched by externalId, then handle, and updated (only the fields sent) or created (it then needs variants). Rows are independent: good rows are kept and each bad row is reported with its index and the reason; the response is 200 either way.`,
    scope: 'products:write',
    body: productBulkBodySchema,
    bodyLimit: '5mb',
    idempotent: true,
    responses: { 200: { description: 'One result per row.', schema: bulkResultSchema } },
    async handle({ prisma, principal, body }) {
      const results = await bulkUpsertProducts(prisma, principal.workspaceId, body.products);
      return { status: 200, body: toBulkResult(results) };
    },
  }),
];
