import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequest, sendResponse } from '@remix-run/node-fetch-server';
import { createRequestHandler, type ServerBuild } from '@remix-run/server-runtime';
import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from '../../platform/logger';
import type { AdminServices } from './admin-services';

/** What every admin loader and action receives as `context` (see portal/app/lib/context.ts). */
export interface AdminLoadContext {
  closer: AdminServices;
  client: {
    /** The shopper-facing rule applies: X-Forwarded-For only from a loopback/private proxy. */
    ip: string | null;
    /** Whether the browser reached us over HTTPS (directly or through a trusted proxy). */
    secure: boolean;
  };
}

/** Where `remix vite:build` put the portal; `CLOSER_PORTAL_BUILD_DIR` points elsewhere (parallel builds in development). */
export function portalBuildDir(repositoryRoot: string): string {
  const configured = process.env.CLOSER_PORTAL_BUILD_DIR;
  return configured ? path.resolve(repositoryRoot, 'portal', configured) : path.join(repositoryRoot, 'portal', 'build');
}

export async function loadPortalBuild(buildDir: string): Promise<ServerBuild | undefined> {
  const entry = path.join(buildDir, 'server', 'index.js');
  if (!fs.existsSync(entry)) return undefined;
  return (await import(pathToFileURL(entry).href)) as ServerBuild;
}

/**
 * Serves the standalone admin (Remix) at `/`: its hashed assets with a year's
 * caching, then every other request through Remix with the server's services
 * in the load context. Mounted last, so the API, widget, demo and health
 * routes keep their paths.
 */
export function adminRoutes(options: {
  build: ServerBuild;
  buildDir: string;
  services: AdminServices;
  log: Logger;
}): Router {
  const router = express.Router();
  const clientDir = path.join(options.buildDir, 'client');
  router.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use(express.static(clientDir, { maxAge: '1h', index: false }));
  const handle = createRequestHandler(options.build, 'production');
  router.use(refuseOversizedBodies(portalUploadPaths));
  router.use(async (request, response, next) => {
    try {
      const context: AdminLoadContext = {
        closer: options.services,
        client: { ip: request.ip ?? null, secure: request.secure },
      };
      const fetchRequest = createRequest(request, response);
      await sendResponse(response, await handle(fetchRequest, context as never));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** Forms are small; only the import pages take files (a 50,000-product CSV is about 20 MB). */
const formBodyLimit = 1024 * 1024;
const uploadBodyLimit = 101 * 1024 * 1024;
const portalUploadPaths = new Set(['/catalog', '/orders', '/contacts']);

/**
 * Remix reads a whole form into memory before any action runs, so the size is
 * settled here, before anyone is even signed in: a body must declare its length
 * (browsers always do for forms; Node stops reading at the declared length) and
 * stay under the limit of its page. Both admin shells use it, each with its
 * own paths of the import pages.
 */
export function refuseOversizedBodies(uploadPaths: ReadonlySet<string>): RequestHandler {
  return (request, response, next) => {
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    const declared = request.headers['content-length'];
    if (declared === undefined) {
      if (request.headers['transfer-encoding'] === undefined) return next();
      response.status(411).type('text/plain').send('A form must be sent with a Content-Length.');
      return;
    }
    const limit = uploadPaths.has(request.path) ? uploadBodyLimit : formBodyLimit;
    if (Number(declared) > limit) {
      response
        .status(413)
        .type('text/plain')
        .send(`The form is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
      return;
    }
    next();
  };
}
