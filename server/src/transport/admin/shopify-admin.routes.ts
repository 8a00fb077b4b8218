import fs from 'node:fs';
import path from 'node:path';
import { createRequest, sendResponse } from '@remix-run/node-fetch-server';
import { createRequestHandler, type ServerBuild } from '@remix-run/server-runtime';
import express, { type Request, type Router } from 'express';
import { type AdminLoadContext, refuseOversizedBodies } from './admin.routes';
import type { AdminServices } from './admin-services';
import type { ShopifyAdminServices } from './shopify-admin-services';

/** What the embedded app's loaders and actions receive (see shopify-app/app/lib/context.ts). */
export interface ShopifyAdminLoadContext extends AdminLoadContext {
  shopify: ShopifyAdminServices;
}

/** Where `remix vite:build` put the Shopify app; `CLOSER_SHOPIFY_BUILD_DIR` points elsewhere (parallel builds). */
export function shopifyAppBuildDir(repositoryRoot: string): string {
  const configured = process.env.CLOSER_SHOPIFY_BUILD_DIR;
  return path.resolve(repositoryRoot, 'shopify-app', configured || 'build');
}

/**
 * The scopes to ask for: `SCOPES` when the Shopify CLI runs us (it passes the
 * toml's), else `[access_scopes] scopes` from shopify.app.toml itself. With
 * Shopify-managed installation they only matter for the login fallback.
 */
export function readAppScopes(repositoryRoot: string, env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const listed = env.SCOPES ?? readTomlScopes(path.join(repositoryRoot, 'shopify.app.toml'));
  const scopes = listed
    ?.split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  return scopes?.length ? scopes : undefined;
}

function readTomlScopes(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const section = fs
    .readFileSync(file, 'utf8')
    .split(/^\[access_scopes\]\s*$/m)[1]
    ?.split(/^\[/m)[0];
  return section?.match(/^\s*scopes\s*=\s*"([^"]*)"/m)?.[1];
}

const uploadPaths = new Set(['/app/catalog', '/app/orders', '/app/contacts']);

function isUnderApp(request: Request): boolean {
  return request.path === '/app' || request.path.startsWith('/app/');
}

/**
 * Serves the embedded Shopify admin (Remix) at `/app`: its hashed assets, then
 * every request under `/app` through Remix with the shared admin services and
 * the Shopify app's own. Mounted before the portal (which owns `/`) and after
 * the webhook route, so `POST /app/webhooks` never reaches Remix.
 */
export function shopifyAdminRoutes(options: {
  build: ServerBuild;
  buildDir: string;
  services: AdminServices;
  shopify: ShopifyAdminServices;
}): Router {
  const router = express.Router();
  // The admin opens the app URL with ?shop&host&embedded; `shopify app dev` sets that URL to the
  // tunnel's root rather than to /app, so such a launch is sent on, query and all.
  router.get('/', (request, response, next) => {
    if (typeof request.query.shop !== 'string' || typeof request.query.host !== 'string') return next();
    response.redirect(302, `/app${new URL(request.originalUrl, 'http://closer.invalid').search}`);
  });
  const clientDir = path.join(options.buildDir, 'client');
  router.use('/app/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use('/app', express.static(clientDir, { maxAge: '1h', index: false, redirect: false }));
  const refuseOversized = refuseOversizedBodies(uploadPaths);
  router.use((request, response, next) => (isUnderApp(request) ? refuseOversized(request, response, next) : next()));
  const handle = createRequestHandler(options.build, 'production');
  router.use(async (request, response, next) => {
    if (!isUnderApp(request)) return next();
    try {
      const context: ShopifyAdminLoadContext = {
        closer: options.services,
        client: { ip: request.ip ?? null, secure: request.secure },
        shopify: options.shopify,
      };
      await sendResponse(response, await handle(createRequest(request, response), context as never));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
