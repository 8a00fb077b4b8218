import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import type { AiEngine } from '../../../ai';
import type { Jobs } from '../../../platform/jobs/jobs';
import type { Logger } from '../../../platform/logger';
import { createRateLimiter } from '../../../platform/rate-limit';
import { apiErrorHandler, apiNotFound } from './api-errors';
import type { ApiRoute } from './api-route';
import { mountRoute } from './api-router';
import { contactRoutes } from './contacts.routes';
import { contentRoutes } from './content.routes';
import { conversationRoutes } from './conversations.routes';
import { renderDocsPage } from './docs.page';
import { buildOpenApiDocument } from './openapi';
import { orderRoutes } from './orders.routes';
import { productRoutes } from './products.routes';

/**
 * The REST API for teams' own systems: `/api/v1/…` with workspace API keys,
 * its OpenAPI document at `/api/openapi.json` and a reference page at
 * `/api/docs`. Mount it before the app's own `express.json()`, so each route's
 * body limit (100 KB, 5 MB for bulk) is the one that applies.
 */
export const apiRouteList: ApiRoute[] = [
  ...productRoutes,
  ...orderRoutes,
  ...contactRoutes,
  ...conversationRoutes,
  ...contentRoutes,
];

export interface ApiRoutesOptions {
  prisma: PrismaClient;
  log: Logger;
  /** For starting content runs; without them those operations answer 503. */
  jobs?: Pick<Jobs, 'insertInTransaction'>;
  ai?: Pick<AiEngine, 'plan'>;
  now?: () => Date;
  /** Requests a minute per API key (counted in PostgreSQL, across processes); 0 turns the limit off. */
  requestsPerMinute?: number;
  /** Check every answer against its documented schema (tests). */
  validateResponses?: boolean;
}

export function apiRoutes(options: ApiRoutesOptions): Router {
  const router = Router();
  const perMinute = options.requestsPerMinute ?? 600;
  const deps = {
    prisma: options.prisma,
    jobs: options.jobs,
    ai: options.ai,
    log: options.log,
    now: options.now ?? (() => new Date()),
    rateLimiter: perMinute > 0 ? createRateLimiter(options.prisma) : undefined,
    perMinute,
    validateResponses: options.validateResponses ?? false,
  };
  const document = buildOpenApiDocument(apiRouteList);
  const docsPage = renderDocsPage(document);
  router.get('/api/openapi.json', (_request, response) => {
    response.set('Cache-Control', 'public, max-age=300').json(document);
  });
  router.get('/api/docs', (_request, response) => {
    response
      .set({
        'Cache-Control': 'public, max-age=300',
        // The page is plain HTML and CSS: no script may run on it.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
      })
      .type('html')
      .send(docsPage);
  });
  for (const route of apiRouteList) mountRoute(router, route, deps);
  router.use('/api', apiNotFound);
  router.use('/api', apiErrorHandler(options.log));
  return router;
}

export { deleteExpiredIdempotencyRecords } from './idempotency.repo';
