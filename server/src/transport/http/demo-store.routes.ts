import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { findDemoAccess } from '../../../../prisma/seed/demo-store.seed';
import { widgetAuthSchema } from '../../modules/conversations';
import { findWidgetKey } from '../../modules/tenancy';
import { demoStoreCss, demoStoreJs } from './demo-store.assets';
import { type DemoProductView, renderDemoHome, renderDemoProduct } from './demo-store.view';
import { HttpError } from './errors';

/**
 * `/demo`: the demo workspace's catalog as a storefront, with the widget installed by script tag.
 * `?key=pk_…` installs another workspace's widget instead, so a team that has just signed up
 * can try its own assistant and inbox on a real-looking store before installing it anywhere.
 */
const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'";

export function demoStoreRoutes(prisma: PrismaClient): Router {
  const router = Router();
  router.get('/demo/assets/store.css', (_request, response) => {
    response.type('text/css').set('Cache-Control', 'public, max-age=3600').send(demoStoreCss);
  });
  router.get('/demo/assets/store.js', (_request, response) => {
    response.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(demoStoreJs);
  });

  router.get('/demo', async (request, response, next) => {
    try {
      const store = await loadDemoStore(prisma, request.query.key);
      const category = typeof request.query.category === 'string' ? request.query.category : undefined;
      const products = await prisma.product.findMany({
        where: { workspaceId: store.workspaceId, status: 'active', ...(category ? { category } : {}) },
        include: { variants: { orderBy: { position: 'asc' } } },
        orderBy: [{ category: 'asc' }, { title: 'asc' }],
        take: 24,
      });
      if (request.query.csp === 'strict') response.set('Content-Security-Policy', strictCsp);
      // `?widget=off` renders the same page without the widget, to measure what the widget costs.
      const widgetKey = request.query.widget === 'off' ? null : store.widgetKey;
      response
        .type('html')
        .send(renderDemoHome({ ...store, widgetKey, heading: category ?? 'Featured', products: products.map(toView) }));
    } catch (error) {
      next(error);
    }
  });

  router.get('/demo/products/:handle', async (request, response, next) => {
    try {
      const store = await loadDemoStore(prisma, request.query.key);
      const product = await prisma.product.findFirst({
        where: { workspaceId: store.workspaceId, handle: request.params.handle },
        include: { variants: { orderBy: { position: 'asc' } } },
      });
      if (!product) throw new HttpError(404, 'not_found', 'No such product in the demo store.');
      response.type('html').send(renderDemoProduct({ ...store, product: toView(product) }));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** The widget key the page installs: the demo's own, or a valid, live key the URL names. */
async function chooseWidgetKey(prisma: PrismaClient, requested: unknown, demoKey: string) {
  if (requested === undefined) return { widgetKey: demoKey, keyOverride: null };
  const parsed = widgetAuthSchema.shape.key.safeParse(requested);
  if (!parsed.success) throw new HttpError(400, 'invalid_key', 'key must be a widget key (pk_…).');
  if (!(await findWidgetKey(prisma, parsed.data))) {
    throw new HttpError(404, 'not_found', 'No widget has this key, or it was revoked.');
  }
  return { widgetKey: parsed.data, keyOverride: parsed.data };
}

async function loadDemoStore(prisma: PrismaClient, requestedKey: unknown) {
  const access = await findDemoAccess(prisma);
  const workspace = await prisma.workspace.findFirst({ where: { isDemo: true } });
  if (!access || !workspace)
    throw new HttpError(404, 'not_found', 'The demo store is not installed (CLOSER_DEMO=false).');
  const categories = await prisma.product.findMany({
    where: { workspaceId: workspace.id, status: 'active', category: { not: null } },
    distinct: ['category'],
    select: { category: true },
    orderBy: { category: 'asc' },
  });
  return {
    workspaceId: workspace.id,
    storeName: workspace.name,
    currency: workspace.currency,
    ...(await chooseWidgetKey(prisma, requestedKey, access.widgetKey)),
    categories: categories.map((row) => row.category as string),
  };
}

function toView(product: {
  handle: string;
  title: string;
  description: string;
  category: string | null;
  imageUrl: string | null;
  minPriceCents: number | null;
  variants: Array<{ title: string; priceCents: number; compareAtPriceCents: number | null; inventory: number | null }>;
}): DemoProductView {
  return {
    handle: product.handle,
    title: product.title,
    description: product.description,
    category: product.category,
    imageUrl: product.imageUrl,
    priceCents: product.minPriceCents,
    compareAtCents: product.variants[0]?.compareAtPriceCents ?? null,
    variants: product.variants.map((variant) => ({
      title: variant.title,
      priceCents: variant.priceCents,
      inventory: variant.inventory,
    })),
  };
}
