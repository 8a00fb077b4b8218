import type { PrismaClient } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/logger';
import { apiRouteList, apiRoutes } from './index';
import { buildOpenApiDocument } from './openapi';
import { checkOpenApiDocument, resolve } from './openapi-check';

const document = buildOpenApiDocument(apiRouteList);

describe('the OpenAPI document', () => {
  it('is a well-formed OpenAPI 3.1 document whose every reference resolves', () => {
    expect(checkOpenApiDocument(document)).toEqual([]);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('lists exactly the routes the router serves, with their scopes', () => {
    const router = apiRoutes({ prisma: {} as PrismaClient, log: createLogger({ level: 'silent' }) });
    const served = router.stack
      .flatMap((layer) => {
        const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
        return route ? Object.keys(route.methods).map((method) => `${method} ${route.path}`) : [];
      })
      .filter((entry) => entry.includes('/api/v1/'))
      .map((entry) => entry.replace(/:([a-z]+)/gi, '{$1}'))
      .sort();
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    expect(served).toHaveLength(apiRouteList.length);
    for (const route of apiRouteList) {
      const operation = document.paths[route.path.replace(':id', '{id}')]?.[route.method];
      expect(operation?.security).toEqual([{ apiKey: [route.scope] }]);
    }
  });

  it('gives every operation schemas for its body and answers, errors included, and uses every component', () => {
    const referenced = new Set(JSON.stringify(document).match(/#\/components\/schemas\/[A-Za-z]+/g));
    for (const name of Object.keys(document.components.schemas)) {
      expect(referenced.has(`#/components/schemas/${name}`), name).toBe(true);
    }
    for (const route of apiRouteList) {
      const operation = document.paths[route.path.replace(':id', '{id}')]?.[route.method] as {
        requestBody?: { content: Record<string, { schema: { $ref: string } }> };
        responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
      };
      const statuses = Object.keys(operation.responses);
      expect(statuses).toEqual(expect.arrayContaining(['400', '401', '403']));
      if (route.params) expect(statuses).toContain('404');
      if (route.idempotent) expect(statuses).toEqual(expect.arrayContaining(['409', '422']));
      const schemas = [
        ...(operation.requestBody ? [operation.requestBody.content['application/json']?.schema] : []),
        ...Object.values(operation.responses).flatMap((response) =>
          Object.values(response.content).map((media) => media.schema),
        ),
      ];
      for (const schema of schemas)
        expect(resolve(document as never, schema?.$ref as string), route.operationId).toBeTypeOf('object');
    }
  });

  it('documents bulk rows with the schema the services validate them with', () => {
    const bulk = document.components.schemas.BulkUpsertProductsRequest as {
      properties: { products: { items: unknown } };
    };
    expect(bulk.properties.products.items).toEqual({ $ref: '#/components/schemas/ProductUpsert' });
    expect(document.components.schemas.ProductCreate).toMatchObject({ required: ['title', 'variants'] });
  });
});

describe('checkOpenApiDocument', () => {
  it('finds a dangling reference, an undeclared path parameter and a repeated operationId', () => {
    const broken = structuredClone(document) as unknown as {
      paths: Record<
        string,
        Record<string, { operationId: string; parameters: unknown[]; responses: Record<string, unknown> }>
      >;
    };
    const products = broken.paths['/api/v1/products'];
    const product = broken.paths['/api/v1/products/{id}'];
    if (!products?.get || !product?.get) throw new Error('fixture paths missing');
    products.get.responses['200'] = {
      description: 'x',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
    };
    product.get.parameters = [];
    product.get.operationId = 'listProducts';
    const problems = checkOpenApiDocument(broken);
    expect(problems.join('\n')).toMatch(/Nope resolves to nothing/);
    expect(problems.join('\n')).toMatch(/\{id\} is not declared/);
    expect(problems.join('\n')).toMatch(/operationId missing or repeated/);
  });
});
