import type { PrismaClient } from '@prisma/client';
import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from '../../../platform/logger';
import type { RateLimiter } from '../../../platform/rate-limit';
import { HttpError } from '../errors';
import { readPrincipal, withApiKey } from './api-auth';
import type { ApiResult, ApiRoute } from './api-route';
import { errorBodySchema } from './common.wire';
import { runIdempotently } from './idempotency';

/**
 * Serves one declared route: API key and scope first (before the body is
 * read), then the size-limited JSON body, then parsing with the route's
 * schemas, then the handler — through the idempotency store when the client
 * sent an Idempotency-Key.
 */
export interface RouteDeps {
  prisma: PrismaClient;
  log: Logger;
  now: () => Date;
  rateLimiter?: RateLimiter;
  perMinute: number;
  /** Check each answer against its documented schema, so the document cannot lie (tests turn this on). */
  validateResponses: boolean;
}

const requireJsonBody: RequestHandler = (request, _response, next) => {
  if (!request.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send a JSON body with `Content-Type: application/json`.');
  }
  next();
};

export function mountRoute(router: Router, route: ApiRoute, deps: RouteDeps): void {
  const steps: RequestHandler[] = [withApiKey(deps, route.scope)];
  if (route.body) steps.push(requireJsonBody, express.json({ limit: route.bodyLimit ?? '100kb' }));
  steps.push(async (request, response) => {
    const principal = readPrincipal(response);
    const params = route.params ? route.params.parse(request.params) : {};
    const query = route.query ? route.query.parse(request.query) : {};
    const body = route.body ? route.body.parse(request.body) : undefined;
    const execute = async () => {
      const result = await route.handle({ principal, params, query, body, prisma: deps.prisma });
      if (deps.validateResponses) checkResponse(route, result);
      return result;
    };
    response.set('Cache-Control', 'no-store');
    const key = route.idempotent ? request.get('idempotency-key') : undefined;
    if (key === undefined) {
      const result = await execute();
      response.status(result.status).json(result.body);
      return;
    }
    const result = await runIdempotently(
      deps,
      {
        workspaceId: principal.workspaceId,
        key,
        method: request.method,
        path: request.baseUrl + request.path,
        body: request.body,
      },
      execute,
    );
    if (result.replayed) response.set('Idempotent-Replayed', 'true');
    response.status(result.status).type('application/json').send(result.json);
  });
  router[route.method](route.path, ...steps);
}

function checkResponse(route: ApiRoute, result: ApiResult): void {
  const schema = route.responses[result.status]?.schema ?? (result.status >= 400 ? errorBodySchema : undefined);
  const checked = schema?.safeParse(result.body);
  if (!checked?.success) {
    const problem = checked ? checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) : [];
    throw new Error(
      `${route.operationId} answered ${result.status}, which its documentation does not describe ${problem.join('; ')}`,
    );
  }
}
