import { z } from 'zod';
import {
  productCreateSchema,
  productUpdateSchema,
  productUpsertSchema,
  variantInputSchema,
} from '../../../modules/catalog';
import { contactUpsertSchema } from '../../../modules/contacts';
import { orderLineInputSchema, orderUpsertSchema } from '../../../modules/orders';
import type { ApiRoute, ApiTag } from './api-route';
import { bulkResultSchema, bulkRowResultSchema, errorBodySchema } from './common.wire';
import { contactWireSchema } from './contact.wire';
import { conversationDetailWireSchema, conversationWireSchema, messageWireSchema } from './conversation.wire';
import { productWireSchema, variantWireSchema } from './product.wire';

/**
 * The OpenAPI 3.1 document, built from the routes' own zod schemas (zod's
 * JSON Schema 2020-12 output, which OpenAPI 3.1 uses as is). Request bodies
 * are converted as input (defaults make fields optional), responses as
 * output. Shared shapes become components; the rest are named after their
 * operation.
 */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.1';
  info: { title: string; version: string; description: string };
  tags: Array<{ name: ApiTag; description: string }>;
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

const requestComponents: Array<[z.ZodType, string]> = [
  [productCreateSchema, 'ProductCreate'],
  [productUpdateSchema, 'ProductUpdate'],
  [productUpsertSchema, 'ProductUpsert'],
  [variantInputSchema, 'VariantInput'],
  [orderUpsertSchema, 'OrderUpsert'],
  [orderLineInputSchema, 'OrderLineInput'],
  [contactUpsertSchema, 'ContactUpsert'],
];

const responseComponents: Array<[z.ZodType, string]> = [
  [productWireSchema, 'Product'],
  [variantWireSchema, 'Variant'],
  [contactWireSchema, 'Contact'],
  [conversationWireSchema, 'Conversation'],
  [conversationDetailWireSchema, 'ConversationWithMessages'],
  [messageWireSchema, 'Message'],
  [bulkResultSchema, 'BulkResult'],
  [bulkRowResultSchema, 'BulkRowResult'],
  [errorBodySchema, 'Error'],
];

const tags: OpenApiDocument['tags'] = [
  { name: 'Products', description: 'Your catalog: what the assistant recommends and answers from.' },
  { name: 'Orders', description: 'Orders from your store: they feed demand forecasts and attribution.' },
  { name: 'Contacts', description: 'People your store knows by email: leads, buyers, subscribers.' },
  { name: 'Conversations', description: 'Shoppers’ chats with the assistant and your team (read-only).' },
  {
    name: 'Content',
    description: 'The AI content studio: generate product copy in bulk, review it, and take the approved pieces away.',
  },
];

const description = `The REST API for your own systems: load your catalog and orders, keep contacts in sync, read conversations, and drive the content studio.

## Authentication
Create an API key under Settings → API keys and send it with every request as \`Authorization: Bearer sk_live_…\`. A key belongs to one workspace, and every request acts on that workspace only. Each operation needs one scope (products:read, products:write, orders:write, contacts:read, contacts:write, conversations:read, content:read, content:write); a key without it gets 403 \`missing_scope\`. A missing, unknown or revoked key gets 401.

## Pagination
Lists return \`{ "data": [...], "nextCursor": "…" }\`, oldest first, \`limit\` rows per page (1–100, default 25). Pass \`nextCursor\` as \`cursor\` for the next page; it is null on the last one. Pages never repeat or skip a row, even while rows are being added.

## Idempotency
Writes accept an \`Idempotency-Key\` header (up to 255 visible ASCII characters; a UUID is ideal). Retrying with the same key and the same body returns the first answer (same status and body, with \`Idempotent-Replayed: true\`) without writing again; the same key with a different body gets 422 \`idempotency_key_reused\`; a retry while the first request still runs gets 409 \`idempotency_key_in_use\`. Keys are kept for 24 hours per workspace.

## Errors
Every error has the body \`{ "error": { "code": "…", "message": "…", "details": … } }\`. \`code\` is stable; \`message\` is for people. Validation errors (400 \`invalid_request\`) list each problem in \`details\` as \`{ path, message }\`. Bodies are limited to 100 KB (5 MB for bulk operations); larger ones get 413.

## Money and time
Prices are integers in minor units (\`priceCents: 12900\` is 129.00). AI costs are integers in micro-dollars (\`costMicroUsd: 352\` is $0.000352). Times are ISO 8601 in UTC.`;

