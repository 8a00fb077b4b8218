import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { InvalidProductWriteError, ProductConflictError, ProductNotFoundError } from '../../../modules/catalog';
import { ContactConflictError } from '../../../modules/contacts';
import {
  ContentBudgetError,
  ContentDraftNotFoundError,
  ContentRunNotFoundError,
  InvalidContentError,
  InvalidDraftTransitionError,
  NothingToGenerateError,
} from '../../../modules/content';
import { ConversationNotFoundError } from '../../../modules/conversations';
import type { Logger } from '../../../platform/logger';
import { HttpError } from '../errors';
import type { ApiResult } from './api-route';

/**
 * Domain errors to HTTP, in one place. Every error body is
 * `{ error: { code, message, details? } }`; anything not listed here is our
 * fault, logged and answered with a 500 that carries no stack or message.
 */
export function toErrorResponse(error: unknown): ApiResult | null {
  const answer = (status: number, code: string, message: string, details?: unknown): ApiResult => ({
    status,
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  });
  if (error instanceof HttpError) return answer(error.status, error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = details[0];
    const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid request';
    return answer(400, 'invalid_request', message, details);
  }
  if (error instanceof ProductNotFoundError) return answer(404, 'not_found', 'No such product.');
  if (error instanceof ConversationNotFoundError) return answer(404, 'not_found', 'No such conversation.');
  if (error instanceof ContentDraftNotFoundError) return answer(404, 'not_found', 'No such draft.');
  if (error instanceof ContentRunNotFoundError) return answer(404, 'not_found', 'No such content run.');
  if (error instanceof InvalidDraftTransitionError) return answer(error.status, 'invalid_transition', error.message);
  if (error instanceof InvalidContentError) return answer(error.status, 'invalid_content', error.message);
  if (error instanceof NothingToGenerateError) return answer(error.status, 'nothing_to_generate', error.message);
  if (error instanceof ContentBudgetError) return answer(error.status, 'budget_exceeded', error.message);
  if (error instanceof ProductConflictError) return answer(409, 'conflict', error.message, { field: error.field });
  if (error instanceof ContactConflictError) return answer(409, 'conflict', error.message, { field: 'externalId' });
  if (error instanceof InvalidProductWriteError) {
    return answer(422, 'invalid_product', error.message, [{ path: error.path, message: error.message }]);
  }
  return fromBodyParser(error, answer);
}

/** body-parser's errors carry a `type`; they are the client's, never ours. */
function fromBodyParser(error: unknown, answer: (status: number, code: string, message: string) => ApiResult) {
  const { type, limit } = (error ?? {}) as { type?: string; limit?: number };
  if (type === 'entity.too.large') return answer(413, 'payload_too_large', `The body is larger than ${limit} bytes.`);
  if (type === 'entity.parse.failed') return answer(400, 'invalid_json', 'The body is not valid JSON.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return answer(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
  }
  if (type === 'request.aborted' || type === 'request.size.invalid') {
    return answer(400, 'bad_request', 'The body did not arrive whole.');
  }
  return null;
}

export function apiErrorHandler(log: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const known = toErrorResponse(error);
    if (known) {
      response.status(known.status).json(known.body);
      return;
    }
    log.error({ err: error, method: request.method, path: request.path }, 'unhandled REST API error');
    response.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  };
}

export const apiNotFound: RequestHandler = (request, response) => {
  response.status(404).json({
    error: { code: 'not_found', message: `No API route for ${request.method} ${request.originalUrl.split('?')[0]}` },
  });
};
