import type { PrismaClient } from '@prisma/client';
import type { z } from 'zod';
import type { AiEngine } from '../../../ai';
import type { ApiKeyPrincipal, ApiKeyScope } from '../../../modules/tenancy';
import type { Jobs } from '../../../platform/jobs/jobs';

/**
 * One REST API operation, declared once: the router serves it from this
 * declaration and the OpenAPI document describes it from the same schemas, so
 * the two cannot drift. A handler receives input already parsed and the
 * workspace from the API key (never from the URL or body), calls one service,
 * and returns a status and a JSON body.
 */
export interface ApiContext<Params, Query, Body> {
  principal: ApiKeyPrincipal;
  params: Params;
  query: Query;
  body: Body;
  prisma: PrismaClient;
  /** For operations that start background work; absent where the API is mounted without jobs (docs, tests). */
  jobs?: Pick<Jobs, 'insertInTransaction'>;
  ai?: Pick<AiEngine, 'plan'>;
}

export interface ApiResult {
  status: number;
  body: unknown;
  /** A streamed answer (CSV) instead of `body`, sent in the response's documented media type. */
  stream?: { chunks: AsyncIterable<string>; filename: string };
}

export interface ApiResponseSpec {
  description: string;
  schema: z.ZodType;
  /** `application/json` unless said; other types are streamed from `ApiResult.stream`. */
  mediaType?: string;
}

export type ApiTag = 'Products' | 'Orders' | 'Contacts' | 'Conversations' | 'Content';

export interface ApiRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: 'get' | 'post' | 'patch';
  /** Express syntax (`/api/v1/products/:id`); the document shows `{id}`. */
  path: string;
  tag: ApiTag;
  summary: string;
  description?: string;
  scope: ApiKeyScope;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Largest JSON body accepted (body-parser syntax); 100kb unless said. */
  bodyLimit?: string;
  /** Honours the Idempotency-Key header (writes). */
  idempotent?: boolean;
  responses: Record<number, ApiResponseSpec>;
  /** Error statuses this operation returns besides the ones every operation may (400, 401, 403, 429, …). */
  errors?: Partial<Record<number, string>>;
  handle(context: ApiContext<z.output<Params>, z.output<Query>, z.output<Body>>): Promise<ApiResult>;
}

/** Keeps a route's handler typed by its own schemas while the route lists hold plain `ApiRoute`s. */
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
>(route: ApiRoute<Params, Query, Body>): ApiRoute {
  return route as unknown as ApiRoute;
}