const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export function buildOpenApiDocument(routes: ApiRoute[]): OpenApiDocument {
  const requests = z.registry<{ id: string }>();
  const responses = z.registry<{ id: string }>();
  for (const [schema, id] of requestComponents) requests.add(schema, { id });
  for (const [schema, id] of responseComponents) responses.add(schema, { id });
  for (const route of routes) {
    if (route.body && !requests.has(route.body))
      requests.add(route.body, { id: `${pascal(route.operationId)}Request` });
    for (const [status, response] of Object.entries(route.responses)) {
      const id = `${pascal(route.operationId)}Response${Object.keys(route.responses).length > 1 ? status : ''}`;
      if (!responses.has(response.schema)) responses.add(response.schema, { id });
    }
  }
  const idOf = (registry: typeof requests, schema: z.ZodType) => (registry.get(schema) as { id: string }).id;

  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    (paths[path] as Record<string, JsonSchema>)[route.method] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      security: [{ apiKey: [route.scope] }],
      'x-required-scope': route.scope,
      parameters: [
        ...toParameters(route.params, 'path'),
        ...toParameters(route.query, 'query'),
        ...(route.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaRef(idOf(requests, route.body)) } },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, response]) => [
            status,
            {
              description: response.description,
              ...(route.idempotent ? { headers: { 'Idempotent-Replayed': replayedHeader } } : {}),
              content: {
                [response.mediaType ?? 'application/json']: { schema: schemaRef(idOf(responses, response.schema)) },
              },
            },
          ]),
        ),
        ...Object.fromEntries(
          Object.entries(listErrors(route)).map(([status, text]) => [
            status,
            { description: text, content: { 'application/json': { schema: schemaRef('Error') } } },
          ]),
        ),
      },
    };
  }

  return {
    openapi: '3.1.1',
    info: { title: 'Closer REST API', version: '1.0.0', description },
    tags,
    paths,
    components: {
      schemas: { ...convertRegistry(requests, 'input'), ...convertRegistry(responses, 'output') },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Makes retrying this write safe: a repeat with the same key and body returns the first answer.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'sk_live_…',
          description: 'A workspace API key. The scopes listed on an operation are the ones the key needs.',
        },
      },
    },
  };
}

const replayedHeader = {
  description: '"true" when this is the stored answer to an earlier request with the same Idempotency-Key.',
  schema: { type: 'string', enum: ['true'] },
};

function listErrors(route: ApiRoute): Record<string, string> {
  const errors: Record<string, string> = {
    400: 'A parameter or the body is invalid; `details` lists each problem.',
    401: 'No API key, or an unknown or revoked one.',
    403: `The API key lacks the ${route.scope} scope.`,
    429: 'Too many requests with this API key; wait for Retry-After seconds.',
  };
  if (route.body) {
    errors[413] = `The body is larger than ${describeSize(route.bodyLimit ?? '100kb')}.`;
    errors[415] = 'The body is not JSON.';
  }
  if (route.idempotent) {
    errors[409] = 'A request with this Idempotency-Key is still running.';
    errors[422] = 'This Idempotency-Key was used with a different request.';
  }
  for (const [status, text] of Object.entries(route.errors ?? {})) {
    errors[status] = errors[status] ? `${text} Or: ${errors[status]}` : (text as string);
  }
  return errors;
}

/** body-parser's "100kb" as people write it: "100 KB". */
function describeSize(limit: string): string {
  return limit.replace(/^(\d+)\s*(kb|mb)$/i, (_match, size: string, unit: string) => `${size} ${unit.toUpperCase()}`);
}

function toParameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description: text, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(text ? { description: text } : {}),
      schema: rest,
    };
  });
}

/** zod's JSON Schema, less what is noise for readers; responses stay open to fields we add later. */
function conversionFor(io: 'input' | 'output') {
  return {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io,
    override: ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
      // int's ±2^53 bounds, and the regex behind a named format (uuid, email, date-time).
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
      if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  } as const;
}

function convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, conversionFor(io));
  return json;
}

function convertRegistry(registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output') {
  const { schemas } = z.toJSONSchema(registry, { ...conversionFor(io), uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}
