import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';

const renderTimeoutMs = 5_000;
export const streamTimeout = renderTimeoutMs;

/**
 * Renders the whole page before sending it (the admin has no slow streamed
 * parts worth a partial shell), with the headers every admin page carries.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  return new Promise<Response>((resolve, reject) => {
    let statusCode = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={renderTimeoutMs} />,
      {
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          // The assistant preview frames our own pages; nobody else may frame the admin.
          responseHeaders.set('Content-Security-Policy', "frame-ancestors 'self'");
          responseHeaders.set('X-Content-Type-Options', 'nosniff');
          responseHeaders.set('Referrer-Policy', 'same-origin');
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: statusCode }),
          );
          pipe(body);
        },
        onShellError: reject,
        onError(error) {
          statusCode = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, renderTimeoutMs + 1_000);
  });
}
