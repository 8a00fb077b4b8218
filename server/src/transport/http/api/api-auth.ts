import type { PrismaClient } from '@prisma/client';
import type { RequestHandler, Response } from 'express';
import { type ApiKeyPrincipal, type ApiKeyScope, authenticateApiKey } from '../../../modules/tenancy';
import type { RateLimiter } from '../../../platform/rate-limit';
import { HttpError } from '../errors';

/**
 * `Authorization: Bearer sk_live_…` → the key's workspace and scopes. Runs
 * before the body is read, so an unauthenticated client cannot make us parse
 * megabytes. Each route names the one scope it needs; the workspace comes only
 * from the key.
 */
export function withApiKey(
  deps: { prisma: PrismaClient; rateLimiter?: RateLimiter; perMinute: number },
  scope: ApiKeyScope,
): RequestHandler {
  return async (request, response, next) => {
    const header = request.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      response.set('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', 'Send your API key as `Authorization: Bearer sk_live_…`.');
    }
    const principal = await authenticateApiKey(deps.prisma, match[1]);
    if (!principal) {
      response.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new HttpError(401, 'invalid_api_key', 'This API key is unknown or has been revoked.');
    }
    if (!principal.scopes.includes(scope)) {
      throw new HttpError(403, 'missing_scope', `This API key lacks the "${scope}" scope.`, { requiredScope: scope });
    }
    if (deps.rateLimiter) {
      const { allowed, retryAfterMs } = await deps.rateLimiter.hit(`api:${principal.apiKeyId}`, deps.perMinute, 60);
      if (!allowed) {
        response.set('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
        throw new HttpError(429, 'rate_limited', `More than ${deps.perMinute} requests a minute with this API key.`);
      }
    }
    response.locals.apiPrincipal = principal;
    next();
  };
}

export function readPrincipal(response: Response): ApiKeyPrincipal {
  const principal = response.locals.apiPrincipal as ApiKeyPrincipal | undefined;
  // withApiKey runs first on every route; reaching here without it is a wiring bug.
  if (!principal) throw new Error('REST API route mounted without withApiKey');
  return principal;
}
