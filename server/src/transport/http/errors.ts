import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../../platform/logger';

/**
 * Domain errors carry an HTTP status; everything else is our fault (500) and
 * is logged, never shown. Every error body has the same shape:
 * `{ error: { code, message, details? } }`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFoundHandler: RequestHandler = (request, response) => {
  response
    .status(404)
    .json({ error: { code: 'not_found', message: `No route for ${request.method} ${request.path}` } });
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    if (error instanceof HttpError) {
      response
        .status(error.status)
        .json({ error: { code: error.code, message: error.message, details: error.details } });
      return;
    }
    if (error instanceof ZodError) {
      const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      response
        .status(400)
        .json({ error: { code: 'invalid_request', message: describeIssue(issues[0]), details: issues } });
      return;
    }
    // body-parser's own errors (malformed JSON, too large) carry a status and are the client's.
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      response.status(status).json({ error: { code: 'bad_request', message: (error as Error).message } });
      return;
    }
    log.error({ err: error }, 'unhandled request error');
    response.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  };
}

function describeIssue(issue: { path: string; message: string } | undefined): string {
  if (!issue) return 'Invalid request';
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}
