import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import express, { Router } from 'express';
import { findWidgetKey, isOriginAllowed, recordWidgetSeen } from '../../modules/tenancy';
import { HttpError } from './errors';
import { previewPageHeaders, renderPreviewPage } from './widget-preview.view';

/**
 * The widget's files and its configuration. Both are fetched from merchants'
 * pages, so they allow any origin (CORS); the configuration still answers only
 * to origins the widget key allows. Responses carry ETags (express computes
 * them), so repeat visits cost a 304.
 */
export function widgetRoutes(options: { prisma: PrismaClient; widgetDist: string }): Router {
  const router = Router();
  router.use('/widget', (_request, response, next) => {
    response.set({
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      Vary: 'Origin',
    });
    next();
  });

  router.get('/widget/config', async (request, response, next) => {
    try {
      const key = typeof request.query.key === 'string' ? request.query.key : '';
      if (!/^pk_[A-Za-z0-9_-]{8,80}$/.test(key))
        throw new HttpError(400, 'invalid_key', 'Pass the widget key as ?key=pk_…');
      const context = await findWidgetKey(options.prisma, key);
      if (!context) throw new HttpError(404, 'invalid_key', 'Unknown or revoked widget key.');
      const origin = request.get('origin');
      if (origin && !isOriginAllowed(origin, context.allowedOrigins)) {
        throw new HttpError(403, 'origin_not_allowed', `This widget key is not allowed on ${origin}.`);
      }
      // The install check: "last loaded on <origin>". A same-origin fetch carries no Origin, so the Referer's is used.
      recordWidgetSeen(
        options.prisma,
        context.widgetKeyId,
        originOf(origin ?? request.get('referer')),
        new Date(),
      ).catch(() => {});
      const { workspace } = context;
      response.set('Cache-Control', 'public, max-age=60, must-revalidate').json({
        workspaceName: workspace.name,
        locale: workspace.locale,
        currency: workspace.currency,
        platform: workspace.shopDomain ? 'shopify' : 'custom',
        assistant: {
          name: workspace.settings.assistant.name,
          avatarUrl: workspace.settings.assistant.avatarUrl,
          greeting: workspace.settings.assistant.greeting,
          quickReplies: workspace.settings.assistant.quickReplies,
        },
        branding: workspace.settings.branding,
      });
    } catch (error) {
      next(error);
    }
  });

  // The admin's live preview: the real widget, fed unsaved settings by the admin page that frames it.
  router.get('/widget/preview', (_request, response) => {
    response.set(previewPageHeaders).type('html').send(renderPreviewPage());
  });

  router.use(
    '/widget',
    (request, _response, next) => {
      if (!fs.existsSync(path.join(options.widgetDist, path.basename(request.path)))) {
        next(new HttpError(404, 'not_found', 'Widget file not found (is the widget built? `npm run build`).'));
        return;
      }
      next();
    },
    express.static(options.widgetDist, {
      index: false,
      // The loader always revalidates (a cheap 304), so a new release never meets an old loader;
      // app.js and the language files may be cached briefly.
      setHeaders: (response, file) =>
        response.set(
          'Cache-Control',
          path.basename(file) === 'loader.js'
            ? 'public, no-cache'
            : 'public, max-age=300, stale-while-revalidate=86400',
        ),
    }),
  );
  return router;
}

/** The page's origin from an Origin or Referer header, normalised; anything unparsable is not recorded. */
function originOf(header: string | undefined): string | null {
  if (!header || header.length > 2_048) return null;
  try {
    const origin = new URL(header).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
