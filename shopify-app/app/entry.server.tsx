import { PassThrough } from 'node:stream';
import { type AppLoadContext, createReadableStreamFromReadable, type EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { shopifyFor } from './shopify.server';

const renderTimeoutMs = 5_000;
export const streamTimeout = renderTimeoutMs;

/**
 * Renders the whole page before sending it, with the headers Shopify's
 * library sets for an embedded document: the Content-Security-Policy that
 * lets the shop's admin (and only it) frame the app.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  shopifyFor(loadContext).addDocumentResponseHeaders(request, responseHeaders);
  // A document without ?shop (the login page, a reload outside the admin) still may only be framed by Shopify.
  if (!responseHeaders.has('Content-Security-Policy')) {
    responseHeaders.set('Content-Security-Policy', 'frame-ancestors https://admin.shopify.com https://*.myshopify.com');
  }
  responseHeaders.set('X-Content-Type-Options', 'nosniff');
  return new Promise<Response>((resolve, reject) => {
    let statusCode = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={renderTimeoutMs} />,
      {
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
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
