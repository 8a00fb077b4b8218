import type { PrismaClient } from '@prisma/client';
import { type RequestHandler, Router } from 'express';
import { describeStorefrontEmbed, StorefrontNotFoundError } from '../../../modules/conversations';
import {
  type AppProxyIdentity,
  type AppProxyQuery,
  AppProxySignatureError,
  verifyAppProxySignature,
} from '../../../modules/shopify';
import { HttpError } from '../errors';

export interface AppProxyRoutesOptions {
  prisma: PrismaClient;
  /** The app's API secret key (SHOPIFY_API_SECRET): Shopify signs proxied requests with it. */
  apiSecret: string;
  /** CLOSER_SECRET: signs the customer tokens handed to the widget. */
  secret: string;
  /** This server's public URL, where the storefront loads the widget from (the proxy cannot carry its socket). */
  appUrl: string;
  now?: () => Date;
}

const singleValueParameters = ['shop', 'logged_in_customer_id', 'path_prefix', 'timestamp', 'signature'];

const refusals: Record<AppProxySignatureError['reason'], string> = {
  missing_signature: 'This address answers only requests Shopify forwards through the app proxy (no signature).',
  invalid_signature: 'The app proxy signature does not match.',
  stale: 'The app proxy request is too old (its timestamp is more than 5 minutes off); reload the page.',
  invalid_shop: 'The app proxy request names no *.myshopify.com shop.',
};

/**
 * `/apps/closer/*`: what Shopify forwards from `https://<shop>/apps/closer/*`
 * (shopify.app.toml → [app_proxy]). Every request must carry Shopify's
 * signature; only then are `shop` and `logged_in_customer_id` believed.
 * Answers are per shopper, so nothing here may be cached.
 */
export function appProxyRoutes(options: AppProxyRoutesOptions): Router {
  const router = Router();
  const now = options.now ?? (() => new Date());

  const verify: RequestHandler = (request, response, next) => {
    response.set('Cache-Control', 'private, no-store');
    try {
      const query = readRawQuery(request.originalUrl);
      // Shopify appends these to whatever query the shopper typed, so a typed `?logged_in_customer_id=…`
      // would arrive twice under a valid signature: a repeated one is never believed.
      const repeated = singleValueParameters.find((name) => Array.isArray(query[name]));
      if (repeated) throw new HttpError(401, 'invalid_signature', `The query parameter "${repeated}" appears twice.`);
      response.locals.appProxy = verifyAppProxySignature(query, options.apiSecret, { now: now() });
      next();
    } catch (error) {
      if (!(error instanceof AppProxySignatureError)) return next(error);
      next(
        new HttpError(401, error.reason === 'stale' ? 'stale_signature' : 'invalid_signature', refusals[error.reason]),
      );
    }
  };
  router.use('/apps/closer', verify);

  /** The app embed's first call on every storefront page: which widget to load, and who is signed in. */
  router.get('/apps/closer/config', async (_request, response, next) => {
    try {
      const identity = response.locals.appProxy as AppProxyIdentity;
      const embed = await describeStorefrontEmbed({ prisma: options.prisma, secret: options.secret, now }, identity);
      response.json({
        widgetKey: embed.widgetKey,
        loaderUrl: new URL('/widget/loader.js', options.appUrl).href,
        ...(embed.customer
          ? { customerToken: embed.customer.token, customerTokenExpiresAt: embed.customer.expiresAt.toISOString() }
          : {}),
      });
    } catch (error) {
      next(error instanceof StorefrontNotFoundError ? new HttpError(404, 'shop_not_found', error.message) : error);
    }
  });
  return router;
}

/**
 * The query exactly as Shopify signed it. Express's parser would turn
 * `a[b]=1` into objects and drop what the signature covers; repeated keys
 * become arrays, which the signature joins with commas.
 */
function readRawQuery(url: string): AppProxyQuery {
  const query = new Map<string, string | string[]>();
  const start = url.indexOf('?');
  for (const [key, value] of new URLSearchParams(start === -1 ? '' : url.slice(start + 1))) {
    const seen = query.get(key);
    query.set(key, seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]);
  }
  return Object.fromEntries(query);
}
