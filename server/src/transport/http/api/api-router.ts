import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PrismaClient } from '@prisma/client';
import express, { type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from '../../../platform/logger';
import type { RateLimiter } from '../../../platform/rate-limit';
import { HttpError } from '../errors';
import { readPrincipal, withApiKey } from './api-auth';
import type { ApiContext, ApiResult, ApiRoute } from './api-route';
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
  jobs?: ApiContext<unknown, unknown, unknown>['jobs'];
  ai?: ApiContext<unknown, unknown, unknown>['ai'];
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
      const result = await route.handle({
        principal,
        params,
        query,
        body,
        prisma: deps.prisma,
        jobs: deps.jobs,
        ai: deps.ai,
      });
      if (deps.validateResponses) checkResponse(route, result);
      return result;
    };
    response.set('Cache-Control', 'no-store');
    const key = route.idempotent ? request.get('idempotency-key') : undefined;
    if (key === undefined) {
      const result = await execute();
      if (result.stream) await sendStream(response, route, result, deps.log);
      else response.status(result.status).json(result.body);
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

/**
 * A streamed answer (a CSV export of 10,000 products) goes out as it is read.
 * The first chunk is read before anything is sent, so a failure there is still
 * an ordinary error answer. After that an error can no longer become an error
 * body: the connection is cut, and the client sees an incomplete download
 * rather than a file that looks whole.
 */
async function sendStream(response: Response, route: ApiRoute, result: ApiResult, log: Logger): Promise<void> {
  const stream = result.stream as NonNullable<ApiResult['stream']>;
  const chunks = stream.chunks[Symbol.asyncIterator]();
  const first = await chunks.next();
  const mediaType = route.responses[result.status]?.mediaType ?? 'application/octet-stream';
  response.status(result.status).type(mediaType).attachment(stream.filename);
  async function* all() {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    } finally {
      // A client that hung up ends the source too, so it stops reading the database.
      await chunks.return?.();
    }
  }
  try {
    await pipeline(Readable.from(all()), response);
  } catch (error) {
    if (response.writableFinished || (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    log.error({ err: error, operationId: route.operationId }, 'REST API stream failed midway');
  }
}

function checkResponse(route: ApiRoute, result: ApiResult): void {
  if (result.stream) {
    // A stream's schema is its media type; what matters is that the operation documents it.
    const spec = route.responses[result.status];
    if (!spec?.mediaType || spec.mediaType === 'application/json') {
      throw new Error(`${route.operationId} streamed a ${result.status} answer its documentation does not describe`);
    }
    return;
  }
  const schema = route.responses[result.status]?.schema ?? (result.status >= 400 ? errorBodySchema : undefined);
  const checked = schema?.safeParse(result.body);
  if (!checked?.success) {
    const problem = checked ? checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) : [];
    throw new Error(
      `${route.operationId} answered ${result.status}, which its documentation does not describe ${problem.join('; ')}`,
    );
  }
}
